/**
 * Each indicator's year-end forecast and the early warnings (pure): which indicators are
 * forecast, from which figures, and whether the forecast meets the year-end target.
 */
import { type Decimal, decimalFromNumber, decimalToNumber, roundDecimal } from "./decimal.js";
import type { Evaluation, Judgement } from "./evaluate.js";
import {
  type ForecastMethod,
  type Observation,
  projectCumulative,
  projectLevel,
  type SeasonalProfile,
} from "./forecast.js";
import { type CalendarDate, type Indicator, isYearEnd, type Plan } from "./plan.js";
import { satisfies, type Threshold } from "./target.js";

export interface IndicatorForecast {
  readonly indicatorId: string;
  /** Rounded to the indicator's `decimals`, else to the most digits its figures were written with. */
  readonly value: Decimal;
  readonly low: Decimal;
  readonly high: Decimal;
  readonly method: ForecastMethod;
  /** The target that applies on 31 December; null when none does. */
  readonly target: Threshold | null;
  /** Whether `value` meets `target`; null without one. */
  readonly yearEnd: "met" | "not-met" | null;
}

/** Earlier years' course per indicator id, where known. */
export type SeasonalProfiles = ReadonlyMap<string, SeasonalProfile>;

export function isCumulative(indicator: Indicator): boolean {
  return indicator.aggregation === "sum" || indicator.aggregation === "progress";
}

export function isForecast(indicator: Indicator): boolean {
  return isCumulative(indicator) || indicator.target.kind === "phased";
}

/** The fraction of `year` elapsed at the end of `date`. */
export function fractionOfYear(year: number, date: CalendarDate): number {
  const day = (Date.UTC(date.year, date.month - 1, date.day) - Date.UTC(year, 0, 0)) / 86_400_000;
  const length = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  return day / length;
}

/** The threshold judged on 31 December: a fixed one, or the step of the year-end period. */
export function yearEndThreshold(plan: Plan, indicator: Indicator): Threshold | null {
  const { target } = indicator;
  if (target.kind === "fixed") return target.threshold;
  if (target.kind !== "phased") return null;
  const end = plan.periods.find((p) => isYearEnd(plan, p));
  return target.steps.find((s) => s.periodId === end?.id)?.threshold ?? null;
}

function observations(plan: Plan, history: readonly Judgement[]): Observation[] {
  return history.flatMap(({ period, realisation }) =>
    realisation?.value.kind === "number"
      ? [
          {
            at: fractionOfYear(plan.year, period.until),
            value: decimalToNumber(realisation.value.value),
          },
        ]
      : [],
  );
}

function precision(indicator: Indicator, history: readonly Judgement[]): number {
  if (indicator.decimals !== undefined) return indicator.decimals;
  return Math.max(
    0,
    ...history.map((j) =>
      j.realisation?.value.kind === "number" ? j.realisation.value.value.scale : 0,
    ),
  );
}

/**
 * The forecast of one indicator from its judgements up to the reported period (the last);
 * null when it is not forecast, the reported period has no figure, or the year is over.
 */
export function forecastIndicator(
  plan: Plan,
  history: readonly Judgement[],
  profile?: SeasonalProfile,
): IndicatorForecast | null {
  const reported = history.at(-1);
  if (!reported || !isForecast(reported.indicator)) return null;
  if (reported.realisation?.value.kind !== "number" || isYearEnd(plan, reported.period))
    return null;
  const { indicator } = reported;
  const points = observations(plan, history);
  const ceiling =
    indicator.aggregation === "progress" && indicator.unit === "percent" ? 100 : undefined;
  const projection = isCumulative(indicator)
    ? projectCumulative(points, {
        ...(profile ? { profile } : {}),
        ...(ceiling ? { ceiling } : {}),
      })
    : projectLevel(points);
  if (!projection) return null;
  const digits = precision(indicator, history);
  const round = (x: number) => roundDecimal(decimalFromNumber(x), digits);
  const value = round(projection.value);
  const target = yearEndThreshold(plan, indicator);
  return {
    indicatorId: indicator.id,
    value,
    low: round(projection.low),
    high: round(projection.high),
    method: projection.method,
    target,
    yearEnd: target ? (satisfies(target, value) ? "met" : "not-met") : null,
  };
}

/** The forecasts of the last of `evaluations` (every period up to it, in plan order), by indicator id. */
export function forecastsOf(
  evaluations: readonly Evaluation[],
  profiles: SeasonalProfiles = new Map(),
): ReadonlyMap<string, IndicatorForecast> {
  const reported = evaluations.at(-1);
  if (!reported) return new Map();
  const byId = evaluations.map((e) => new Map(e.judgements.map((j) => [j.indicator.id, j])));
  return new Map(
    reported.judgements.flatMap((judgement) => {
      const id = judgement.indicator.id;
      const history = byId.flatMap((judgements) => judgements.get(id) ?? []);
      const forecast = forecastIndicator(reported.plan, history, profiles.get(id));
      return forecast ? [[id, forecast] as const] : [];
    }),
  );
}

/** Met in the reported period, but forecast to miss the target on 31 December. */
export function earlyWarnings(
  reported: Evaluation,
  forecasts: ReadonlyMap<string, IndicatorForecast>,
): Judgement[] {
  return reported.judgements.filter(
    (j) => j.status === "met" && forecasts.get(j.indicator.id)?.yearEnd === "not-met",
  );
}
