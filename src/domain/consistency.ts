/**
 * Whether the figures a text states agree with the evaluation (pure). A figure agrees when it
 * is the data's at the precision written (90% for 90,5%, rounded or cut off). Only figures
 * the text ties to something in the data can disagree; a change against a measurement that
 * is not in the data can only be listed as unverifiable.
 */
import { compareDecimal, type Decimal, roundDecimal } from "./decimal.js";
import type { Evaluation, Judgement } from "./evaluate.js";
import { formatNumber } from "./format.js";
import type { Language, Unit } from "./plan.js";
import type { StatedFigure } from "./stated-figures.js";
import type { Threshold } from "./target.js";

export interface SubjectFacts {
  readonly id: string;
  readonly periodId: string;
  readonly unit: Unit;
  /** The figure as shown: rounded to the indicator's decimals. */
  readonly value: Decimal | undefined;
  /** Every value a citation of the target may name (a time-phased target: any step). */
  readonly targets: readonly Decimal[];
  /** The threshold a gap is measured to, when the target applies in the period. */
  readonly threshold: Threshold | undefined;
  readonly previous: { readonly periodId: string; readonly value: Decimal | undefined } | undefined;
}

export interface CountFacts {
  readonly exceptions: number;
  readonly intentionExceptions: number;
  readonly indicators: number;
  readonly intentions: number;
}

export interface TextFacts {
  readonly language: Language;
  readonly counts: CountFacts;
  /** The indicator the text explains; absent for sections and intentions. */
  readonly subject?: SubjectFacts;
}

export type Verdict = "consistent" | "mismatch" | "unverifiable";

export interface FigureFinding {
  readonly line: number;
  readonly kind: StatedFigure["kind"];
  readonly stated: string;
  readonly verdict: Verdict;
  readonly message: string;
}

function widened(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  const widen = (d: Decimal) => d.units * 10n ** BigInt(scale - d.scale);
  return [widen(a), widen(b), scale];
}

function difference(a: Decimal, b: Decimal): Decimal {
  const [left, right, scale] = widened(a, b);
  return { units: left - right, scale };
}

function magnitude(d: Decimal): Decimal {
  return d.units < 0n ? { units: -d.units, scale: d.scale } : d;
}

/** The actual value written at the stated precision: rounded, or cut off as in "90%" for 90,5%. */
export function agrees(stated: Decimal, actual: Decimal): boolean {
  if (stated.scale >= actual.scale) return compareDecimal(stated, actual) === 0;
  const cut = {
    units: actual.units / 10n ** BigInt(actual.scale - stated.scale),
    scale: stated.scale,
  };
  return (
    compareDecimal(stated, roundDecimal(actual, stated.scale)) === 0 ||
    compareDecimal(stated, cut) === 0
  );
}

function gapTo(threshold: Threshold, value: Decimal): Decimal {
  if (threshold.kind === "comparison") return magnitude(difference(value, threshold.value));
  if (compareDecimal(value, threshold.low) < 0) return difference(threshold.low, value);
  if (compareDecimal(value, threshold.high) > 0) return difference(value, threshold.high);
  return { units: 0n, scale: 0 };
}

function written(value: Decimal, unit: Unit | "points", language: Language): string {
  const number = formatNumber(value, language);
  if (unit === "percent") return `${number}%`;
  if (unit === "points") return `${number} ${language === "nl" ? "procentpunt" : "points"}`;
  return number;
}

type Judged = Omit<FigureFinding, "line" | "kind" | "stated">;
const consistent: Judged = { verdict: "consistent", message: "" };

/** Whether the figure is of the subject's kind: percentages for a percentage, plain numbers else. */
function fits(figure: StatedFigure, subject: SubjectFacts): boolean {
  const percent = subject.unit === "percent";
  if (figure.kind === "change") return percent;
  if (figure.kind === "gap") return figure.unit === (percent ? "points" : "plain");
  if (figure.kind === "level" && !percent && (figure.tie === "lead" || figure.tie === "loose")) {
    return false;
  }
  return figure.unit === (percent ? "percent" : "plain");
}

