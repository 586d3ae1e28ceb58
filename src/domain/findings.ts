/** The audit findings judged in one period: which are open past their planned date (pure). */
import { compareDates } from "./calendar.js";
import type { CalendarDate, Period, Plan } from "./plan.js";
import { type Measure, measureOverdue, type RegisterText } from "./registers.js";

export type FindingSource = "adr" | "algemene-rekenkamer" | "other";
export const FINDING_SOURCES: readonly FindingSource[] = ["adr", "algemene-rekenkamer", "other"];

export type Classification = "onvolkomenheid" | "ernstige-onvolkomenheid";
export const CLASSIFICATIONS: readonly Classification[] = [
  "onvolkomenheid",
  "ernstige-onvolkomenheid",
];

export type FindingState = "open" | "resolved";
export const FINDING_STATES: readonly FindingState[] = ["open", "resolved"];

export interface FindingProgress {
  readonly periodId: string;
  readonly state: FindingState;
  readonly note?: string;
}

export interface Finding {
  readonly id: string;
  readonly title: string;
  readonly sources: readonly FindingSource[];
  /** The year the finding was raised; absent when the source does not say. */
  readonly year?: number;
  readonly classification: Classification;
  readonly description?: string;
  readonly measures: readonly Measure[];
  readonly resolveBy?: CalendarDate;
  /** In the order of the plan's periods. */
  readonly progress: readonly FindingProgress[];
}

export interface FindingRegister extends RegisterText {
  readonly findings: readonly Finding[];
}

export interface FindingJudgement {
  readonly finding: Finding;
  /** The latest progress at or before the period; a finding without any is open. */
  readonly progress: FindingProgress | undefined;
  readonly state: FindingState;
  /** Still open after its planned resolution date: flagged in the report. */
  readonly overdue: boolean;
  readonly overdueMeasures: readonly Measure[];
}

export function judgeFindings(
  plan: Plan,
  register: FindingRegister,
  period: Period,
): FindingJudgement[] {
  const reached = new Set(
    plan.periods.slice(0, plan.periods.findIndex((p) => p.id === period.id) + 1).map((p) => p.id),
  );
  return register.findings.map((finding) => {
    const progress = finding.progress.filter((p) => reached.has(p.periodId)).at(-1);
    const state = progress?.state ?? "open";
    const late =
      finding.resolveBy !== undefined && compareDates(finding.resolveBy, period.until) < 0;
    return {
      finding,
      progress,
      state,
      overdue: state === "open" && late,
      overdueMeasures: finding.measures.filter((m) => measureOverdue(m, period.until)),
    };
  });
}
