/** The `forecast` field of `koers evaluate --json`: an indicator's year-end forecast. */
import type { Bundle } from "../bundle/read-bundle.js";
import { decimalToNumber } from "../domain/decimal.js";
import type { ForecastMethod } from "../domain/forecast.js";
import { formatThreshold } from "../domain/format.js";
import type { Indicator, Language } from "../domain/plan.js";
import { seasonalProfilesOf } from "../domain/seasonal-profiles.js";
import { forecastsOf, type IndicatorForecast } from "../domain/year-end-forecast.js";
import { evaluateUpTo } from "./period.js";

export interface ForecastJson {
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly method: ForecastMethod;
  /** The target judged on 31 December, as the report shows it; null when none is. */
  readonly target: string | null;
  readonly yearEnd: "met" | "not-met" | null;
}

export function forecastJson(
  indicator: Indicator,
  forecast: IndicatorForecast | undefined,
  language: Language,
): ForecastJson | null {
  if (!forecast) return null;
  return {
    value: decimalToNumber(forecast.value),
    low: decimalToNumber(forecast.low),
    high: decimalToNumber(forecast.high),
    method: forecast.method,
    target: forecast.target ? formatThreshold(forecast.target, indicator.unit, language) : null,
    yearEnd: forecast.yearEnd,
  };
}

/** The forecasts of a bundle's period, from its figures up to and including that period. */
export function bundleForecasts(
  bundle: Bundle,
  periodId: string,
): ReadonlyMap<string, IndicatorForecast> {
  return forecastsOf(evaluateUpTo(bundle, periodId), seasonalProfilesOf(bundle.plan));
}
