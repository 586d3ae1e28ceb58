/**
 * Lawfulness (rechtmatigheid): each budget article's effective reporting tolerance and whether
 * its errors and uncertainties exceed it (pure, exact decimal arithmetic).
 *
 * An article's tolerance is its own band (by default 5% of its expenditure and receipts),
 * capped by the room its chapter's band (by default 2% of the chapter's expenditure and
 * receipts) leaves after the other articles' errors and uncertainties. That cap is one plausible
 * reading of how an article that is large within its chapter gets a lower tolerance.
 */
import { compareDecimal, type Decimal, subtractDecimal } from "./decimal.js";
import type { Period } from "./plan.js";
import type { RegisterText } from "./registers.js";

export interface ToleranceRule {
  readonly id: string;
  /** Percent of an article's expenditure and receipts. */
  readonly article: Decimal;
  /** Percent of a chapter's expenditure and receipts. */
  readonly chapter: Decimal;
  /** Where the band is laid down: every rule names one. */
  readonly source: string;
}

/** The system in force since the 2017 accounts of the State. */
export const DEFAULT_TOLERANCE_RULE: ToleranceRule = {
  id: "rijk-2017",
  article: { units: 5n, scale: 0 },
  chapter: { units: 2n, scale: 0 },
  source:
    "Financieel jaarverslag van het Rijk 2017 en 2018: fouten en onzekerheden opgeteld, 5% per begrotingsartikel en 2% per begrotingshoofdstuk",
};

export interface Chapter {
  readonly id: string;
  readonly ministry: string;
  /** The chapter's number as the budget writes it (XXII). */
  readonly chapter?: string;
  readonly rule: ToleranceRule;
}

export type FiguresBasis = "expected" | "found";
export type Outlook = "exceeds" | "within";

export interface Amounts {
  readonly expenditure: Decimal;
  readonly receipts: Decimal;
  readonly errors: Decimal;
  readonly uncertainties: Decimal;
}

/** An article's figures as known in one period; amounts absent when the source gives none. */
export interface ArticleFigures {
  readonly periodId: string;
  readonly basis: FiguresBasis;
  readonly amounts?: Amounts;
  /** The outcome as the source states it, for when it gives no amounts. */
  readonly outlook?: Outlook;
  /** The tolerance as the source states it (`circa 3%`), shown as written. */
  readonly statedTolerance?: string;
  readonly note?: string;
}

export interface Article {
  readonly id: string;
  readonly chapterId: string;
  readonly article?: string;
  readonly title: string;
  /** Overrides the chapter's rule for the article's own band. */
  readonly rule?: ToleranceRule;
  readonly figures: readonly ArticleFigures[];
}

export interface LawfulnessRegister extends RegisterText {
  readonly chapters: readonly Chapter[];
  readonly articles: readonly Article[];
}

/** Errors and uncertainties against one article's tolerance. */
export interface Tolerance {
  readonly base: Decimal;
  readonly errorsAndUncertainties: Decimal;
  readonly articleLimit: Decimal;
  /** The chapter's band less the other articles' errors and uncertainties, never below zero. */
  readonly chapterRoom: Decimal;
  readonly effective: Decimal;
  readonly boundBy: "article" | "chapter";
  /** How far errors and uncertainties go over the effective tolerance; zero when within. */
  readonly excess: Decimal;
  readonly exceeds: boolean;
}

export interface ArticleJudgement {
  readonly article: Article;
  readonly chapter: Chapter;
  readonly figures: ArticleFigures | undefined;
  /** Null when the chapter's amounts are not all given for the period. */
  readonly tolerance: Tolerance | null;
  /** Computed where the amounts allow, otherwise as stated; null when neither is known. */
  readonly outlook: Outlook | null;
  /** An excess, expected or found, is an early warning. */
  readonly warning: boolean;
}

const ZERO: Decimal = { units: 0n, scale: 0 };

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  return subtractDecimal(a, { units: -b.units, scale: b.scale });
}

function sum(values: readonly Decimal[]): Decimal {
  return values.reduce(addDecimal, ZERO);
}

