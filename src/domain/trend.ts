/**
 * Trends (pure): a period's figure against the measurements before it, in the unit's own
 * terms, with the sentence an explanation would use, in Dutch and English.
 */
import { dateText } from "./date-words.js";
import {
  compareDecimal,
  type Decimal,
  decimalToNumber,
  roundDecimal,
  subtractDecimal,
} from "./decimal.js";
import type { Judgement } from "./evaluate.js";
import { formatNumber, formatQuantity } from "./format.js";
import { type Measurement, measurementsBefore, type WaveName } from "./history.js";
import { type Margin, surveyMargin, withinMargin } from "./margin.js";
import type { Indicator, Language, Plan, Realisation } from "./plan.js";
import { numberInWords } from "./words.js";

export interface Trend {
  /** The most recent earlier measurement. */
  readonly previous: Measurement;
  /** The figure minus the previous one, both as shown (rounded to `decimals` where set). */
  readonly change: Decimal;
  /** `percentage-points` for a percentage, else the indicator's unit. */
  readonly unit: string;
  /** How many of the latest earlier measurements, in a row, equal the figure. */
  readonly equalWaves: number;
  /** Whether the previous figure lies outside the figure's margin; null without a margin or a change. */
  readonly significant: boolean | null;
  readonly sentence: Readonly<Record<Language, string>>;
}

/** The trend of a judged figure; undefined without a numeric figure or earlier measurements. */
export function trendOf(
  judgement: Judgement,
  earlier: readonly Measurement[],
  margin?: Margin,
): Trend | undefined {
  const { indicator } = judgement;
  const value = judgement.realisation?.value;
  const [previous] = earlier;
  if (value?.kind !== "number" || !previous) return undefined;
  const shown = (d: Decimal) =>
    indicator.decimals === undefined ? d : roundDecimal(d, indicator.decimals);
  const figure = shown(value.value);
  const change = subtractDecimal(figure, shown(previous.value));
  const firstDifferent = earlier.findIndex((m) => compareDecimal(shown(m.value), figure) !== 0);
  const equalWaves = firstDifferent < 0 ? earlier.length : firstDifferent;
  const significant =
    margin && equalWaves === 0 ? !withinMargin(margin, decimalToNumber(previous.value)) : null;
  const facts = { indicator, previous, change, equalWaves, significant };
  return {
    previous,
    change,
    unit: indicator.unit === "percent" ? "percentage-points" : indicator.unit,
    equalWaves,
    significant,
    sentence: { nl: sentence(facts, "nl"), en: sentence(facts, "en") },
  };
}

interface TrendFacts {
  readonly indicator: Indicator;
  readonly previous: Measurement;
  readonly change: Decimal;
  readonly equalWaves: number;
  readonly significant: boolean | null;
}

const WORDS = {
  nl: {
    equalMany: (count: string) => `gelijk aan de ${count} voorgaande metingen`,
    equalOne: (name: string) => `gelijk aan de meting van ${name}`,
    changed: (amount: string, up: boolean, name: string) =>
      `${amount} ${up ? "hoger" : "lager"} dan de meting van ${name}`,
    points: (amount: string) => `${amount} procentpunt`,
    notSignificant: " (niet significant)",
    ordinals: ["eerste", "tweede", "derde", "vierde"],
    quarter: (ordinal: string, year: number) => `het ${ordinal} kwartaal van ${year}`,
    half: (ordinal: string, year: number) => `de ${ordinal} helft van ${year}`,
  },
  en: {
    equalMany: (count: string) => `equal to the ${count} previous measurements`,
    equalOne: (name: string) => `equal to the measurement of ${name}`,
    changed: (amount: string, up: boolean, name: string) =>
      `${amount} ${up ? "higher" : "lower"} than the measurement of ${name}`,
    points: (amount: string) => `${amount} percentage point${amount === "1" ? "" : "s"}`,
    notSignificant: " (not significant)",
    ordinals: ["first", "second", "third", "fourth"],
    quarter: (ordinal: string, year: number) => `the ${ordinal} quarter of ${year}`,
    half: (ordinal: string, year: number) => `the ${ordinal} half of ${year}`,
  },
} as const;

function sentence(facts: TrendFacts, language: Language): string {
  const words = WORDS[language];
  const name = waveName(facts.previous.name, language);
  if (facts.equalWaves > 1) return words.equalMany(numberInWords(facts.equalWaves, language));
  if (facts.equalWaves === 1) return words.equalOne(name);
  const up = facts.change.units > 0n;
  const size = { units: up ? facts.change.units : -facts.change.units, scale: facts.change.scale };
  const amount =
    facts.indicator.unit === "percent"
      ? words.points(formatNumber(size, language))
      : formatQuantity(size, facts.indicator.unit, language);
  const caveat = facts.significant === false ? words.notSignificant : "";
  return `${words.changed(amount, up, name)}${caveat}`;
}

function waveName(name: WaveName, language: Language): string {
  const words = WORDS[language];
  switch (name.kind) {
    case "quarter":
      return words.quarter(words.ordinals[name.quarter - 1] ?? "", name.year);
    case "half":
      return words.half(words.ordinals[name.half - 1] ?? "", name.year);
    case "year":
      return String(name.year);
    case "date":
      return dateText(name.date, language);
    case "period":
      return name.label.includes(String(name.year)) ? name.label : `${name.label} ${name.year}`;
    case "label":
      return name.text;
  }
}

/** A judged figure's margin and trend, from the plan's history and its earlier periods. */
export function surveyFacts(
  plan: Plan,
  realisations: readonly Realisation[],
  judgement: Judgement,
): { readonly margin: Margin | undefined; readonly trend: Trend | undefined } {
  const margin = surveyMargin(judgement);
  const earlier = measurementsBefore(plan, realisations, judgement.indicator, judgement.period);
  return { margin, trend: trendOf(judgement, earlier, margin) };
}
