/**
 * The target grammar of FORMAT.md (pure): comparisons, bare values with a direction,
 * ranges, time-phased targets and qualitative targets.
 */
import { compareDecimal, type Decimal, decimalToString, parseDecimal } from "./decimal.js";
import type { Direction } from "./plan.js";

export type Comparator = ">=" | "<=" | "<" | ">" | "=";

export type Threshold =
  | {
      readonly kind: "comparison";
      readonly comparator: Comparator;
      readonly value: Decimal;
      /** Written without a comparator; the comparator came from the direction. */
      readonly bare: boolean;
    }
  | { readonly kind: "range"; readonly low: Decimal; readonly high: Decimal };

export interface PhasedStep {
  readonly periodId: string;
  readonly threshold: Threshold;
}

export type Target =
  | { readonly kind: "none" }
  | { readonly kind: "fixed"; readonly threshold: Threshold }
  | { readonly kind: "phased"; readonly steps: readonly PhasedStep[] }
  | { readonly kind: "qualitative"; readonly text: string };

export interface ParsedThreshold {
  readonly threshold: Threshold;
  /** The text carried a `%`. */
  readonly percent: boolean;
}

export type ThresholdResult = { ok: ParsedThreshold } | { error: string };

const COMPARATORS: Record<string, Comparator> = {
  ">=": ">=",
  "≥": ">=",
  "<=": "<=",
  "≤": "<=",
  "<": "<",
  ">": ">",
  "=": "=",
};

const NUMBER = String.raw`(-?\d+(?:[.,]\d+)?)\s*(%?)`;
const COMPARISON = new RegExp(String.raw`^(>=|≥|<=|≤|<|>|=)\s*${NUMBER}$`);
const RANGE = new RegExp(String.raw`^${NUMBER}\s*[-–]\s*${NUMBER}$`);
const BARE = new RegExp(`^${NUMBER}$`);

function number(text: string): Decimal {
  return parseDecimal(text.replace(",", ".")) as Decimal;
}

/** Parses one threshold (not time-phased, not qualitative). */
export function parseThreshold(text: string, direction: Direction | undefined): ThresholdResult {
  const trimmed = text.trim();
  const comparison = COMPARISON.exec(trimmed);
  if (comparison) {
    const [, symbol = "", value = "", percent] = comparison;
    const comparator = COMPARATORS[symbol] as Comparator;
    const conflict = directionConflict(comparator, direction);
    if (conflict) return { error: conflict };
    return {
      ok: {
        threshold: { kind: "comparison", comparator, value: number(value), bare: false },
        percent: percent === "%",
      },
    };
  }
  const range = RANGE.exec(trimmed);
  if (range) {
    const [, low = "", lowPercent, high = "", highPercent] = range;
    const threshold = { kind: "range" as const, low: number(low), high: number(high) };
    if (compareDecimal(threshold.low, threshold.high) > 0) {
      return { error: `range "${trimmed}" has its low end above its high end` };
    }
    return { ok: { threshold, percent: lowPercent === "%" || highPercent === "%" } };
  }
  const bare = BARE.exec(trimmed);
  if (bare) {
    const [, value = "", percent] = bare;
    if (!direction) {
      return {
        error: `target "${trimmed}" has no comparator: give the indicator a direction (higher or lower)`,
      };
    }
    const comparator: Comparator = direction === "higher" ? ">=" : "<=";
    return {
      ok: {
        threshold: { kind: "comparison", comparator, value: number(value), bare: true },
        percent: percent === "%",
      },
    };
  }
  return { error: `target "${trimmed}" is not a comparison, a value, a range or n.v.t.` };
}

function directionConflict(
  comparator: Comparator,
  direction: Direction | undefined,
): string | undefined {
  if (direction === "lower" && (comparator === ">=" || comparator === ">")) {
    return `direction lower contradicts the comparator ${comparator}`;
  }
  if (direction === "higher" && (comparator === "<=" || comparator === "<")) {
    return `direction higher contradicts the comparator ${comparator}`;
  }
  return undefined;
}

/** A threshold in the plan's own notation (no thousands separators), so that it parses back. */
export function writeThreshold(threshold: Threshold, percent: boolean): string {
  const unit = percent ? "%" : "";
  if (threshold.kind === "range") {
    return `${decimalToString(threshold.low)}${unit} - ${decimalToString(threshold.high)}${unit}`;
  }
  const value = `${decimalToString(threshold.value)}${unit}`;
  return threshold.bare ? value : `${threshold.comparator} ${value}`;
}

/** Whether a value satisfies a threshold; equal to a `>=`, `<=` or `=` target or a range end is met. */
export function satisfies(threshold: Threshold, value: Decimal): boolean {
  if (threshold.kind === "range") {
    return compareDecimal(value, threshold.low) >= 0 && compareDecimal(value, threshold.high) <= 0;
  }
  const order = compareDecimal(value, threshold.value);
  switch (threshold.comparator) {
    case ">=":
      return order >= 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case "<":
      return order < 0;
    case "=":
      return order === 0;
  }
}

/** The words that mean "no target" (or, as a realisation, "no figure"). */
export function isNotApplicable(text: string): boolean {
  return /^n\.?v\.?t\.?$/i.test(text.trim());
}
