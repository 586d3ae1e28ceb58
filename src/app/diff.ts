/**
 * `koers diff` on a bundle: two periods evaluated and compared, with the explanations the
 * report of each period shows.
 */
import type { Bundle } from "../bundle/read-bundle.js";
import {
  diffPeriods,
  type IndicatorState,
  type IntentionState,
  type PeriodDiff,
  type PeriodSnapshot,
} from "../domain/diff.js";
import type { Evaluation } from "../domain/evaluate.js";
import { formatAppliedTarget, formatValue, recordedFigure } from "../domain/format.js";
import type { IntentionJudgement } from "../domain/intentions.js";
import type { Language } from "../domain/plan.js";
import { evaluateBundlePeriod } from "./period.js";

export interface DiffJson extends PeriodDiff {
  readonly plan: string;
}

function indicatorStates(evaluation: Evaluation, language: Language): IndicatorState[] {
  const { plan } = evaluation;
  return evaluation.judgements.map((j) => ({
    id: j.indicator.id,
    path: j.indicator.path,
    target: formatAppliedTarget(plan, j.indicator, j.applied, language),
    value: recordedFigure(j.realisation?.value),
    shown: formatValue(j.realisation?.value, j.indicator, language),
    status: j.status,
    note: j.note,
  }));
}

export function intentionPath(judgement: IntentionJudgement): string[] {
  const { intention } = judgement;
  return intention.group ? [intention.group, intention.title] : [intention.title];
}

function intentionStates(evaluation: Evaluation): IntentionState[] {
  return evaluation.intentions.map((i) => ({
    id: i.intention.id,
    path: intentionPath(i),
    status: i.status,
    note: i.note,
  }));
}

/**
 * The period as its report shows it, with targets and figures written in `language`: only the
 * exceptions' explanations are reported.
 */
export function bundleSnapshot(
  bundle: Bundle,
  periodId: string,
  language: Language,
): PeriodSnapshot {
  const evaluation = evaluateBundlePeriod(bundle, periodId);
  const indicators = indicatorStates(evaluation, language);
  const intentions = intentionStates(evaluation);
  const exceptions = new Set(
    [...indicators, ...intentions].filter((s) => s.note !== null).map((s) => s.id),
  );
  const explanations = bundle.explanations
    .filter((e) => e.periodId === periodId && exceptions.has(e.indicatorId))
    .map((e) => [e.indicatorId, e.markdown] as const);
  return {
    period: { id: evaluation.period.id, label: evaluation.period.label },
    indicators,
    intentions,
    explanations: new Map(explanations),
  };
}

/** The JSON contract writes targets and figures in the plan's language, as `evaluate --json`. */
export function diffBundle(
  bundle: Bundle,
  from: string,
  to: string,
  language: Language = bundle.plan.language,
): DiffJson {
  const before = bundleSnapshot(bundle, from, language);
  const after = bundleSnapshot(bundle, to, language);
  return { plan: bundle.plan.id, ...diffPeriods(before, after) };
}
