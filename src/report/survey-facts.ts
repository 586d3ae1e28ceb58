/** The facts an explanation states about a survey figure: its margin and its trend. */
import { decimalFromNumber, roundDecimal } from "../domain/decimal.js";
import type { Evaluation, Judgement } from "../domain/evaluate.js";
import { formatNumber, formatQuantity } from "../domain/format.js";
import type { Margin } from "../domain/margin.js";
import type { Language, Plan, Realisation } from "../domain/plan.js";
import { surveyFacts } from "../domain/trend.js";
import type { Fact } from "./model.js";
import type { Texts } from "./texts.js";

/** The figures of the evaluated periods, gathered once per report rather than once per fact. */
const gathered = new WeakMap<readonly Evaluation[], readonly Realisation[]>();

function realisationsOf(evaluations: readonly Evaluation[]): readonly Realisation[] {
  const known = gathered.get(evaluations);
  if (known) return known;
  const realisations = evaluations.flatMap((e) =>
    e.judgements.flatMap((j) => (j.realisation ? [j.realisation] : [])),
  );
  gathered.set(evaluations, realisations);
  return realisations;
}

/** Only the facts there is data for: none without a sample size or earlier measurements. */
export function surveyFactList(
  plan: Plan,
  evaluations: readonly Evaluation[],
  judgement: Judgement,
  texts: Texts,
  language: Language,
): Fact[] {
  const { margin, trend } = surveyFacts(plan, realisationsOf(evaluations), judgement);
  return [
    ...(margin
      ? [{ label: texts.facts.margin, value: marginText(margin, judgement, texts, language) }]
      : []),
    ...(trend ? [{ label: texts.facts.trend, value: trend.sentence[language] }] : []),
  ];
}

function marginText(
  margin: Margin,
  judgement: Judgement,
  texts: Texts,
  language: Language,
): string {
  const percent = (n: number) =>
    formatQuantity(
      roundDecimal(decimalFromNumber(Math.round(n * 10) / 10), 1),
      "percent",
      language,
    );
  const interval = texts.facts.interval(
    percent(margin.low),
    percent(margin.high),
    formatNumber(decimalFromNumber(margin.sampleSize), language),
  );
  const within = margin.targetWithin
    ? texts.facts.targetWithinMargin(judgement.status === "met")
    : "";
  return `${interval}${within}`;
}
