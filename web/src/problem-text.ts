/** What to tell the user about a refused call: the two refusals everyone meets in their language. */
import { ApiError } from "./api.js";
import { type Language, TEXTS } from "./texts.js";

export function problemText(problem: unknown, language: Language): string {
  const t = TEXTS[language];
  if (problem instanceof ApiError && problem.status === 401) return t.notSavedExpired;
  if (problem instanceof ApiError && problem.status === 403) return t.notAllowed;
  return problem instanceof Error ? problem.message : String(problem);
}
