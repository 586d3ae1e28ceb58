import { describe, expect, it } from "vitest";
import { parseDecimal } from "./decimal.js";
import { evaluatePeriod } from "./evaluate.js";
import { surveyMargin, wilsonInterval } from "./margin.js";
import type { Plan, Realisation } from "./plan.js";
import type { Target } from "./target.js";

describe("wilsonInterval", () => {
  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison
  // of seven methods", Statistics in Medicine 17:857-872, Table II, method 3 (Wilson score
  // interval without continuity correction), 95% limits to four decimals.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1],
  ])("gives Newcombe's limits for %i of %i", (successes, n, low, high) => {
    const interval = wilsonInterval(successes / n, n);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });
});

const TARGET: Target = {
  kind: "fixed",
  threshold: {
    kind: "comparison",
    comparator: "<=",
    value: parseDecimal("8") as never,
    bare: false,
  },
};

function judged(value: string, sampleSize?: number, unit = "percent") {
  const plan: Plan = {
    id: "p",
    title: "P",
    year: 2025,
    language: "nl",
    periods: [{ id: "q2", label: "Q2", until: { year: 2025, month: 6, day: 30 } }],
    nodes: [
      {
        kind: "indicator",
        id: "ontevreden",
        title: "Ontevredenheid",
        path: ["Ontevredenheid"],
        unit,
        target: TARGET,
        assess: "every-period",
        aggregation: "latest",
      },
    ],
  };
  const realisation: Realisation = {
    indicatorId: "ontevreden",
    periodId: "q2",
    value: { kind: "number", value: parseDecimal(value) as never },
    ...(sampleSize ? { sampleSize } : {}),
  };
  return evaluatePeriod(plan, [realisation], "q2").judgements[0] as never;
}

describe("surveyMargin", () => {
  it("is the Wilson interval in percent, with the target within it when it is", () => {
    const margin = surveyMargin(judged("10", 200));
    expect(margin?.low).toBeCloseTo(6.567, 3);
    expect(margin?.high).toBeCloseTo(14.941, 3);
    expect(margin).toMatchObject({ level: 0.95, sampleSize: 200, targetWithin: true });
  });

  it("marks a target outside the interval as such", () => {
    expect(surveyMargin(judged("10", 5000))?.targetWithin).toBe(false);
  });

  it("has no margin without a sample size or for a count", () => {
    expect(surveyMargin(judged("10"))).toBeUndefined();
    expect(surveyMargin(judged("10", 200, "count"))).toBeUndefined();
  });
});
