/**
 * Evaluation (pure): one status per indicator and period, by the first rule of FORMAT.md's
 * status table that applies, and the numbering of the period's exceptions.
 */
import { roundDecimal } from "./decimal.js";
import { evaluateIntentions, type IntentionJudgement } from "./intentions.js";
import {
  findPeriod,
  type Indicator,
  indexRealisations,
  indicatorsOf,
  isYearEnd,
  type Period,
  type Plan,
  type Realisation,
  realisationKey,
} from "./plan.js";
import { isException, type Status, stepMissed } from "./status.js";
import { satisfies, type Threshold } from "./target.js";

export { isException, STATUSES, type Status, stepMissed } from "./status.js";

/** The part of an indicator's target that applies in one period. */
export type AppliedTarget =
  | { readonly kind: "none" }
  | { readonly kind: "threshold"; readonly threshold: Threshold; readonly phased: boolean }
  | { readonly kind: "qualitative"; readonly text: string }
  /** The target exists but is not judged in this period. */
  | { readonly kind: "not-judged"; readonly reason: "no-step" | "year-end" };

export interface Judgement {
  readonly indicator: Indicator;
  readonly period: Period;
  readonly applied: AppliedTarget;
  readonly realisation: Realisation | undefined;
  readonly status: Status;
  /** The exception's number, or null when the indicator is not an exception. */
  readonly note: number | null;
}

export interface Evaluation {
  readonly plan: Plan;
  readonly period: Period;
  /** In plan order. */
  readonly judgements: readonly Judgement[];
  /** The indicators that are exceptions, in note order (note n is at index n - 1). */
  readonly exceptions: readonly Judgement[];
  /** The plan's intentions; those that are exceptions are numbered after the indicators. */
  readonly intentions: readonly IntentionJudgement[];
}

export function appliedTarget(plan: Plan, indicator: Indicator, period: Period): AppliedTarget {
  const { target } = indicator;
  if (target.kind === "none") return { kind: "none" };
  if (indicator.assess === "year-end" && !isYearEnd(plan, period)) {
    return { kind: "not-judged", reason: "year-end" };
  }
  switch (target.kind) {
    case "qualitative":
      return { kind: "qualitative", text: target.text };
    case "fixed":
      return { kind: "threshold", threshold: target.threshold, phased: false };
    case "phased": {
      const step = target.steps.find((s) => s.periodId === period.id);
      return step
        ? { kind: "threshold", threshold: step.threshold, phased: true }
        : { kind: "not-judged", reason: "no-step" };
    }
  }
}

export function judge(
  plan: Plan,
  indicator: Indicator,
  period: Period,
  realisation: Realisation | undefined,
  applied: AppliedTarget = appliedTarget(plan, indicator, period),
): Status {
  if (applied.kind === "none") return "no-target";
  if (applied.kind === "not-judged") return "pending";
  const value = realisation?.value;
  if (!value || value.kind === "missing") return "pending";
  const met = isMet(indicator, applied, value);
  if (met === undefined) return "pending";
  if (met) return "met";
  const phased = applied.kind === "threshold" && applied.phased;
  return phased ? stepMissed(plan, period) : "not-met";
}

function isMet(
  indicator: Indicator,
  applied: Extract<AppliedTarget, { kind: "threshold" | "qualitative" }>,
  value: Exclude<Realisation["value"], { kind: "missing" }>,
): boolean | undefined {
  if (applied.kind === "qualitative") return value.kind === "assessment" ? value.met : undefined;
  if (value.kind !== "number") return undefined;
  const figure =
    indicator.decimals === undefined ? value.value : roundDecimal(value.value, indicator.decimals);
  return satisfies(applied.threshold, figure);
}

/** Judges every indicator of the plan in one period and numbers the exceptions. */
export function evaluatePeriod(
  plan: Plan,
  realisations: readonly Realisation[] | ReadonlyMap<string, Realisation>,
  periodId: string,
): Evaluation {
  const period = findPeriod(plan, periodId);
  if (!period) throw new RangeError(`plan ${plan.id} has no period ${periodId}`);
  const index = isIndex(realisations) ? realisations : indexRealisations(realisations);
  let notes = 0;
  const judgements = indicatorsOf(plan.nodes).map((indicator): Judgement => {
    const realisation = index.get(realisationKey(indicator.id, period.id));
    const applied = appliedTarget(plan, indicator, period);
    const status = judge(plan, indicator, period, realisation, applied);
    const note = isException(status) ? ++notes : null;
    return { indicator, period, applied, realisation, status, note };
  });
  const exceptions = judgements.filter((j) => j.note !== null);
  return {
    plan,
    period,
    judgements,
    exceptions,
    intentions: evaluateIntentions(plan, period, notes),
  };
}

function isIndex(
  realisations: readonly Realisation[] | ReadonlyMap<string, Realisation>,
): realisations is ReadonlyMap<string, Realisation> {
  return realisations instanceof Map;
}
