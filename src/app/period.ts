/** Use cases on a read bundle: evaluate a period, and the warnings a period's texts give. */
import type { Bundle } from "../bundle/read-bundle.js";
import type { Problem } from "../domain/errors.js";
import { UserError } from "../domain/errors.js";
import { type Evaluation, evaluatePeriod } from "../domain/evaluate.js";
import { findPeriod, indexRealisations, type Period } from "../domain/plan.js";

export function requirePeriod(bundle: Bundle, periodId: string): Period {
  const period = findPeriod(bundle.plan, periodId);
  if (period) return period;
  const known = bundle.plan.periods.map((p) => p.id).join(", ");
  throw new UserError(`unknown period "${periodId}": plan ${bundle.plan.id} has ${known}`);
}

/** Evaluates every period up to and including `periodId`, in plan order. */
export function evaluateUpTo(bundle: Bundle, periodId: string): Evaluation[] {
  requirePeriod(bundle, periodId);
  const index = indexRealisations(bundle.realisations);
  const end = bundle.plan.periods.findIndex((p) => p.id === periodId);
  return bundle.plan.periods.slice(0, end + 1).map((p) => evaluatePeriod(bundle.plan, index, p.id));
}

export function evaluateBundlePeriod(bundle: Bundle, periodId: string): Evaluation {
  requirePeriod(bundle, periodId);
  return evaluatePeriod(bundle.plan, bundle.realisations, periodId);
}

/** An exception without explanation, and an explanation of an indicator that is no exception. */
export function explanationWarnings(bundle: Bundle, evaluation: Evaluation): Problem[] {
  const periodId = evaluation.period.id;
  const explained = new Set(
    bundle.explanations.filter((e) => e.periodId === periodId).map((e) => e.indicatorId),
  );
  const exceptions = new Set([
    ...evaluation.exceptions.map((j) => j.indicator.id),
    ...evaluation.intentions.filter((i) => i.note !== null).map((i) => i.intention.id),
  ]);
  const missing = [
    ...evaluation.exceptions.map((j) => ({ id: j.indicator.id, note: j.note, drafted: true })),
    ...evaluation.intentions.flatMap((i) =>
      i.note === null ? [] : [{ id: i.intention.id, note: i.note, drafted: false }],
    ),
  ].filter((e) => !explained.has(e.id));
  const file = (id: string) => `${bundle.dir}/explanations/${periodId}/${id}.md`;
  return [
    ...missing.map((e) => ({
      file: file(e.id),
      message: `warning: exception ${e.note} (${e.id}) in period ${periodId} has no explanation; ${
        e.drafted
          ? "it is reported with a paragraph drafted from its figures, marked as a draft, and cannot be published"
          : "it is reported with a notice in place of the text"
      }`,
    })),
    ...[...explained]
      .filter((id) => !exceptions.has(id))
      .map((id) => ({
        file: file(id),
        message: `warning: ${id} is not an exception in period ${periodId}; its explanation is not reported`,
      })),
  ];
}
