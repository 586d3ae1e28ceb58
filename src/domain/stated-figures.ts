/**
 * The figures an explanation or section states (pure): every number that a sentence ties to
 * an indicator's level, its target, its gap to the target, a change, or a count of exceptions,
 * with its line. A number whose role cannot be told from the sentence is left out, so that
 * dates, years, amounts and article numbers never raise a false alarm.
 */
import type { Decimal } from "./decimal.js";
import { parseDecimal } from "./decimal.js";
import type { Language } from "./plan.js";
import { sentencesOf, type TextSentence } from "./text-sentences.js";
import { numberInWords } from "./words.js";

/** `points` is a difference between percentages (procentpunt, percentage point). */
export type FigureUnit = "percent" | "points" | "plain";

/**
 * Why a level is taken to be the subject's: its heading, the text's first percentage, the end
 * of a stated change, or a sentence that sets it beside the target. A level without such a
 * tie (`loose`) may be about anything and is only ever confirmed, never contradicted.
 */
export type LevelTie = "heading" | "lead" | "change" | "target" | "loose";

export type CountOf = "exceptions" | "indicators" | "intentions";

/** What a change is measured against: the previous period, or a measurement named in the text. */
export type ChangeBase = { readonly previous: true } | { readonly measurement: string };

export type FigureRole =
  | { readonly kind: "level"; readonly tie: LevelTie }
  | { readonly kind: "previous" }
  | { readonly kind: "target" }
  | { readonly kind: "gap" }
  | {
      readonly kind: "change";
      readonly direction: "up" | "down" | null;
      readonly base: ChangeBase;
    }
  | { readonly kind: "count"; readonly of: CountOf; readonly aboutExceptions: boolean };

export type StatedFigure = FigureRole & {
  /** 1-based, in the text given. */
  readonly line: number;
  /** As written, with its unit: `93,5%`, `2 procentpunt`, `vijf`. */
  readonly text: string;
  readonly value: Decimal;
  readonly unit: FigureUnit;
};

interface NumberToken {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: Decimal;
  readonly unit: FigureUnit;
}

const DIGITS: Record<Language, RegExp> = {
  nl: /(?<![\p{L}\d.,^€$])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d]|[.,]\d)/gu,
  en: /(?<![\p{L}\d.,^€$])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d]|[.,]\d)/gu,
};

const POINTS =
  /^\s?(?:%-?punt(?:en)?|procentpunt(?:en)?|percentage[ -]points?|%[ -]points?|points?|pp)(?![\p{L}])/iu;
const PERCENT = /^\s?(?:%|procent(?![\p{L}])|percent(?![\p{L}])|per cent(?![\p{L}]))/iu;
const LETTER_NEXT = /^[\p{L}]/u;

const MONTHS =
  "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|mar|apr|may|jun|jul|aug|sep|sept|okt|oct|nov|dec|january|february|march|june|july|august|october";
const DATE_AFTER = new RegExp(`^\\s+(?:${MONTHS})(?![\\p{L}])`, "iu");
const DATE_BEFORE = new RegExp(`(?:${MONTHS})\\.?\\s+$`, "iu");
const AMOUNT_AFTER =
  /^\s*(?:euro|eur|mln|miljoen|miljard|million|billion|duizend|thousand)(?![\p{L}])/iu;
const AMOUNT_BEFORE = /(?:€|\$|eur|euro)\s*$/iu;
/** Numbers that name things rather than measure them: article 4, promise 1, Q2, phase 3. */
const LABEL_BEFORE =
  /(?:artikel|article|art\.|lid|nr\.|nummer|number|no\.|hoofdstuk|chapter|paragraaf|bijlage|annex|appendix|versie|version|kwartaal|quarter|fase|phase|stap|step|belofte|promise|week|toeslagjaar|jaar|year)\s*$/iu;

function digitValue(text: string, language: Language): Decimal {
  const [group, decimal] = language === "nl" ? [".", ","] : [",", "."];
  return parseDecimal(text.split(group).join("").replace(decimal, ".")) as Decimal;
}

function isYear(text: string): boolean {
  return /^(?:19|20)\d\d$/.test(text);
}

