/** An error the user can fix (bad input, bad request); it says what and where. Anything else is a bug. */
export class UserError extends Error {
  override readonly name = "UserError";
}

export interface Problem {
  readonly file: string;
  /** The worksheet, when the file is a workbook; its rows are then the lines. */
  readonly sheet?: string;
  /** 1-based; absent when the problem concerns the file as a whole. */
  readonly line?: number;
  readonly message: string;
}

export function formatProblem(problem: Problem): string {
  if (problem.sheet !== undefined) {
    const row = problem.line === undefined ? "" : `, row ${problem.line}`;
    return `${problem.file}, sheet ${problem.sheet}${row}: ${problem.message}`;
  }
  return problem.line === undefined
    ? `${problem.file}: ${problem.message}`
    : `${problem.file}:${problem.line}: ${problem.message}`;
}

/** A rejected input, with every problem found in it, not only the first. */
export class ProblemsError extends UserError {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join("\n"));
  }
}
