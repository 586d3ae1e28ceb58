/**
 * The plan's governance registers: risks, audit findings and lawfulness, each kept with the
 * advisor's narrative per period (pure data).
 */

import { compareDates } from "./calendar.js";
import type { FindingRegister } from "./findings.js";
import type { LawfulnessRegister } from "./lawfulness.js";
import type { CalendarDate } from "./plan.js";
import type { RiskRegister } from "./risks.js";

export type MeasureStatus = "planned" | "in-progress" | "done" | "stopped";
export const MEASURE_STATES: readonly MeasureStatus[] = [
  "planned",
  "in-progress",
  "done",
  "stopped",
];

/** A mitigation of a risk or an improvement measure of a finding. */
export interface Measure {
  readonly title: string;
  readonly owner: string;
  readonly status: MeasureStatus;
  readonly due?: CalendarDate;
}

/** The advisor's Markdown text per period id. */
export type Narratives = Readonly<Record<string, string>>;

export interface RegisterText {
  /** Overrides the section's standard heading. */
  readonly heading?: string;
  readonly narratives: Narratives;
}

export interface Registers {
  readonly risks?: RiskRegister;
  readonly findings?: FindingRegister;
  readonly lawfulness?: LawfulnessRegister;
}

/** A measure still open after its due date. */
export function measureOverdue(measure: Measure, until: CalendarDate): boolean {
  const open = measure.status === "planned" || measure.status === "in-progress";
  return open && measure.due !== undefined && compareDates(measure.due, until) < 0;
}