function tokensOf(sentence: string, language: Language): NumberToken[] {
  return [...sentence.matchAll(DIGITS[language])].flatMap((match): NumberToken[] => {
    const digits = match[1] ?? "";
    const start = match.index ?? 0;
    const rest = sentence.slice(start + digits.length);
    const before = sentence.slice(0, start);
    const points = POINTS.exec(rest);
    const percent = points ? null : PERCENT.exec(rest);
    const unitText = (points ?? percent)?.[0] ?? "";
    const unit: FigureUnit = points ? "points" : percent ? "percent" : "plain";
    if (unit === "plain" && isNamingNumber(digits, before, rest)) return [];
    const end = start + digits.length + unitText.length;
    const value = digitValue(digits, language);
    return [{ start, end, text: sentence.slice(start, end), value, unit }];
  });
}

function isNamingNumber(digits: string, before: string, rest: string): boolean {
  return (
    isYear(digits) ||
    LETTER_NEXT.test(rest) ||
    DATE_AFTER.test(rest) ||
    DATE_BEFORE.test(before) ||
    AMOUNT_AFTER.test(rest) ||
    AMOUNT_BEFORE.test(before) ||
    LABEL_BEFORE.test(before) ||
    (/^\s*$/.test(before) && /^[.)]\s/.test(rest))
  );
}

const TARGET_WORD =
  "streefwaarde|norm|grens|doelstelling|doel|ambitie|plafond|target|goal|threshold|ceiling|limit|standard";
/** A target cited just before the number: "de streefwaarde van (ten minste) 94%". */
const TARGET_BEFORE = new RegExp(`(?:${TARGET_WORD})(?![\\p{L}])[^\\d%]{0,60}$`, "iu");
/** The target named just after the number: "2 procentpunt onder de streefwaarde". */
const TOWARDS_TARGET = new RegExp(
  `^\\s*(?:boven|onder|meer dan|minder dan|hoger dan|lager dan|verwijderd van|van|above|below|over|under|more than|less than|higher than|lower than|short of|away from)\\s+(?:(?:de|het|the|our|onze|its|zijn|gestelde|geldende|[\\d.,]+\\s?%)\\s+)*(?:${TARGET_WORD})(?![\\p{L}])`,
  "iu",
);
/** The target named by the number itself: "the 55% target", "de 8%-grens". */
const TARGET_AFTER = new RegExp(`^[\\s-]*(?:${TARGET_WORD})(?![\\p{L}])`, "iu");
const CHANGE_WORDS =
  /(?<![\p{L}])(?:gestegen|gedaald|stijgt|daalt|steeg|daalde|stijging|daling|toegenomen|afgenomen|toename|afname|neemt|nam|af|toe|gegroeid|groei|teruggelopen|gezakt|rose|risen|fell|fallen|increased|decreased|increase|decrease|rise|fall|drop|dropped|declined|decline|grew|gain)(?![\p{L}])/iu;
const UP =
  /(?<![\p{L}])(?:gestegen|stijgt|steeg|stijging|toegenomen|toename|toe|gegroeid|groei|hoger|meer|omhoog|rose|risen|increased|increase|rise|grew|gain|higher|more|up)(?![\p{L}])/giu;
const DOWN =
  /(?<![\p{L}])(?:gedaald|daalt|daalde|daling|afgenomen|afname|af|teruggelopen|gezakt|lager|minder|omlaag|fell|fallen|decreased|decrease|fall|drop|dropped|declined|decline|lower|less|down)(?![\p{L}])/giu;
const CHANGE_NOUN_BEFORE =
  /(?:stijging|daling|toename|afname|groei|increase|decrease|rise|fall|drop|decline|gain)[\s,]+(?:[\p{L}]+\s+)?(?:van|of|met|by)\s*$/iu;
const BY_BEFORE = /(?<![\p{L}])(?:met|by)\s*$/iu;
const CHANGE_AFTER =
  /^\s*(?:gestegen|gedaald|toegenomen|afgenomen|teruggelopen|gezakt|hoger|lager|meer|minder|higher|lower|up|down|more|less)(?![\p{L}])/iu;
