import { describe, expect, it } from "vitest";
import { indicator, planOf } from "../testing/plans.js";
import { parseDecimal } from "./decimal.js";
import { formatNumber, formatQuantity, formatTarget, formatValue } from "./format.js";
import type { RealisedValue } from "./plan.js";
import { parseThreshold } from "./target.js";
import { numberInWords } from "./words.js";

const d = (text: string) =>
  parseDecimal(text) ??
  (() => {
    throw new Error(text);
  })();

describe("formatNumber", () => {
  it.each([
    ["93.5", "93,5", "93.5"],
    ["1417", "1.417", "1,417"],
    ["1234567.5", "1.234.567,5", "1,234,567.5"],
    ["999", "999", "999"],
    ["-1266", "-1.266", "-1,266"],
    ["0.05", "0,05", "0.05"],
  ])("writes %s as %s (nl) and %s (en)", (value, nl, en) => {
    expect(formatNumber(d(value), "nl")).toBe(nl);
    expect(formatNumber(d(value), "en")).toBe(en);
  });
});

describe("formatQuantity", () => {
  it.each([
    ["percent", "nl", "93,5%"],
    ["percent", "en", "93.5%"],
    ["count", "nl", "93,5"],
    ["euro", "nl", "€ 93,5"],
    ["euro", "en", "€93.5"],
    ["weken", "nl", "93,5 weken"],
  ] as const)("writes 93.5 in unit %s (%s) as %s", (unit, language, expected) => {
    expect(formatQuantity(d("93.5"), unit, language)).toBe(expected);
  });
});

describe("formatValue", () => {
  const ind = indicator({ target: { kind: "none" } });
  const number = (text: string): RealisedValue => ({ kind: "number", value: d(text) });
  it("shows a figure as recorded without decimals", () => {
    expect(formatValue(number("99.98"), ind, "nl")).toBe("99,98%");
  });
  it("rounds to decimals and shows exactly that many", () => {
    expect(formatValue(number("92.85"), { ...ind, decimals: 1 }, "nl")).toBe("92,9%");
    expect(formatValue(number("93"), { ...ind, decimals: 1 }, "nl")).toBe("93,0%");
  });
  it("shows a missing figure as the word recorded, or n.b. when none was", () => {
    expect(formatValue({ kind: "missing", word: "N.v.t." }, ind, "nl")).toBe("N.v.t.");
    expect(formatValue({ kind: "missing", word: "" }, ind, "nl")).toBe("n.b.");
    expect(formatValue(undefined, ind, "nl")).toBe("n.b.");
    expect(formatValue(undefined, ind, "en")).toBe("not known");
  });
  it("shows an assessment in words", () => {
    expect(formatValue({ kind: "assessment", met: false }, ind, "nl")).toBe("niet gerealiseerd");
    expect(formatValue({ kind: "assessment", met: true }, ind, "en")).toBe("met");
  });
});

describe("formatTarget", () => {
  const step = (text: string) => {
    const result = parseThreshold(text, undefined);
    if ("error" in result) throw new Error(result.error);
    return result.ok.threshold;
  };
  const complaints = indicator({
    unit: "count",
    target: {
      kind: "phased",
      steps: [
        { periodId: "2025-04", threshold: step("<= 567") },
        { periodId: "2025-10", threshold: step("<= 1417") },
      ],
    },
  });

  it("writes a time-phased target's steps as the reference does", () => {
    expect(formatTarget(planOf([complaints]), complaints, "nl")).toBe("apr: ≤ 567 / okt: ≤ 1.417");
    expect(formatTarget(planOf([complaints]), complaints, "en")).toBe("Apr: ≤ 567 / Oct: ≤ 1,417");
  });

  it("gives a qualitative target's text and null for none", () => {
    const plan = planOf([]);
    expect(
      formatTarget(
        plan,
        indicator({ target: { kind: "qualitative", text: "Binnen de tolerantie" } }),
        "nl",
      ),
    ).toBe("Binnen de tolerantie");
    expect(formatTarget(plan, indicator({ target: { kind: "none" } }), "nl")).toBeNull();
  });
});

describe("numberInWords", () => {
  it.each([
    [1, "één", "one"],
    [5, "vijf", "five"],
    [12, "twaalf", "twelve"],
    [20, "twintig", "twenty"],
    [21, "21", "21"],
  ])("writes %i as %s / %s", (count, nl, en) => {
    expect(numberInWords(count, "nl")).toBe(nl);
    expect(numberInWords(count, "en")).toBe(en);
  });
});
