import { describe, expect, it } from "vitest";
import { decimalToString, parseDecimal } from "./decimal.js";
import { formatThreshold } from "./format.js";
import { isNotApplicable, parseThreshold, satisfies, type Threshold } from "./target.js";

function parsed(text: string, direction?: "higher" | "lower") {
  const result = parseThreshold(text, direction);
  if ("error" in result) throw new Error(result.error);
  return result.ok;
}

function describeThreshold(t: Threshold): string {
  return t.kind === "range"
    ? `${decimalToString(t.low)}..${decimalToString(t.high)}`
    : `${t.comparator} ${decimalToString(t.value)}${t.bare ? " (bare)" : ""}`;
}

describe("parseThreshold", () => {
  it.each([
    [">= 70%", ">= 70", true],
    ["≥ 94 %", ">= 94", true],
    ["≥94%", ">= 94", true],
    ["<= 8%", "<= 8", true],
    ["≤ 8%", "<= 8", true],
    ["< 8", "< 8", false],
    ["> 0", "> 0", false],
    ["= 100%", "= 100", true],
    [">= 99,9%", ">= 99.9", true],
    [">= 99.9%", ">= 99.9", true],
    ["  <=1417  ", "<= 1417", false],
    ["> -2,5", "> -2.5", false],
  ])("reads the comparison %j", (text, expected, percent) => {
    const { threshold, percent: hasPercent } = parsed(text);
    expect(describeThreshold(threshold)).toBe(expected);
    expect(hasPercent).toBe(percent);
  });

  it.each([
    ["83%", "higher", ">= 83 (bare)"],
    ["8%", "lower", "<= 8 (bare)"],
    ["6,5", "lower", "<= 6.5 (bare)"],
  ] as const)("reads the bare value %j with direction %s", (text, direction, expected) => {
    expect(describeThreshold(parsed(text, direction).threshold)).toBe(expected);
  });

  it.each([
    ["70% - 80%", "70..80"],
    ["70%–80%", "70..80"],
    ["70 – 80", "70..80"],
    ["1,5-2,5", "1.5..2.5"],
  ])("reads the range %j with both ends included", (text, expected) => {
    expect(describeThreshold(parsed(text).threshold)).toBe(expected);
  });

  it.each([
    ["83%", undefined, "has no comparator: give the indicator a direction"],
    [">= 70%", "lower", "direction lower contradicts the comparator >="],
    ["> 0", "lower", "direction lower contradicts the comparator >"],
    ["<= 8%", "higher", "direction higher contradicts the comparator <="],
    ["< 8", "higher", "direction higher contradicts the comparator <"],
    ["80% - 70%", undefined, "low end above its high end"],
    ["minstens 70%", undefined, "is not a comparison"],
    [">= 1.417,5", undefined, "is not a comparison"],
    ["=> 70", undefined, "is not a comparison"],
    ["", undefined, "is not a comparison"],
  ] as const)("refuses %j (direction %s)", (text, direction, message) => {
    const result = parseThreshold(text, direction);
    expect("error" in result && result.error).toContain(message);
  });

  it("accepts an agreeing direction", () => {
    expect(describeThreshold(parsed(">= 70%", "higher").threshold)).toBe(">= 70");
    expect(describeThreshold(parsed("< 8", "lower").threshold)).toBe("< 8");
  });
});

describe("satisfies", () => {
  const value = (text: string) =>
    parseDecimal(text) ??
    (() => {
      throw new Error(text);
    })();
  it.each([
    [">= 70", "70", true],
    [">= 70", "69.99", false],
    ["<= 8", "8", true],
    ["<= 8", "8.01", false],
    ["< 8", "8", false],
    ["< 8", "7.999", true],
    ["> 0", "0", false],
    ["= 100", "100.0", true],
    ["= 100", "99.9", false],
    ["70% - 80%", "70", true],
    ["70% - 80%", "80", true],
    ["70% - 80%", "80.01", false],
    ["70% - 80%", "69.9", false],
  ])("%s with %s: %s", (target, figure, expected) => {
    expect(satisfies(parsed(target).threshold, value(figure))).toBe(expected);
  });
});

describe("isNotApplicable", () => {
  it.each(["n.v.t.", "N.v.t.", "nvt", "n.v.t"])("knows %j", (text) =>
    expect(isNotApplicable(text)).toBe(true),
  );
  it.each(["n.b.", "nvtt", "0"])("does not take %j", (text) =>
    expect(isNotApplicable(text)).toBe(false),
  );
});

describe("formatThreshold", () => {
  it.each([
    [">= 70%", "percent", "nl", "≥ 70%"],
    ["<= 1417", "count", "nl", "≤ 1.417"],
    ["<= 1417", "count", "en", "≤ 1,417"],
    [">= 99,9%", "percent", "nl", "≥ 99,9%"],
    [">= 99,9%", "percent", "en", "≥ 99.9%"],
    ["70% - 80%", "percent", "nl", "70% – 80%"],
    ["< 8", "number", "en", "< 8"],
    [">= 12", "weken", "nl", "≥ 12 weken"],
    ["<= 2500", "euro", "nl", "≤ € 2.500"],
  ] as const)("writes %j (%s, %s) as %j", (text, unit, language, expected) => {
    expect(formatThreshold(parsed(text).threshold, unit, language)).toBe(expected);
  });

  it("writes a bare value without a comparator, as the plan did", () => {
    expect(formatThreshold(parsed("83%", "higher").threshold, "percent", "nl")).toBe("83%");
  });
});