const TO_BEFORE = /(?<![\p{L}])(?:naar|tot|to)\s*$/iu;
const FROM_BEFORE = /(?<![\p{L}])(?:van|from)\s*$/iu;
const TO_BETWEEN = /^\s*(?:naar|tot|to)\s*(?:circa|ongeveer|about|around)?\s*$/iu;
const COMPARED =
  /(?<![\p{L}])(?:dan|than|ten opzichte van|t\.o\.v\.|vergeleken met|compared (?:with|to)|sinds|since)(?![\p{L}])(.*)$/iu;
const PREVIOUS_NAMED =
  /(?<![\p{L}])(?:vorige|voorgaande|previous|prior|last)\s+(?:meting|periode|rapportage|rapport|measurement|period|report|wave)(?![\p{L}])/iu;

function directionNear(sentence: string, token: NumberToken): "up" | "down" | null {
  const window = sentence.slice(Math.max(0, token.start - 40), token.end + 30);
  const middle = token.start - Math.max(0, token.start - 40);
  const nearest = (pattern: RegExp) =>
    Math.min(
      ...[...window.matchAll(pattern)].map((m) => Math.abs((m.index ?? 0) - middle)),
      Number.POSITIVE_INFINITY,
    );
  const up = nearest(UP);
  const down = nearest(DOWN);
  if (up === down) return null;
  return up < down ? "up" : "down";
}

function changeBase(after: string): ChangeBase {
  const compared = COMPARED.exec(after);
  if (!compared || PREVIOUS_NAMED.test(compared[0])) return { previous: true };
  return { measurement: compared[0].trim().replace(/[.!?;:,]+$/, "") };
}

function isChange(sentence: string, token: NumberToken, before: string, after: string): boolean {
  if (CHANGE_NOUN_BEFORE.test(before)) return true;
  if (BY_BEFORE.test(before) && CHANGE_WORDS.test(sentence)) return true;
  return token.unit === "points"
    ? CHANGE_AFTER.test(after)
    : /^\s*(?:hoger|lager|higher|lower)\s+(?:dan|than)(?![\p{L}])/iu.test(after);
}

/** The role of one number, or null when the sentence does not give it one. */
function roleOf(
  sentence: string,
  token: NumberToken,
  next: NumberToken | undefined,
  previous: NumberToken | undefined,
): FigureRole | null {
  const before = sentence.slice(0, token.start);
  const after = sentence.slice(token.end);
  const levelLike = token.unit !== "points";
  if (levelLike && (TARGET_BEFORE.test(before) || TARGET_AFTER.test(after))) {
    return { kind: "target" };
  }
  if (TOWARDS_TARGET.test(after)) {
    // "ligt met 10% boven de streefwaarde" states the level; "2 procentpunt boven" the gap.
    return token.unit === "percent" ? { kind: "level", tie: "target" } : { kind: "gap" };
  }
  if (levelLike && next?.unit === token.unit && FROM_BEFORE.test(before)) {
    if (TO_BETWEEN.test(sentence.slice(token.end, next.start))) return { kind: "previous" };
  }
  if (levelLike && previous?.unit === token.unit && TO_BEFORE.test(before)) {
    if (FROM_BEFORE.test(sentence.slice(0, previous.start)))
      return { kind: "level", tie: "change" };
  }
  if (token.unit !== "plain" && isChange(sentence, token, before, after)) {
    return { kind: "change", direction: directionNear(sentence, token), base: changeBase(after) };
  }
  if (levelLike && TO_BEFORE.test(before) && CHANGE_WORDS.test(before)) {
    return { kind: "level", tie: "change" };
  }
  return levelLike ? { kind: "level", tie: "loose" } : null;
}

/** The spelled-out numbers a report counts in, as numberInWords writes them. */
function spelledValue(word: string, language: Language): number {
  const lower = word.toLowerCase();
  for (let n = 0; n <= 20; n++) if (numberInWords(n, language) === lower) return n;
  return -1;
}

const COUNTED: readonly [RegExp, CountOf][] = [
  [/^(?:uitzondering(?:en)?|exceptions?)$/iu, "exceptions"],
  [
    /^(?:prestatie-indicatoren|prestatie-indicator|indicatoren|indicator|indicators|performance)$/iu,
    "indicators",
  ],
  [/^(?:voornemens?|intentions?)$/iu, "intentions"],
];
const DETERMINER =
  /(?:^\s*|(?<![\p{L}])(?:de|het|the|alle|all|deze|these|die|those|onze|our)\s+)$/iu;
