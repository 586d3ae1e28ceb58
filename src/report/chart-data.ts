/** The data of an explained indicator's trend chart: its figures per period and its target. */

import { decimalToNumber } from "../domain/decimal.js";
import type { Judgement } from "../domain/evaluate.js";
import { formatTarget, formatValue } from "../domain/format.js";
import type { Indicator, Language, Plan } from "../domain/plan.js";
import { TEXTS } from "./texts.js";

export type ChartTarget =
  | { readonly kind: "line"; readonly value: number }
  | { readonly kind: "band"; readonly low: number; readonly high: number }
  /** A time-phased target: one step per period that has one. */
  | { readonly kind: "steps"; readonly steps: readonly { label: string; value: number }[] };

export interface ChartData {
  readonly language: Language;
  readonly title: string;
  /** The text alternative: every figure and the target, in words a screen reader can say. */
  readonly description: string;
  readonly unit: string;
  readonly points: readonly { readonly label: string; readonly value: number | null }[];
  readonly target: ChartTarget | null;
}

function chartTarget(indicator: Indicator, judgements: readonly Judgement[]): ChartTarget | null {
  const { target } = indicator;
  if (target.kind === "fixed") {
    const t = target.threshold;
    return t.kind === "range"
      ? { kind: "band", low: decimalToNumber(t.low), high: decimalToNumber(t.high) }
      : { kind: "line", value: decimalToNumber(t.value) };
  }
  if (target.kind === "phased") {
    const steps = judgements.flatMap(({ period }) => {
      const step = target.steps.find((s) => s.periodId === period.id);
      return step && step.threshold.kind === "comparison"
        ? [{ label: period.label, value: decimalToNumber(step.threshold.value) }]
        : [];
    });
    return steps.length > 0 ? { kind: "steps", steps } : null;
  }
  return null;
}

/** Null when the indicator has no numeric figure in any of the periods. */
export function chartData(
  indicator: Indicator,
  judgements: readonly Judgement[],
  plan: Plan,
  language: Language,
): ChartData | null {
  const points = judgements.map(({ period, realisation }) => ({
    label: period.label,
    value: realisation?.value.kind === "number" ? decimalToNumber(realisation.value.value) : null,
  }));
  if (points.every((p) => p.value === null)) return null;
  const texts = TEXTS[language].chart;
  const figures = judgements.map(
    ({ period, realisation }) =>
      `${period.label} ${formatValue(realisation?.value, indicator, language)}`,
  );
  const targetText = formatTarget(plan, indicator, language);
  return {
    language,
    title: texts.title(indicator.title),
    description: texts.description(figures, targetText),
    unit: indicator.unit,
    points,
    target: chartTarget(indicator, judgements),
  };
}
