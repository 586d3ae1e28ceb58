/** The `margin` and `trend` fields of `koers evaluate --json`, additive to FORMAT.md's contract. */
import { decimalToNumber } from "../domain/decimal.js";
import type { Judgement } from "../domain/evaluate.js";
import { isoDate } from "../domain/format.js";
import type { Margin } from "../domain/margin.js";
import type { Plan, Realisation } from "../domain/plan.js";
import { surveyFacts, type Trend } from "../domain/trend.js";

export interface MarginJson {
  /** Bounds in percent, to two decimals: more would suggest a precision a survey lacks. */
  readonly low: number;
  readonly high: number;
  readonly level: number;
  readonly sampleSize: number;
  readonly targetWithinMargin: boolean | null;
}

export interface TrendJson {
  readonly previous: {
    readonly wave: string;
    readonly date: string;
    readonly value: number;
    readonly sampleSize: number | null;
    readonly source: string | null;
  };
  readonly change: number;
  readonly unit: string;
  readonly equalWaves: number;
  readonly significant: boolean | null;
  readonly sentence: { readonly nl: string; readonly en: string };
}

export function surveyJson(
  plan: Plan,
  realisations: readonly Realisation[],
  judgement: Judgement,
): { margin: MarginJson | null; trend: TrendJson | null } {
  const { margin, trend } = surveyFacts(plan, realisations, judgement);
  return { margin: margin ? marginJson(margin) : null, trend: trend ? trendJson(trend) : null };
}

function marginJson(margin: Margin): MarginJson {
  const hundredths = (n: number) => Math.round(n * 100) / 100;
  return {
    low: hundredths(margin.low),
    high: hundredths(margin.high),
    level: margin.level,
    sampleSize: margin.sampleSize,
    targetWithinMargin: margin.targetWithin,
  };
}

function trendJson(trend: Trend): TrendJson {
  const { previous } = trend;
  return {
    previous: {
      wave: previous.wave,
      date: isoDate(previous.date),
      value: decimalToNumber(previous.value),
      sampleSize: previous.sampleSize ?? null,
      source: previous.source ?? null,
    },
    change: decimalToNumber(trend.change),
    unit: trend.unit,
    equalWaves: trend.equalWaves,
    significant: trend.significant,
    sentence: { nl: trend.sentence.nl, en: trend.sentence.en },
  };
}
