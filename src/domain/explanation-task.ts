/**
 * The explanation workflow's rules (pure): which step may follow which state, when a task is
 * due, and when its owner is reminded. Dates are passed in; nothing here reads the clock.
 */
import type { CalendarDate } from "./plan.js";

/**
 * `to-do`: nothing written yet; `draft`: saved, not submitted; `submitted`: waiting for an
 * editor; `returned`: sent back with a comment; `approved`: the text the report uses.
 */
export type TaskState = "to-do" | "draft" | "submitted" | "returned" | "approved";

export type TaskStep = "save" | "submit" | "return" | "approve";

/**
 * Saving changes a submitted or approved text back into a draft: it is then reviewed again, and
 * until then the report keeps the text last approved.
 */
const ALLOWED_FROM: Record<TaskStep, readonly TaskState[]> = {
  save: ["to-do", "draft", "submitted", "returned", "approved"],
  submit: ["draft", "returned"],
  return: ["submitted"],
  approve: ["submitted"],
};

const RESULT: Record<TaskStep, TaskState> = {
  save: "draft",
  submit: "submitted",
  return: "returned",
  approve: "approved",
};

/** The state a step leads to, or undefined when the step may not follow `state`. */
export function stepResult(state: TaskState, step: TaskStep): TaskState | undefined {
  return ALLOWED_FROM[step].includes(state) ? RESULT[step] : undefined;
}

export function allowedFrom(step: TaskStep): readonly TaskState[] {
  return ALLOWED_FROM[step];
}

/** The owner still has to act: nothing submitted, or it came back. */
export function awaitsOwner(state: TaskState): boolean {
  return state === "to-do" || state === "draft" || state === "returned";
}

/** Two weeks after the period ends, unless the editor set another date. */
export const DEFAULT_DUE_AFTER_DAYS = 14;

/** Owners are reminded from this many days before the due date, at most once a day. */
export const REMIND_DAYS_BEFORE = 3;

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** Whole days from `today` until `due`: negative when it is overdue. */
export function daysUntil(today: CalendarDate, due: CalendarDate): number {
  const utc = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day);
  return Math.round((utc(due) - utc(today)) / 86_400_000);
}

/** Whether to remind the owner today: the owner must act, the date is near, not yet today. */
export function needsReminder(
  state: TaskState,
  due: CalendarDate,
  today: CalendarDate,
  remindedOn: CalendarDate | undefined,
): boolean {
  if (!awaitsOwner(state) || daysUntil(today, due) > REMIND_DAYS_BEFORE) return false;
  return remindedOn === undefined || daysUntil(remindedOn, today) >= 1;
}
