/**
 * Survey margins (pure): the 95% Wilson score interval of a percentage measured on a sample,
 * and whether a target or an earlier figure lies within it.
 */
import { decimalToNumber } from "./decimal.js";
import type { Judgement } from "./evaluate.js";
import type { Threshold } from "./target.js";

/** The standard normal quantile of 0.975: a two-sided 95% interval. */
const Z_95 = 1.959963984540054;

export const MARGIN_LEVEL = 0.95;

/** Bounds of a proportion, each from 0 to 1. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson's score interval (Wilson 1927): unlike the textbook p ± z·se it stays within 0..1 and
 * keeps its coverage for small samples and for shares near 0% or 100%.
 */
export function wilsonInterval(proportion: number, sampleSize: number, z = Z_95): Interval {
  const z2n = (z * z) / sampleSize;
  const centre = (proportion + z2n / 2) / (1 + z2n);
  const half =
    (z / (1 + z2n)) *
    Math.sqrt((proportion * (1 - proportion)) / sampleSize + z2n / (4 * sampleSize));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The interval of a survey percentage, in percent, with what it says about the target. */
export interface Margin {
  readonly low: number;
  readonly high: number;
  readonly level: number;
  readonly sampleSize: number;
  /** The target's bound lies within the interval: met or missed within the margin; null without a target. */
  readonly targetWithin: boolean | null;
}

/** The margin of a judged percentage with a sample size; undefined when there is none. */
export function surveyMargin(judgement: Judgement): Margin | undefined {
  const { indicator, realisation, applied } = judgement;
  const sampleSize = realisation?.sampleSize;
  const value = realisation?.value;
  if (indicator.unit !== "percent" || !sampleSize || value?.kind !== "number") return undefined;
  const percent = decimalToNumber(value.value);
  if (percent < 0 || percent > 100) return undefined;
  const interval = wilsonInterval(percent / 100, sampleSize);
  const low = interval.low * 100;
  const high = interval.high * 100;
  const bounds = applied.kind === "threshold" ? thresholdBounds(applied.threshold) : undefined;
  return {
    low,
    high,
    level: MARGIN_LEVEL,
    sampleSize,
    targetWithin: bounds ? bounds.some((b) => low <= b && b <= high) : null,
  };
}

export function withinMargin(margin: Margin, percent: number): boolean {
  return margin.low <= percent && percent <= margin.high;
}

function thresholdBounds(threshold: Threshold): number[] {
  return threshold.kind === "range"
    ? [decimalToNumber(threshold.low), decimalToNumber(threshold.high)]
    : [decimalToNumber(threshold.value)];
}
