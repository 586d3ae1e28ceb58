import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBundle } from "../bundle/read-bundle.js";
import { ROOT } from "../testing/cli.js";
import { evaluationJson } from "./evaluation-json.js";
import { bundleForecasts } from "./forecast-json.js";
import { evaluateBundlePeriod } from "./period.js";

const bundle = readBundle(join(ROOT, "examples", "toeslagen-2025"));

function forecastsJson(periodId: string) {
  const json = evaluationJson(
    evaluateBundlePeriod(bundle, periodId),
    bundleForecasts(bundle, periodId),
    bundle.realisations,
  );
  return Object.fromEntries(
    json.indicators.filter((i) => i.forecast !== null).map((i) => [i.id, i.forecast]),
  );
}

describe("the example's year-end forecasts", () => {
  it("forecasts every sum, progress and time-phased indicator in 2025-10, by hand", () => {
    // 30 April is day 120 of 2025, 31 October day 304; 61 days remain.
    expect(forecastsJson("2025-10")).toEqual({
      // 1266 × 365 / 304 = 1520.0; paces 434 / 120 and 832 / 184 a day give 1266 + 220.6 and
      // 1266 + 275.8. Its steps end in October: nothing is judged on 31 December.
      "klachten-ontvangen": {
        value: 1520,
        low: 1487,
        high: 1542,
        method: "pace",
        target: null,
        yearEnd: null,
      },
      // 90.5 × 365 / 304 = 108.7, and at most 100%; paces 0 and 90.5 / 184 a day.
      "definitief-vastgesteld": {
        value: 100,
        low: 90.5,
        high: 100,
        method: "pace",
        target: "≥ 92%",
        yearEnd: "met",
      },
      // 2 × 365 / 304 = 2.4; paces 1 / 120 and 1 / 184 a day give 2.51 and 2.33.
      productieverstoringen: {
        value: 2,
        low: 2,
        high: 3,
        method: "pace",
        target: "< 8",
        yearEnd: "met",
      },
    });
  });

  it("forecasts the same indicators from 2025-04 alone, at one pace", () => {
    // 434 × 365 / 120 = 1320.1; 1 × 365 / 120 = 3.04.
    expect(forecastsJson("2025-04")).toEqual({
      "klachten-ontvangen": {
        value: 1320,
        low: 1320,
        high: 1320,
        method: "pace",
        target: null,
        yearEnd: null,
      },
      "definitief-vastgesteld": {
        value: 0,
        low: 0,
        high: 0,
        method: "pace",
        target: "≥ 92%",
        yearEnd: "not-met",
      },
      productieverstoringen: {
        value: 3,
        low: 3,
        high: 3,
        method: "pace",
        target: "< 8",
        yearEnd: "met",
      },
    });
  });
});
