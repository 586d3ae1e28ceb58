import type { Problem } from "../domain/errors.js";

/** Where a problem is: a file, or one worksheet of a workbook. */
export type Source = string | { readonly file: string; readonly sheet: string };

function problemAt(source: Source, line: number | undefined, message: string): Problem {
  const where = typeof source === "string" ? { file: source } : source;
  return line === undefined ? { ...where, message } : { ...where, line, message };
}

/** Collects errors and warnings while a bundle is read, so all are reported at once. */
export class ProblemLog {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];

  error(source: Source, line: number | undefined, message: string): void {
    this.errors.push(problemAt(source, line, message));
  }

  warn(source: Source, line: number | undefined, message: string): void {
    this.warnings.push(problemAt(source, line, message));
  }
}
