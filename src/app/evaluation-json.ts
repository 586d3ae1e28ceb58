/** The JSON of `koers evaluate --json`: FORMAT.md's contract. */
import type { Evaluation, Status } from "../domain/evaluate.js";
import { formatAppliedTarget, recordedFigure } from "../domain/format.js";

export interface IndicatorJson {
  readonly id: string;
  readonly path: readonly string[];
  readonly target: string | null;
  readonly value: number | "met" | "not-met" | null;
  readonly status: Status;
  readonly note: number | null;
}

export interface EvaluationJson {
  readonly plan: string;
  readonly period: string;
  readonly indicators: readonly IndicatorJson[];
  readonly exceptions: readonly string[];
}

export function evaluationJson(evaluation: Evaluation): EvaluationJson {
  const { plan } = evaluation;
  return {
    plan: plan.id,
    period: evaluation.period.id,
    indicators: evaluation.judgements.map((j) => ({
      id: j.indicator.id,
      path: j.indicator.path,
      target: formatAppliedTarget(plan, j.indicator, j.applied, plan.language),
      value: recordedFigure(j.realisation?.value),
      status: j.status,
      note: j.note,
    })),
    exceptions: evaluation.exceptions.map((j) => j.indicator.id),
  };
}
