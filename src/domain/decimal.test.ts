import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareDecimal,
  type Decimal,
  decimalFromNumber,
  decimalToNumber,
  decimalToString,
  divideDecimal,
  parseDecimal,
  roundDecimal,
} from "./decimal.js";

const d = (text: string) => {
  const value = parseDecimal(text);
  if (!value) throw new Error(`bad decimal ${text}`);
  return value;
};

describe("roundDecimal", () => {
  it.each([
    ["92.85", 1, "92.9"],
    ["92.84", 1, "92.8"],
    ["0.05", 1, "0.1"],
    ["-92.85", 1, "-92.9"],
    ["1.005", 2, "1.01"],
    ["99.98", 1, "100.0"],
    ["93.5", 0, "94"],
    ["7", 2, "7.00"],
  ])("rounds %s to %i decimals half away from zero: %s", (input, decimals, expected) => {
    expect(decimalToString(roundDecimal(d(input), decimals))).toBe(expected);
  });

  it("rounds 1.005 up where binary floating point would round it down", () => {
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(decimalToString(roundDecimal(d("1.005"), 2))).toBe("1.01");
  });
});

describe("compareDecimal", () => {
  it("compares across scales", () => {
    expect(compareDecimal(d("94"), d("94.0"))).toBe(0);
    expect(compareDecimal(d("93.99"), d("94"))).toBe(-1);
    expect(compareDecimal(d("-1"), d("-1.5"))).toBe(1);
  });

  it("orders like numbers do for short decimals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        (a, b) => {
          const left = decimalFromNumber(a / 100);
          const right = decimalFromNumber(b / 100);
          expect(compareDecimal(left, right)).toBe(Math.sign(a - b));
        },
      ),
    );
  });
});

describe("decimalFromNumber", () => {
  it.each([
    [75, "75"],
    [99.98, "99.98"],
    [1e21, "1000000000000000000000"],
    [1.5e-7, "0.00000015"],
  ])("reads %d as %s", (value, text) => {
    expect(decimalToString(decimalFromNumber(value))).toBe(text);
  });

  it("round-trips through text", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(decimalToNumber(decimalFromNumber(value))).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});

describe("divideDecimal", () => {
  const d = (text: string) => parseDecimal(text) as Decimal;
  it.each([
    ["4", "6", 1, 100n, "66.7"],
    ["1", "3", 2, 100n, "33.33"],
    ["1", "8", 2, 100n, "12.50"],
    ["1", "16", 2, 1n, "0.06"],
    ["-1", "16", 2, 1n, "-0.06"],
    ["35.5", "2", 1, 1n, "17.8"],
    ["5", "0.25", 0, 1n, "20"],
  ])(
    "%s × factor ÷ %s to %i places is exact, half away from zero",
    (a, b, places, factor, result) => {
      expect(decimalToString(divideDecimal(d(a), d(b), places, factor) as Decimal)).toBe(result);
    },
  );

  it("gives nothing for a zero denominator", () => {
    expect(divideDecimal(d("3"), d("0"), 2)).toBeUndefined();
  });
});
