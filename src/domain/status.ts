/** The five statuses of FORMAT.md and the rules shared by indicators and intentions (pure). */
import { isYearEnd, type Period, type Plan } from "./plan.js";

export type Status = "no-target" | "pending" | "met" | "behind-plan" | "not-met";
export const STATUSES: readonly Status[] = [
  "no-target",
  "pending",
  "met",
  "behind-plan",
  "not-met",
];

export function isException(status: Status): boolean {
  return status === "not-met" || status === "behind-plan";
}

/**
 * A miss against a step of the year's plan (a time-phased target, an intention's milestone):
 * behind plan while the year runs, not met at its end.
 */
export function stepMissed(plan: Plan, period: Period): "behind-plan" | "not-met" {
  return isYearEnd(plan, period) ? "not-met" : "behind-plan";
}
