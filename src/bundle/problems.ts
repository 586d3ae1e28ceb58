import type { Problem } from "../domain/errors.js";

/** Collects errors and warnings while a bundle is read, so all are reported at once. */
export class ProblemLog {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];

  error(file: string, line: number | undefined, message: string): void {
    this.errors.push(line === undefined ? { file, message } : { file, line, message });
  }

  warn(file: string, line: number | undefined, message: string): void {
    this.warnings.push(line === undefined ? { file, message } : { file, line, message });
  }
}
