import { describe, expect, it } from "vitest";
import { figure, indicator, planOf } from "../testing/plans.js";
import { evaluatePeriod, judge, type Status } from "./evaluate.js";
import type { Indicator, Realisation } from "./plan.js";
import { parseThreshold, type Target, type Threshold } from "./target.js";

function threshold(text: string, direction?: "higher" | "lower"): Threshold {
  const result = parseThreshold(text, direction);
  if ("error" in result) throw new Error(result.error);
  return result.ok.threshold;
}

const fixed = (text: string, direction?: "higher" | "lower"): Target => ({
  kind: "fixed",
  threshold: threshold(text, direction),
});

const phased: Target = {
  kind: "phased",
  steps: [
    { periodId: "2025-04", threshold: threshold("<= 567") },
    { periodId: "2025-12", threshold: threshold("<= 1700") },
  ],
};

const missing = (word: string): Realisation => ({
  indicatorId: "i",
  periodId: "2025-10",
  value: { kind: "missing", word },
});
const assessed = (met: boolean, periodId = "2025-10"): Realisation => ({
  indicatorId: "i",
  periodId,
  value: { kind: "assessment", met },
});

function status(ind: Indicator, periodId: string, realisation: Realisation | undefined): Status {
  const plan = planOf([ind]);
  const period = plan.periods.find((p) => p.id === periodId);
  if (!period) throw new Error(periodId);
  return judge(plan, ind, period, realisation);
}

describe("the status table of FORMAT.md, row by row", () => {
  it("no-target: an indicator without target, whatever its figure", () => {
    const ind = indicator({ target: { kind: "none" } });
    expect(status(ind, "2025-10", figure("i", "2025-10", "12"))).toBe("no-target");
    expect(status(ind, "2025-10", undefined)).toBe("no-target");
  });

  it.each([
    ["no row at all", undefined],
    ["an empty value", missing("")],
    ["n.b.", missing("n.b.")],
    ["n.v.t.", missing("n.v.t.")],
  ])("pending: no figure for the period (%s)", (_, realisation) => {
    expect(status(indicator({ target: fixed(">= 70%") }), "2025-10", realisation)).toBe("pending");
  });

  it("pending: a time-phased target without an entry for the period", () => {
    const ind = indicator({ unit: "count", target: phased });
    expect(status(ind, "2025-10", figure("i", "2025-10", "99999"))).toBe("pending");
  });

  it("pending: a year-end target before 31 December, even when the figure misses", () => {
    const ind = indicator({ target: fixed(">= 92%"), assess: "year-end" });
    expect(status(ind, "2025-04", figure("i", "2025-04", "0"))).toBe("pending");
    expect(status(ind, "2025-10", figure("i", "2025-10", "90.5"))).toBe("pending");
  });

  it("a year-end target is judged on 31 December", () => {
    const ind = indicator({ target: fixed(">= 92%"), assess: "year-end" });
    expect(status(ind, "2025-12", figure("i", "2025-12", "91.9"))).toBe("not-met");
    expect(status(ind, "2025-12", figure("i", "2025-12", "92"))).toBe("met");
  });

  it("pending: a qualitative target without assessment", () => {
    const ind = indicator({
      unit: "number",
      target: { kind: "qualitative", text: "Binnen de tolerantie" },
    });
    expect(status(ind, "2025-10", undefined)).toBe("pending");
    expect(status(ind, "2025-10", missing("n.v.t."))).toBe("pending");
  });

  it("met / not-met: a qualitative target follows its assessment", () => {
    const ind = indicator({
      unit: "number",
      target: { kind: "qualitative", text: "Binnen de tolerantie" },
    });
    expect(status(ind, "2025-10", assessed(true))).toBe("met");
    expect(status(ind, "2025-10", assessed(false))).toBe("not-met");
  });

  it.each([
    [">= 70%", "70", "met"],
    [">= 70%", "69.9", "not-met"],
    ["<= 8%", "8", "met"],
    ["<= 8%", "8.1", "not-met"],
    ["< 8", "8", "not-met"],
    ["< 8", "7", "met"],
    ["> 0", "0", "not-met"],
    ["= 100%", "100", "met"],
    ["70% - 80%", "80", "met"],
    ["70% - 80%", "81", "not-met"],
  ])("met / not-met on the boundary: %s with %s is %s", (target, value, expected) => {
    expect(
      status(indicator({ target: fixed(target) }), "2025-10", figure("i", "2025-10", value)),
    ).toBe(expected);
  });

  it.each([
    ["83%", "higher", "83", "met"],
    ["83%", "higher", "82", "not-met"],
    ["8%", "lower", "8", "met"],
    ["8%", "lower", "9", "not-met"],
  ] as const)(
    "a bare value %s with direction %s: %s is %s",
    (target, direction, value, expected) => {
      const ind = indicator({ direction, target: fixed(target, direction) });
      expect(status(ind, "2025-10", figure("i", "2025-10", value))).toBe(expected);
    },
  );

  it("behind-plan: a time-phased target missed before 31 December", () => {
    const ind = indicator({ unit: "count", target: phased });
    expect(status(ind, "2025-04", figure("i", "2025-04", "568"))).toBe("behind-plan");
    expect(status(ind, "2025-04", figure("i", "2025-04", "567"))).toBe("met");
  });

  it("not-met: a time-phased target missed on 31 December", () => {
    const ind = indicator({ unit: "count", target: phased });
    expect(status(ind, "2025-12", figure("i", "2025-12", "1701"))).toBe("not-met");
  });

  it("not-met, not behind-plan: a fixed target missed before 31 December", () => {
    expect(
      status(indicator({ target: fixed(">= 55%") }), "2025-04", figure("i", "2025-04", "41")),
    ).toBe("not-met");
  });

  it("a numeric figure against a qualitative target is not judged", () => {
    const ind = indicator({ target: { kind: "qualitative", text: "x" } });
    expect(status(ind, "2025-10", figure("i", "2025-10", "1"))).toBe("pending");
  });
});

