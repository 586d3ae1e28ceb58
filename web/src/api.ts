/** The few API calls the app makes; the session is the HttpOnly cookie the server sets. */
import type { IndicatorRow, NarrativeSection, TableRow } from "../../src/report/model.js";

export type { IndicatorRow, TableRow };

export interface Account {
  readonly email: string;
}

export interface PlanSummary {
  readonly id: string;
  readonly title: string;
  readonly periods: readonly { readonly id: string; readonly state: string }[];
}

export interface Dashboard {
  readonly language: "nl" | "en";
  readonly title: string;
  readonly planTitle: string;
  readonly period: { readonly id: string; readonly label: string };
  readonly introduction: readonly string[];
  readonly table: {
    readonly caption: string;
    readonly headers: {
      readonly indicator: string;
      readonly target: string;
      readonly periods: readonly string[];
      readonly status: string;
      readonly note: string;
      readonly source: string;
    };
    readonly rows: readonly TableRow[];
  };
  readonly intentions: NarrativeSection | null;
  readonly notes: readonly { readonly note: number; readonly heading: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    credentials: "same-origin",
    ...init,
    headers: { ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem.detail ?? problem.title ?? response.statusText);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const api = {
  session: () => call<Account>("/api/session"),
  signIn: (email: string, password: string) =>
    call<void>("/api/session", { method: "POST", body: JSON.stringify({ email, password }) }),
  signOut: () => call<void>("/api/session", { method: "DELETE" }),
  plans: () => call<PlanSummary[]>("/api/plans"),
  dashboard: (plan: string, period: string, language: "nl" | "en") =>
    call<Dashboard>(
      `/api/plans/${encodeURIComponent(plan)}/periods/${encodeURIComponent(period)}/dashboard?language=${language}`,
    ),
};