function judgeLevel(
  figure: StatedFigure,
  subject: SubjectFacts,
  language: Language,
): Judged | null {
  const loose = figure.kind === "level" && figure.tie === "loose";
  if (subject.value === undefined) {
    return loose ? null : unverifiable(`${subject.id} has no figure in ${subject.periodId}`);
  }
  if (agrees(figure.value, subject.value)) return consistent;
  if (loose) return null;
  const actual = written(subject.value, subject.unit, language);
  return mismatch(
    `states ${figure.text} as the figure of ${subject.id} in ${subject.periodId}; the data has ${actual}`,
  );
}

function judgeTarget(
  figure: StatedFigure,
  subject: SubjectFacts,
  language: Language,
): Judged | null {
  if (subject.targets.length === 0) return null;
  if (subject.targets.some((t) => agrees(figure.value, t))) return consistent;
  const targets = subject.targets.map((t) => written(t, subject.unit, language)).join(" or ");
  return mismatch(`cites ${figure.text} as the target of ${subject.id}; the target is ${targets}`);
}

function judgeGap(figure: StatedFigure, subject: SubjectFacts, language: Language): Judged | null {
  if (!subject.threshold || subject.value === undefined) return null;
  const gap = gapTo(subject.threshold, subject.value);
  if (agrees(figure.value, gap)) return consistent;
  const unit = subject.unit === "percent" ? "points" : subject.unit;
  return mismatch(
    `states ${figure.text} between ${subject.id} and its target; the data has ${written(subject.value, subject.unit, language)}, ${written(gap, unit, language)} from the target`,
  );
}

function judgePrevious(figure: StatedFigure, subject: SubjectFacts, language: Language): Judged {
  const before = subject.previous;
  if (before?.value === undefined) {
    return unverifiable(
      `${figure.text} is a figure before ${subject.periodId} that is not in the data`,
    );
  }
  if (agrees(figure.value, before.value)) return consistent;
  return mismatch(
    `states ${figure.text} as the previous figure of ${subject.id}; the data has ${written(before.value, subject.unit, language)} in ${before.periodId}`,
  );
}

function judgeChange(
  figure: Extract<StatedFigure, { kind: "change" }>,
  subject: SubjectFacts,
  language: Language,
): Judged {
  if ("measurement" in figure.base) {
    return unverifiable(
      `a change of ${figure.text} against a measurement that is not in the data ("${figure.base.measurement}")`,
    );
  }
  const before = subject.previous;
  if (before?.value === undefined || subject.value === undefined) {
    return unverifiable(
      `a change of ${figure.text} against a figure before ${subject.periodId} that is not in the data`,
    );
  }
  const change = difference(subject.value, before.value);
  const size = magnitude(change);
  const way = change.units > 0n ? "up" : change.units < 0n ? "down" : null;
  const wrongWay = figure.direction !== null && way !== null && figure.direction !== way;
  if (agrees(figure.value, size) && !wrongWay) return consistent;
  const from = written(before.value, subject.unit, language);
  const to = written(subject.value, subject.unit, language);
  return mismatch(
    `states a change of ${figure.text}${figure.direction ? ` ${figure.direction}` : ""} in ${subject.id}; the data goes from ${from} in ${before.periodId} to ${to}`,
  );
}

function judgeCount(
  figure: Extract<StatedFigure, { kind: "count" }>,
  counts: CountFacts,
): Judged | null {
  const stated = Number(figure.value.units) / 10 ** figure.value.scale;
  const exceptions = counts.exceptions + counts.intentionExceptions;
  const allowed: Record<typeof figure.of, readonly number[]> = {
    exceptions: [counts.exceptions, exceptions],
    indicators: [counts.exceptions, counts.indicators],
    intentions: [counts.intentionExceptions, counts.intentions],
  };
  if (allowed[figure.of].includes(stated)) return consistent;
  if (figure.of !== "exceptions" && !figure.aboutExceptions) return null;
  const data =
    figure.of === "intentions"
      ? `${counts.intentionExceptions} of the ${counts.intentions} intentions are exceptions`
      : `the period has ${counts.exceptions} exceptions among ${counts.indicators} indicators${counts.intentionExceptions ? ` and ${counts.intentionExceptions} among the intentions` : ""}`;
  return mismatch(`counts ${figure.text} ${figure.of}; ${data}`);
}