const BETWEEN_WORDS = /^(?!van$|of$|uit$|from$|among$|onder$)[\p{L}-]+$/iu;
const ABOUT_EXCEPTIONS =
  /toegelicht|toelichting|niet gerealiseerd|niet gehaald|niet behaald|gemist|achterl[oi]p|achter op|uitzondering|explained|explanation|not met|missed|behind|exception|did not meet|not achieved/iu;

function countsOf(
  sentence: string,
  language: Language,
): (FigureRole & { text: string; value: Decimal; at: number })[] {
  const words = [...sentence.matchAll(/[\p{L}\d][\p{L}\d.,-]*/gu)];
  return words.flatMap((word, index) => {
    const text = word[0].replace(/[.,]$/, "");
    const at = word.index ?? 0;
    const spelled = spelledValue(text, language);
    const digits = /^\d+$/.test(text);
    if (spelled < 0 && !digits) return [];
    if (spelled >= 0 && !DETERMINER.test(sentence.slice(0, at))) return [];
    const of = countedNoun(
      words.slice(index + 1, index + 4).map((w) => w[0].replace(/[.,;:]$/, "")),
    );
    if (!of) return [];
    const value = parseDecimal(digits ? text : String(spelled)) as Decimal;
    const aboutExceptions = ABOUT_EXCEPTIONS.test(sentence);
    return [{ kind: "count" as const, of, aboutExceptions, text, value, at }];
  });
}

/** The noun counted, within two words of the number: "vijf (hierna toegelichte) indicatoren". */
function countedNoun(following: readonly string[]): CountOf | null {
  for (const [index, word] of following.entries()) {
    const found = COUNTED.find(([pattern]) => pattern.test(word));
    if (found) return found[1];
    if (index === 2 || !BETWEEN_WORDS.test(word)) return null;
  }
  return null;
}

function sentenceFigures(
  item: TextSentence,
  language: Language,
  seenLevel: { percent: boolean },
): StatedFigure[] {
  const { text, lineAt, heading } = item;
  const counts = countsOf(text, language);
  const countStarts = new Set(counts.map((c) => c.at));
  const tokens = tokensOf(text, language).filter((t) => !countStarts.has(t.start));
  const targetSentence = tokens.some((t, i) => {
    const role = roleOf(text, t, tokens[i + 1], tokens[i - 1]);
    return role?.kind === "target" || role?.kind === "gap";
  });
  let firstLevel = true;
  const figures = tokens.flatMap((token, i): StatedFigure[] => {
    const role = roleOf(text, token, tokens[i + 1], tokens[i - 1]);
    if (!role) return [];
    const tied =
      role.kind === "level"
        ? tieOf(role.tie, token, heading, targetSentence, firstLevel, seenLevel)
        : null;
    if (role.kind === "level") firstLevel = false;
    const figure = {
      text: token.text,
      value: token.value,
      unit: token.unit,
      line: lineAt(token.start),
    };
    return [tied ? { ...figure, kind: "level", tie: tied } : { ...figure, ...role }];
  });
  const counted = counts.map(
    ({ at, ...count }): StatedFigure => ({ ...count, unit: "plain", line: lineAt(at) }),
  );
  return [...figures, ...counted].sort((a, b) => a.line - b.line);
}

function tieOf(
  tie: LevelTie,
  token: NumberToken,
  heading: boolean,
  targetSentence: boolean,
  firstInSentence: boolean,
  seenLevel: { percent: boolean },
): LevelTie {
  const lead = token.unit === "percent" && !seenLevel.percent;
  if (token.unit === "percent") seenLevel.percent = true;
  if (heading) return "heading";
  if (tie !== "loose") return tie;
  if (targetSentence && firstInSentence) return "target";
  return lead ? "lead" : "loose";
}

/** The figures a Markdown text states, in the language's number notation. */
export function statedFigures(markdown: string, language: Language): StatedFigure[] {
  const seenLevel = { percent: false };
  return sentencesOf(markdown).flatMap((sentence) =>
    sentenceFigures(sentence, language, seenLevel),
  );
}
