/** The budget articles' tolerances for the period, as Markdown, and their early warnings. */
import {
  type Decimal,
  decimalToString,
  parseDecimal,
  roundDecimal,
  subtractDecimal,
} from "../domain/decimal.js";
import { formatNumber, formatQuantity } from "../domain/format.js";
import { type ArticleJudgement, shareOf } from "../domain/lawfulness.js";
import type { Language } from "../domain/plan.js";
import { type Context, literal } from "./register-markdown.js";
import type { ToleranceWarningRow } from "./registers-model.js";

export function euro(amount: Decimal, language: Language): string {
  const cents = roundDecimal(amount, 2);
  const whole = cents.units % 100n === 0n ? roundDecimal(amount, 0) : cents;
  return formatQuantity(whole, "euro", language);
}

export function percent(value: Decimal | null, language: Language): string {
  if (value === null) return "–";
  const trimmed = decimalToString(value)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
  return `${formatNumber(parseDecimal(trimmed) as Decimal, language)}%`;
}

function articleTitle(j: ArticleJudgement, c: Context): string {
  const t = c.t.lawfulness;
  const where = [
    t.chapter(j.chapter.ministry, j.chapter.chapter),
    ...(j.article.article ? [t.article(j.article.article)] : []),
  ].join(", ");
  return `${literal(j.article.title)} (${literal(where)})`;
}

function toleranceLines(j: ArticleJudgement, c: Context): string[] {
  const t = c.t.lawfulness;
  const rule = j.article.rule ?? j.chapter.rule;
  const figures = j.figures;
  if (!figures) return [t.noFigures];
  const tol = j.tolerance;
  const basis = t.basis[figures.basis];
  const lines = tol
    ? [
        `${t.base}: ${euro(tol.base, c.language)}`,
        `${t.errors} (${basis}): ${euro(tol.errorsAndUncertainties, c.language)}`,
        `${t.articleLimit(percent(rule.article, c.language))}: ${euro(tol.articleLimit, c.language)}`,
        `${t.chapterRoom(percent(j.chapter.rule.chapter, c.language))}: ${euro(tol.chapterRoom, c.language)}`,
        `${t.effective}: ${euro(tol.effective, c.language)} (${percent(shareOf(tol.effective, tol.base, 1), c.language)}, ${t.boundBy[tol.boundBy]})`,
        `${t.statedOnly} (${basis}): ${
          tol.exceeds
            ? t.exceeds(euro(tol.excess, c.language))
            : t.within(euro(subtractDecimal(tol.effective, tol.errorsAndUncertainties), c.language))
        }`,
      ]
    : [
        ...(figures.statedTolerance
          ? [`${t.statedTolerance}: ${literal(figures.statedTolerance)}`]
          : []),
        `${t.statedOnly} (${basis}): ${t.outlook[figures.outlook ?? "unknown"]}`,
      ];
  return [...lines, ...(figures.note ? [literal(figures.note)] : []), t.rule(literal(rule.source))];
}

export function lawfulnessMarkdown(judgements: readonly ArticleJudgement[], c: Context): string {
  return [
    ...judgements.flatMap((j) => [`## ${articleTitle(j, c)}`, toleranceLines(j, c).join("  \n")]),
    c.t.lawfulness.indicatorUnchanged,
  ].join("\n\n");
}

export function toleranceWarning(j: ArticleJudgement, c: Context): ToleranceWarningRow {
  const t = c.t.lawfulness;
  const outcome = j.tolerance ? t.exceeds(euro(j.tolerance.excess, c.language)) : t.outlook.exceeds;
  return {
    id: j.article.id,
    title: j.article.title,
    detail: `${t.basis[j.figures?.basis ?? "expected"]}: ${outcome.replaceAll("**", "")}`,
  };
}
