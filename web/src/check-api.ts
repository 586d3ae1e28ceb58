/** The check before publishing: the figures a period's texts state that disagree with its data. */
import { call } from "./api.js";

export interface CheckFinding {
  readonly file: string;
  readonly line: number;
  readonly kind: string;
  readonly stated: string;
  readonly message: string;
}

export interface CheckResult {
  readonly consistent: boolean;
  readonly mismatches: readonly CheckFinding[];
  readonly unverifiable: readonly CheckFinding[];
}

export const checkPeriod = (plan: string, period: string) =>
  call<CheckResult>(
    `/api/plans/${encodeURIComponent(plan)}/periods/${encodeURIComponent(period)}/check`,
  );

/** Whether the check found anything an editor should see before publishing. */
export function hasFindings(result: CheckResult): boolean {
  return result.mismatches.length > 0 || result.unverifiable.length > 0;
}
