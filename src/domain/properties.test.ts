/** Property tests: printing and reading back never changes a judgement. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indicator, planOf } from "../testing/plans.js";
import { compareDecimal, type Decimal, roundDecimal } from "./decimal.js";
import { judge } from "./evaluate.js";
import type { Period, Realisation } from "./plan.js";
import { type Comparator, parseThreshold, type Threshold, writeThreshold } from "./target.js";

const decimal = fc
  .record({
    units: fc.bigInt({ min: -10_000_000n, max: 10_000_000n }),
    scale: fc.integer({ min: 0, max: 4 }),
  })
  .map((d): Decimal => d);

const comparator = fc.constantFrom<Comparator>(">=", "<=", "<", ">", "=");

const threshold: fc.Arbitrary<Threshold> = fc.oneof(
  fc.record({ comparator, value: decimal }).map(({ comparator, value }) => ({
    kind: "comparison" as const,
    comparator,
    value,
    bare: false,
  })),
  fc.tuple(decimal, decimal).map(([a, b]) => {
    const [low, high] = compareDecimal(a, b) <= 0 ? [a, b] : [b, a];
    return { kind: "range" as const, low, high };
  }),
);

function statusOf(t: Threshold, value: Decimal, decimals?: number) {
  const ind = indicator({
    target: { kind: "fixed", threshold: t },
    ...(decimals === undefined ? {} : { decimals }),
  });
  const plan = planOf([ind]);
  const realisation: Realisation = {
    indicatorId: "i",
    periodId: "2025-10",
    value: { kind: "number", value },
  };
  return judge(plan, ind, plan.periods[1] as Period, realisation);
}

describe("properties", () => {
  it("a target written in plan notation and parsed back gives the same status for any value", () => {
    fc.assert(
      fc.property(threshold, decimal, fc.boolean(), fc.boolean(), (t, value, percent, comma) => {
        const written = writeThreshold(t, percent);
        const text = comma ? written.replaceAll(".", ",") : written;
        const parsed = parseThreshold(text, undefined);
        if ("error" in parsed) throw new Error(`${text}: ${parsed.error}`);
        expect(parsed.ok.percent).toBe(percent);
        expect(statusOf(parsed.ok.threshold, value)).toBe(statusOf(t, value));
      }),
    );
  });

  it("judging with decimals is judging the rounded figure", () => {
    fc.assert(
      fc.property(threshold, decimal, fc.integer({ min: 0, max: 3 }), (t, value, decimals) => {
        expect(statusOf(t, value, decimals)).toBe(statusOf(t, roundDecimal(value, decimals)));
      }),
    );
  });

  it("rounding moves a figure by at most half a unit of the last kept decimal", () => {
    fc.assert(
      fc.property(decimal, fc.integer({ min: 0, max: 3 }), (value, decimals) => {
        const rounded = roundDecimal(value, decimals);
        const scale = Math.max(value.scale, decimals) + 1;
        const widen = (d: Decimal) => d.units * 10n ** BigInt(scale - d.scale);
        const difference = widen(rounded) - widen(value);
        const half = 5n * 10n ** BigInt(scale - decimals - 1);
        expect(difference <= half && difference >= -half).toBe(true);
      }),
    );
  });

  it("a >= target is met exactly when the figure is not below it, <= when not above", () => {
    fc.assert(
      fc.property(decimal, decimal, (target, value) => {
        const at = (c: Comparator) =>
          statusOf({ kind: "comparison", comparator: c, value: target, bare: false }, value);
        const order = compareDecimal(value, target);
        expect(at(">=")).toBe(order >= 0 ? "met" : "not-met");
        expect(at("<=")).toBe(order <= 0 ? "met" : "not-met");
        expect(at("<")).toBe(order < 0 ? "met" : "not-met");
      }),
    );
  });
});