/** `percent`% of `amount`, exactly. */
export function percentOf(amount: Decimal, percent: Decimal): Decimal {
  return { units: amount.units * percent.units, scale: amount.scale + percent.scale + 2 };
}

function min(a: Decimal, b: Decimal): Decimal {
  return compareDecimal(a, b) <= 0 ? a : b;
}

function max(a: Decimal, b: Decimal): Decimal {
  return compareDecimal(a, b) >= 0 ? a : b;
}

export function baseOf(amounts: Amounts): Decimal {
  return addDecimal(amounts.expenditure, amounts.receipts);
}

export function errorsOf(amounts: Amounts): Decimal {
  return addDecimal(amounts.errors, amounts.uncertainties);
}

export interface ToleranceArticle {
  readonly id: string;
  /** Percent of the article's base; the chapter's article band unless a rule says otherwise. */
  readonly articlePercent: Decimal;
  readonly amounts: Amounts;
}

/** The tolerance of every article of one chapter; `articles` are all the chapter's articles. */
export function chapterTolerances(
  chapterPercent: Decimal,
  articles: readonly ToleranceArticle[],
): Map<string, Tolerance> {
  const chapterLimit = percentOf(sum(articles.map((a) => baseOf(a.amounts))), chapterPercent);
  const chapterErrors = sum(articles.map((a) => errorsOf(a.amounts)));
  return new Map(
    articles.map((a) => {
      const own = errorsOf(a.amounts);
      const articleLimit = percentOf(baseOf(a.amounts), a.articlePercent);
      const others = subtractDecimal(chapterErrors, own);
      const chapterRoom = max(ZERO, subtractDecimal(chapterLimit, others));
      const effective = min(articleLimit, chapterRoom);
      const over = subtractDecimal(own, effective);
      return [
        a.id,
        {
          base: baseOf(a.amounts),
          errorsAndUncertainties: own,
          articleLimit,
          chapterRoom,
          effective,
          boundBy: compareDecimal(articleLimit, chapterRoom) <= 0 ? "article" : "chapter",
          excess: max(ZERO, over),
          exceeds: compareDecimal(over, ZERO) > 0,
        },
      ];
    }),
  );
}

/** `part` (not negative) as a percentage of `whole`, rounded half up; null for a zero whole. */
export function shareOf(part: Decimal, whole: Decimal, decimals: number): Decimal | null {
  if (whole.units === 0n) return null;
  const scale = Math.max(part.scale, whole.scale);
  const p = part.units * 10n ** BigInt(scale - part.scale);
  const w = whole.units * 10n ** BigInt(scale - whole.scale);
  const scaled = p * 100n * 10n ** BigInt(decimals) * 2n;
  const quotient = scaled / w;
  return { units: (quotient + 1n) / 2n, scale: decimals };
}

function computed(register: LawfulnessRegister, period: Period): Map<string, Tolerance> {
  const result = new Map<string, Tolerance>();
  for (const chapter of register.chapters) {
    const articles = register.articles.filter((a) => a.chapterId === chapter.id);
    const inputs = articles.flatMap((a) => {
      const amounts = a.figures.find((f) => f.periodId === period.id)?.amounts;
      const articlePercent = (a.rule ?? chapter.rule).article;
      return amounts ? [{ id: a.id, articlePercent, amounts }] : [];
    });
    if (inputs.length === 0 || inputs.length < articles.length) continue;
    for (const [id, tolerance] of chapterTolerances(chapter.rule.chapter, inputs))
      result.set(id, tolerance);
  }
  return result;
}

export function judgeLawfulness(register: LawfulnessRegister, period: Period): ArticleJudgement[] {
  const tolerances = computed(register, period);
  return register.articles.flatMap((article) => {
    const chapter = register.chapters.find((c) => c.id === article.chapterId);
    if (!chapter) return [];
    const figures = article.figures.find((f) => f.periodId === period.id);
    const tolerance = tolerances.get(article.id) ?? null;
    const outlook = tolerance
      ? tolerance.exceeds
        ? "exceeds"
        : "within"
      : (figures?.outlook ?? null);
    return [{ article, chapter, figures, tolerance, outlook, warning: outlook === "exceeds" }];
  });
}
