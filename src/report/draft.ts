/**
 * A drafted factual paragraph for an exception that has no explanation yet: the figure, the
 * target that applied and how far the figure is from it, plus any further facts the model
 * supplies (a trend, a margin). It is a starting point for the owner, marked as a draft wherever
 * it is shown, and a report that holds one is never published.
 */
import { compareDecimal, type Decimal, roundDecimal, subtractDecimal } from "../domain/decimal.js";
import type { Judgement } from "../domain/evaluate.js";
import { formatAppliedTarget, formatQuantity, formatValue } from "../domain/format.js";
import type { Language, Plan } from "../domain/plan.js";

const WORDS = {
  nl: {
    figure: (period: string, value: string, target: string | null) =>
      target
        ? `De realisatie over ${period} is ${value}; de streefwaarde is ${target}.`
        : `De realisatie over ${period} is ${value}.`,
    noFigure: (period: string) => `Over ${period} is nog geen realisatie vastgesteld.`,
    below: (gap: string) => `Dat is ${gap} onder de streefwaarde.`,
    above: (gap: string) => `Dat is ${gap} boven de streefwaarde.`,
    points: "procentpunt",
    notMet: "De streefwaarde is niet gerealiseerd.",
  },
  en: {
    figure: (period: string, value: string, target: string | null) =>
      target
        ? `The actual figure for ${period} is ${value}; the target is ${target}.`
        : `The actual figure for ${period} is ${value}.`,
    noFigure: (period: string) => `No actual figure for ${period} has been established yet.`,
    below: (gap: string) => `That is ${gap} below the target.`,
    above: (gap: string) => `That is ${gap} above the target.`,
    points: "percentage points",
    notMet: "The target has not been met.",
  },
} as const;

/** The distance to the nearest edge of what would have met the target; none when it is met. */
function gapTo(judgement: Judgement, value: Decimal): { gap: Decimal; below: boolean } | null {
  const { applied } = judgement;
  if (applied.kind !== "threshold") return null;
  const { threshold } = applied;
  const edge =
    threshold.kind === "range"
      ? compareDecimal(value, threshold.low) < 0
        ? threshold.low
        : threshold.high
      : threshold.value;
  const difference = subtractDecimal(value, edge);
  if (difference.units === 0n) return null;
  const below = difference.units < 0n;
  return { gap: below ? { ...difference, units: -difference.units } : difference, below };
}

function gapText(gap: Decimal, unit: string, language: Language): string {
  return unit === "percent"
    ? `${formatQuantity(gap, "number", language)} ${WORDS[language].points}`
    : formatQuantity(gap, unit, language);
}

export function draftParagraph(
  judgement: Judgement,
  plan: Plan,
  language: Language,
  further: readonly string[] = [],
): string {
  const words = WORDS[language];
  const { indicator, period, realisation } = judgement;
  const target = formatAppliedTarget(plan, indicator, judgement.applied, language);
  const value = realisation?.value;
  const sentences: string[] = [];
  if (!value || value.kind === "missing") {
    sentences.push(words.noFigure(period.label));
  } else {
    sentences.push(words.figure(period.label, formatValue(value, indicator, language), target));
    if (value.kind === "assessment") sentences.push(words.notMet);
    if (value.kind === "number") {
      const gap = gapTo(judgement, value.value);
      if (gap) {
        const shown =
          indicator.decimals === undefined ? gap.gap : roundDecimal(gap.gap, indicator.decimals);
        const text = gapText(shown, indicator.unit, language);
        sentences.push(gap.below ? words.below(text) : words.above(text));
      }
    }
  }
  return [...sentences, ...further].join(" ");
}
