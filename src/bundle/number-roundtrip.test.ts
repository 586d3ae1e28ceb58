/** Property tests: a figure printed by Koers reads back as the same figure. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDecimal, type Decimal, decimalToString } from "../domain/decimal.js";
import { formatNumber } from "../domain/format.js";
import { parseNumber } from "./realisations-file.js";

const decimal = fc
  .record({
    units: fc.bigInt({ min: -10_000_000n, max: 10_000_000n }),
    scale: fc.integer({ min: 0, max: 4 }),
  })
  .map((d): Decimal => d);

describe("figures read back", () => {
  it("a figure printed in Dutch notation and read from a ;-file is the same figure", () => {
    fc.assert(
      fc.property(decimal, (value) => {
        const read = parseNumber(formatNumber(value, "nl"), ";");
        if ("error" in read) throw new Error(read.error);
        expect(compareDecimal(read.value, value)).toBe(0);
      }),
    );
  });

  it("a figure written with a point and read from a comma-file is the same figure", () => {
    fc.assert(
      fc.property(decimal, (value) => {
        const read = parseNumber(decimalToString(value), ",");
        if ("error" in read) throw new Error(read.error);
        expect(compareDecimal(read.value, value)).toBe(0);
      }),
    );
  });
});