describe("rounding to decimals before comparison", () => {
  it.each([
    ["93.95", 1, "met"],
    ["93.94", 1, "not-met"],
    ["93.995", 2, "met"],
    ["93.5", 0, "met"],
    ["93.4999", 0, "not-met"],
  ])("%s with decimals %i against ≥ 94: %s", (value, decimals, expected) => {
    const ind = indicator({ decimals, target: fixed(">= 94%") });
    expect(status(ind, "2025-10", figure("i", "2025-10", value))).toBe(expected);
  });

  it("does not round without decimals", () => {
    expect(
      status(indicator({ target: fixed(">= 94%") }), "2025-10", figure("i", "2025-10", "93.99")),
    ).toBe("not-met");
  });

  it("rounds 92,85 to one decimal as 92,9 (so it meets >= 92.9)", () => {
    const ind = indicator({ decimals: 1, target: fixed(">= 92,9%") });
    expect(status(ind, "2025-10", figure("i", "2025-10", "92.85"))).toBe("met");
  });
});

describe("evaluatePeriod", () => {
  const indicators = ["a", "b", "c", "d", "e"].map((id, i) =>
    indicator({ id, path: ["G", id], target: i === 2 ? { kind: "none" } : fixed(">= 50%") }),
  );
  const plan = planOf([
    { kind: "group", title: "G1", children: indicators.slice(0, 2) },
    {
      kind: "group",
      title: "G2",
      children: [{ kind: "group", title: "G2a", children: indicators.slice(2) }],
    },
  ]);
  const figures = (values: Record<string, string>) =>
    Object.entries(values).map(([id, v]) => figure(id, "2025-10", v));

  it("numbers the exceptions 1, 2, 3 in plan order, depth first", () => {
    const evaluation = evaluatePeriod(
      plan,
      figures({ a: "10", b: "90", c: "1", d: "20", e: "30" }),
      "2025-10",
    );
    expect(evaluation.judgements.map((j) => [j.indicator.id, j.status, j.note])).toEqual([
      ["a", "not-met", 1],
      ["b", "met", null],
      ["c", "no-target", null],
      ["d", "not-met", 2],
      ["e", "not-met", 3],
    ]);
    expect(evaluation.exceptions.map((j) => j.indicator.id)).toEqual(["a", "d", "e"]);
  });

  it("counts behind-plan among the exceptions", () => {
    const late = indicator({ id: "late", unit: "count", target: phased });
    const result = evaluatePeriod(planOf([late]), [figure("late", "2025-04", "600")], "2025-04");
    expect(result.exceptions.map((j) => [j.indicator.id, j.status, j.note])).toEqual([
      ["late", "behind-plan", 1],
    ]);
  });

  it("has no exceptions when everything is met or pending", () => {
    expect(evaluatePeriod(plan, figures({ a: "50" }), "2025-10").exceptions).toEqual([]);
  });

  it("refuses a period the plan does not have", () => {
    expect(() => evaluatePeriod(plan, [], "2025-13")).toThrow(/no period 2025-13/);
  });

  it("keeps the periods apart: a figure of April is not October's", () => {
    const result = evaluatePeriod(plan, [figure("a", "2025-04", "10")], "2025-10");
    expect(result.judgements[0]?.status).toBe("pending");
  });
});
