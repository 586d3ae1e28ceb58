import { describe, expect, it } from "vitest";
import { indicator, planOf } from "../testing/plans.js";
import { decimalToString, parseDecimal } from "./decimal.js";
import { evaluatePeriod } from "./evaluate.js";
import type { Measurement } from "./history.js";
import type { Period, Realisation } from "./plan.js";
import { seasonalProfilesOf } from "./seasonal-profiles.js";
import { forecastsOf } from "./year-end-forecast.js";

const JUNE: Period = {
  id: "2025-06",
  label: "jan - jun",
  until: { year: 2025, month: 6, day: 30 },
};
const DEC: Period = {
  id: "2025-12",
  label: "jan - dec",
  until: { year: 2025, month: 12, day: 31 },
};

const count = indicator({
  id: "aanvragen",
  unit: "count",
  aggregation: "sum",
  target: { kind: "none" },
});

function wave(date: string, value: string): Measurement {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return {
    indicatorId: "aanvragen",
    date: { year, month, day },
    name: { kind: "label", text: date },
    wave: date,
    value: parseDecimal(value) ?? { units: 0n, scale: 0 },
  };
}

describe("the seasonal course of earlier years", () => {
  // Last year, a quarter of the year's total came in by 30 June; a 50/50 calendar would say half.
  const plan = {
    ...planOf([count], [JUNE, DEC]),
    history: [wave("2024-06-30", "250"), wave("2024-12-31", "1000")],
  };

  it("gives a cumulative indicator its earlier years' course as shares of the year-end", () => {
    const profile = seasonalProfilesOf(plan).get("aanvragen");
    expect(profile?.[0]?.share).toBe(0.25);
  });

  it("steers the year-end forecast: 300 by June is 1200 for the year, not about 600", () => {
    const realisations: Realisation[] = [
      {
        indicatorId: "aanvragen",
        periodId: JUNE.id,
        value: { kind: "number", value: { units: 300n, scale: 0 } },
      },
    ];
    const evaluations = [evaluatePeriod(plan, realisations, JUNE.id)];
    const seasonal = forecastsOf(evaluations, seasonalProfilesOf(plan)).get("aanvragen");
    expect(seasonal).toMatchObject({ method: "seasonal" });
    // 1203, not 1200: 30 June ends a slightly smaller share of leap year 2024 than of 2025.
    expect(seasonal && decimalToString(seasonal.value)).toBe("1203");
    const calendar = forecastsOf(evaluations).get("aanvragen");
    expect(calendar).toMatchObject({ method: "pace" });
    expect(calendar && decimalToString(calendar.value)).toBe("605");
  });

  it("has no profile without a year-end figure", () => {
    expect(seasonalProfilesOf({ ...plan, history: [wave("2024-06-30", "250")] }).size).toBe(0);
  });
});
