/**
 * The plan's intentions (voornemens) and their milestones, judged per period with the same
 * statuses and the same rule for a missed step as the indicators (pure).
 */

import { compareDates } from "./calendar.js";
import type { CalendarDate, Period, Plan } from "./plan.js";
import { isException, type Status, stepMissed } from "./status.js";

export type MilestoneState = "done" | "on-schedule" | "at-risk" | "behind" | "cancelled";
export const MILESTONE_STATES: readonly MilestoneState[] = [
  "done",
  "on-schedule",
  "at-risk",
  "behind",
  "cancelled",
];

export interface Progress {
  readonly periodId: string;
  readonly state: MilestoneState;
  /** When it was done; required for `done`. */
  readonly date?: CalendarDate;
  /** The date expected as of this period, when it moved; kept per period, so slips show. */
  readonly revised?: CalendarDate;
  readonly reason?: string;
}

export interface Milestone {
  readonly id: string;
  readonly title: string;
  readonly planned: CalendarDate;
  readonly revised?: CalendarDate;
  /** In the order of the plan's periods. */
  readonly progress: readonly Progress[];
}

export interface Intention {
  readonly id: string;
  readonly title: string;
  readonly group?: string;
  readonly owner?: string;
  readonly description?: string;
  readonly milestones: readonly Milestone[];
}

/** A date the milestone was due by: the plan's own (`periodId` null) or one moved in a period. */
export interface DueDate {
  readonly periodId: string | null;
  readonly date: CalendarDate;
}

export interface MilestoneJudgement {
  readonly milestone: Milestone;
  readonly due: CalendarDate;
  /** Every due date up to the period, oldest first; the last is `due`. */
  readonly history: readonly DueDate[];
  /** The latest progress at or before the period, if any. */
  readonly progress: Progress | undefined;
  readonly status: Status;
  /** Done after its due date. */
  readonly late: boolean;
}

export interface IntentionJudgement {
  readonly intention: Intention;
  readonly period: Period;
  readonly milestones: readonly MilestoneJudgement[];
  readonly status: Status;
  readonly note: number | null;
}

function progressUpTo(plan: Plan, milestone: Milestone, period: Period): readonly Progress[] {
  const reached = plan.periods.slice(0, plan.periods.findIndex((p) => p.id === period.id) + 1);
  const ids = new Set(reached.map((p) => p.id));
  return milestone.progress.filter((p) => ids.has(p.periodId));
}

/**
 * The planned date, then each date it moved to: the milestone's own `revised`, or those the
 * periods up to `period` give; a period that repeats the date before it is no move.
 */
export function dueHistory(plan: Plan, milestone: Milestone, period: Period): DueDate[] {
  const history: DueDate[] = [{ periodId: null, date: milestone.planned }];
  if (milestone.revised) history.push({ periodId: null, date: milestone.revised });
  for (const progress of progressUpTo(plan, milestone, period)) {
    const last = history.at(-1);
    if (progress.revised && last && compareDates(progress.revised, last.date) !== 0) {
      history.push({ periodId: progress.periodId, date: progress.revised });
    }
  }
  return history;
}

export function judgeMilestone(
  plan: Plan,
  milestone: Milestone,
  period: Period,
): MilestoneJudgement {
  const history = dueHistory(plan, milestone, period);
  const due = history.at(-1)?.date ?? milestone.planned;
  const progress = progressUpTo(plan, milestone, period).at(-1);
  const judged = (status: Status, late = false) => ({
    milestone,
    due,
    history,
    progress,
    status,
    late,
  });
  switch (progress?.state) {
    case "cancelled":
      return judged("no-target");
    case "done":
      return judged("met", progress.date !== undefined && compareDates(progress.date, due) > 0);
    case "behind":
    case "at-risk":
      return judged(stepMissed(plan, period));
    default:
      return judged(compareDates(due, period.until) <= 0 ? stepMissed(plan, period) : "pending");
  }
}

/** Worst first: what an intention takes from its milestones. */
const SEVERITY: readonly Status[] = ["not-met", "behind-plan", "pending", "met"];

export function intentionStatus(milestones: readonly MilestoneJudgement[]): Status {
  const judged = milestones.filter((m) => m.status !== "no-target");
  if (judged.length === 0) return "no-target";
  return SEVERITY.find((status) => judged.some((m) => m.status === status)) ?? "pending";
}

/** Judges every intention of the plan in one period, numbering its exceptions after `notesBefore`. */
export function evaluateIntentions(
  plan: Plan,
  period: Period,
  notesBefore: number,
): IntentionJudgement[] {
  let notes = notesBefore;
  return (plan.intentions ?? []).map((intention) => {
    const milestones = intention.milestones.map((m) => judgeMilestone(plan, m, period));
    const status = intentionStatus(milestones);
    const note = isException(status) ? ++notes : null;
    return { intention, period, milestones, status, note };
  });
}