const mismatch = (message: string): Judged => ({ verdict: "mismatch", message });
const unverifiable = (message: string): Judged => ({ verdict: "unverifiable", message });

function judge(figure: StatedFigure, facts: TextFacts): Judged | null {
  if (figure.kind === "count") return judgeCount(figure, facts.counts);
  const { subject, language } = facts;
  if (!subject || !fits(figure, subject)) return null;
  switch (figure.kind) {
    case "level":
      return judgeLevel(figure, subject, language);
    case "target":
      return judgeTarget(figure, subject, language);
    case "gap":
      return judgeGap(figure, subject, language);
    case "previous":
      return judgePrevious(figure, subject, language);
    case "change":
      return judgeChange(figure, subject, language);
  }
}

/** A finding for every figure that could be checked; the others are left out. */
export function judgeFigures(figures: readonly StatedFigure[], facts: TextFacts): FigureFinding[] {
  return figures.flatMap((figure) => {
    const judged = judge(figure, facts);
    return judged ? [{ line: figure.line, kind: figure.kind, stated: figure.text, ...judged }] : [];
  });
}

function shownValue(judgement: Judgement | undefined): Decimal | undefined {
  const value = judgement?.realisation?.value;
  if (value?.kind !== "number") return undefined;
  const { decimals } = judgement?.indicator ?? {};
  return decimals === undefined ? value.value : roundDecimal(value.value, decimals);
}

function thresholdValues(threshold: Threshold): Decimal[] {
  return threshold.kind === "range" ? [threshold.low, threshold.high] : [threshold.value];
}

/** The threshold a gap is measured to: the applied one, or a year-end target not yet judged. */
function gapThreshold(judgement: Judgement): Threshold | undefined {
  if (judgement.applied.kind === "threshold") return judgement.applied.threshold;
  const { target } = judgement.indicator;
  return judgement.applied.kind === "not-judged" && target.kind === "fixed"
    ? target.threshold
    : undefined;
}

function citedTargets(judgement: Judgement): Decimal[] {
  const { target } = judgement.indicator;
  if (judgement.applied.kind === "threshold") return thresholdValues(judgement.applied.threshold);
  if (target.kind === "fixed") return thresholdValues(target.threshold);
  if (target.kind === "phased") return target.steps.flatMap((s) => thresholdValues(s.threshold));
  return [];
}

/** What a text of the period may be checked against; `previous` is the period before, if any. */
export function textFacts(
  evaluation: Evaluation,
  previous: Evaluation | undefined,
  subjectId?: string,
): TextFacts {
  const counts = {
    exceptions: evaluation.exceptions.length,
    intentionExceptions: evaluation.intentions.filter((i) => i.note !== null).length,
    indicators: evaluation.judgements.length,
    intentions: evaluation.intentions.length,
  };
  const language = evaluation.plan.language;
  const judgement = evaluation.judgements.find((j) => j.indicator.id === subjectId);
  if (!judgement) return { language, counts };
  const before = previous?.judgements.find((j) => j.indicator.id === subjectId);
  const subject: SubjectFacts = {
    id: judgement.indicator.id,
    periodId: evaluation.period.id,
    unit: judgement.indicator.unit,
    value: shownValue(judgement),
    targets: citedTargets(judgement),
    threshold: gapThreshold(judgement),
    previous: previous && { periodId: previous.period.id, value: shownValue(before) },
  };
  return { language, counts, subject };
}
