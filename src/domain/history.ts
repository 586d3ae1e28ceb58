/**
 * Measurement history (pure): the earlier figures of an indicator, from history.csv, from the
 * previous year's bundle, and from the plan's own earlier periods.
 */
import { compareDates } from "./calendar.js";
import type { Decimal } from "./decimal.js";
import type { CalendarDate, Indicator, Period, Plan, Realisation } from "./plan.js";

/** How a measurement is named in a sentence. */
export type WaveName =
  | { readonly kind: "quarter"; readonly quarter: number; readonly year: number }
  | { readonly kind: "half"; readonly half: number; readonly year: number }
  | { readonly kind: "year"; readonly year: number }
  | { readonly kind: "date"; readonly date: CalendarDate }
  /** A reporting period: its label and the year of its plan. */
  | { readonly kind: "period"; readonly label: string; readonly year: number }
  | { readonly kind: "label"; readonly text: string };

export interface Measurement {
  readonly indicatorId: string;
  /** The last day the measurement covers; it orders the history. */
  readonly date: CalendarDate;
  readonly name: WaveName;
  /** The wave as written (`Q2 2024`, `2024-06-30`) or the period's label with its year. */
  readonly wave: string;
  readonly value: Decimal;
  readonly sampleSize?: number;
  readonly source?: string;
}

const QUARTER = /^Q([1-4])\s+(\d{4})$/i;
const HALF = /^H([12])\s+(\d{4})$/i;
const YEAR = /^(\d{4})$/;

function lastDay(year: number, month: number): CalendarDate {
  return { year, month, day: new Date(Date.UTC(year, month, 0)).getUTCDate() };
}

/** A wave label Koers understands (`Q2 2024`, `H1 2024`, `2024`), with the last day it covers. */
export function waveOfLabel(label: string): { name: WaveName; date: CalendarDate } | undefined {
  const quarter = QUARTER.exec(label);
  if (quarter) {
    const [q, year] = [Number(quarter[1]), Number(quarter[2])];
    return { name: { kind: "quarter", quarter: q, year }, date: lastDay(year, q * 3) };
  }
  const half = HALF.exec(label);
  if (half) {
    const [h, year] = [Number(half[1]), Number(half[2])];
    return { name: { kind: "half", half: h, year }, date: lastDay(year, h * 6) };
  }
  const year = YEAR.exec(label);
  if (year)
    return { name: { kind: "year", year: Number(year[1]) }, date: lastDay(Number(year[1]), 12) };
  return undefined;
}

/** A period's numeric figure as a measurement of its plan's year. */
export function periodMeasurement(
  plan: Plan,
  period: Period,
  realisation: Realisation,
): Measurement | undefined {
  if (realisation.value.kind !== "number") return undefined;
  const label = period.label.includes(String(plan.year))
    ? period.label
    : `${period.label} ${plan.year}`;
  return {
    indicatorId: realisation.indicatorId,
    date: period.until,
    name: { kind: "period", label: period.label, year: plan.year },
    wave: label,
    value: realisation.value.value,
    ...(realisation.sampleSize !== undefined ? { sampleSize: realisation.sampleSize } : {}),
    ...(realisation.source ? { source: realisation.source } : {}),
  };
}

/**
 * The measurements of an indicator before a period, newest first. A cumulative figure (`sum`,
 * `progress`) grows through the year, so it is compared only with the same day of earlier years.
 */
export function measurementsBefore(
  plan: Plan,
  realisations: readonly Realisation[],
  indicator: Indicator,
  period: Period,
): Measurement[] {
  // One pass over all figures, then a search among this indicator's few: large plans have many.
  const mine = realisations.filter((r) => r.indicatorId === indicator.id);
  const own = plan.periods.flatMap((p) => {
    const realisation = mine.find((r) => r.periodId === p.id);
    const measurement = realisation && periodMeasurement(plan, p, realisation);
    return measurement ? [measurement] : [];
  });
  const history = (plan.history ?? []).filter((m) => m.indicatorId === indicator.id);
  const cumulative = indicator.aggregation === "sum" || indicator.aggregation === "progress";
  return [...own, ...history]
    .filter((m) => compareDates(m.date, period.until) < 0)
    .filter(
      (m) =>
        !cumulative || (m.date.month === period.until.month && m.date.day === period.until.day),
    )
    .sort((a, b) => compareDates(b.date, a.date));
}
