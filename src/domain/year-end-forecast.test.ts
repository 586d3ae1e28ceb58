import { describe, expect, it } from "vitest";
import { APRIL, DECEMBER, figure, indicator, OCTOBER, planOf } from "../testing/plans.js";
import { decimalToString } from "./decimal.js";
import { evaluatePeriod } from "./evaluate.js";
import type { Indicator, Realisation } from "./plan.js";
import { parseThreshold, type Target } from "./target.js";
import {
  earlyWarnings,
  forecastsOf,
  fractionOfYear,
  type IndicatorForecast,
  type SeasonalProfiles,
} from "./year-end-forecast.js";

function threshold(text: string) {
  const result = parseThreshold(text, undefined);
  if ("error" in result) throw new Error(result.error);
  return result.ok.threshold;
}

function fixed(text: string): Target {
  return { kind: "fixed", threshold: threshold(text) };
}

function phased(steps: Record<string, string>): Target {
  return {
    kind: "phased",
    steps: Object.entries(steps).map(([periodId, text]) => ({
      periodId,
      threshold: threshold(text),
    })),
  };
}

function evaluationsUpTo(indicators: Indicator[], realisations: Realisation[], periodId: string) {
  const plan = planOf(indicators);
  const end = plan.periods.findIndex((p) => p.id === periodId);
  return plan.periods.slice(0, end + 1).map((p) => evaluatePeriod(plan, realisations, p.id));
}

function shown(forecast: IndicatorForecast | undefined) {
  if (!forecast) return undefined;
  const { value, low, high, method, yearEnd } = forecast;
  return {
    value: decimalToString(value),
    low: decimalToString(low),
    high: decimalToString(high),
    method,
    yearEnd,
  };
}

const incidents = indicator({
  id: "incidents",
  unit: "count",
  aggregation: "sum",
  target: fixed("< 8"),
});

describe("the fraction of the year", () => {
  it("counts whole days, leap years included", () => {
    expect(fractionOfYear(2025, APRIL.until)).toBe(120 / 365);
    expect(fractionOfYear(2024, { year: 2024, month: 2, day: 29 })).toBe(60 / 366);
    expect(fractionOfYear(2024, { year: 2024, month: 12, day: 31 })).toBe(1);
  });
});

describe("an indicator's year-end forecast", () => {
  it("continues a count's pace and warns when it is met now but not on 31 December", () => {
    // 1 by 30 April (day 120), 7 by 31 October (day 304): 7 × 365 / 304 = 8.4; the slowest
    // pace (1 in 120 days) adds 0.5 over the last 61 days, the fastest (6 in 184) 2.0.
    const figures = [figure("incidents", "2025-04", "1"), figure("incidents", "2025-10", "7")];
    const evaluations = evaluationsUpTo([incidents], figures, "2025-10");
    const forecasts = forecastsOf(evaluations);
    expect(shown(forecasts.get("incidents"))).toEqual({
      value: "8",
      low: "8",
      high: "9",
      method: "pace",
      yearEnd: "not-met",
    });
    const reported = evaluations.at(-1);
    if (!reported) throw new Error("no evaluation");
    expect(earlyWarnings(reported, forecasts).map((j) => j.indicator.id)).toEqual(["incidents"]);
  });

  it("judges a time-phased count against the step of the year-end period", () => {
    const complaints = (end: string) =>
      indicator({
        id: "complaints",
        unit: "count",
        aggregation: "sum",
        target: phased({ "2025-04": "<= 567", "2025-10": "<= 1417", "2025-12": end }),
      });
    const figures = [
      figure("complaints", "2025-04", "434"),
      figure("complaints", "2025-10", "1266"),
    ];
    const forecast = (end: string) =>
      shown(forecastsOf(evaluationsUpTo([complaints(end)], figures, "2025-10")).get("complaints"));
    expect(forecast("<= 1700")).toEqual({
      value: "1520",
      low: "1487",
      high: "1542",
      method: "pace",
      yearEnd: "met",
    });
    expect(forecast("<= 1500")?.yearEnd).toBe("not-met");
  });

  it("keeps a time-phased rate at its level, and warns only about an indicator met now", () => {
    const share = indicator({
      id: "share",
      target: phased({ "2025-04": ">= 80%", "2025-12": ">= 90%" }),
    });
    const figures = [figure("share", "2025-04", "85"), figure("share", "2025-10", "85")];
    const evaluations = evaluationsUpTo([share], figures, "2025-10");
    const forecasts = forecastsOf(evaluations);
    expect(shown(forecasts.get("share"))).toEqual({
      value: "85",
      low: "85",
      high: "85",
      method: "level",
      yearEnd: "not-met",
    });
    // Not judged in October (no step): pending, so no early warning.
    const october = evaluations.at(-1);
    if (!october) throw new Error("no evaluation");
    expect(earlyWarnings(october, forecasts)).toEqual([]);
  });

  it("reads progress as rising from nothing on 1 January, and never past 100%", () => {
    const settled = indicator({
      id: "settled",
      aggregation: "progress",
      assess: "year-end",
      decimals: 1,
      target: fixed(">= 92%"),
    });
    const figures = [figure("settled", "2025-04", "0"), figure("settled", "2025-10", "90.5")];
    const forecasts = forecastsOf(evaluationsUpTo([settled], figures, "2025-10"));
    expect(shown(forecasts.get("settled"))).toEqual({
      value: "100.0",
      low: "90.5",
      high: "100.0",
      method: "pace",
      yearEnd: "met",
    });
  });

  it("follows an earlier year's course when it is given", () => {
    // Earlier years reached 20% of their total by 30 April and 50% by 31 October.
    const profiles: SeasonalProfiles = new Map([
      [
        "incidents",
        [
          { at: 120 / 365, share: 0.2 },
          { at: 304 / 365, share: 0.5 },
        ],
      ],
    ]);
    const figures = [figure("incidents", "2025-04", "2"), figure("incidents", "2025-10", "5")];
    const evaluations = evaluationsUpTo([incidents], figures, "2025-10");
    expect(shown(forecastsOf(evaluations, profiles).get("incidents"))).toEqual({
      value: "10",
      low: "10",
      high: "10",
      method: "seasonal",
      yearEnd: "not-met",
    });
  });

  it("gives nothing from data that is not there", () => {
    const rate = indicator({ id: "rate", target: fixed(">= 90%") });
    const verdict = indicator({
      id: "verdict",
      target: { kind: "qualitative", text: "Binnen de tolerantie" },
    });
    const figures = [
      figure("rate", "2025-10", "95"),
      figure("incidents", "2025-04", "1"),
      { indicatorId: "verdict", periodId: "2025-10", value: { kind: "assessment", met: true } },
    ] as Realisation[];
    const forecasts = forecastsOf(evaluationsUpTo([rate, incidents, verdict], figures, "2025-10"));
    // A rate with a fixed target is not forecast; the count has no figure for October.
    expect([...forecasts.keys()]).toEqual([]);
  });

  it("gives nothing once the year is over", () => {
    const figures = [APRIL, OCTOBER, DECEMBER].map((p) => figure("incidents", p.id, "3"));
    expect(forecastsOf(evaluationsUpTo([incidents], figures, "2025-12")).size).toBe(0);
  });
});
