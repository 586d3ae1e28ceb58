/** Dates in the demo data's SQL: offsets from a day, and dates spread along a schedule. */

const DAY_MS = 86_400_000;

/** Days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The SQL of `date` plus a whole number of days given as SQL. */
export function plusDays(date: string, days: string): string {
  return `(DATE '${date}' + CAST(${days} AS INTEGER))`;
}

/** A point of a cumulative schedule: by the end of `on`, `share` of the rows have their date. */
export interface Knot {
  readonly on: string;
  readonly share: number;
}

/**
 * The SQL of the date at which a row with position `u` in [0, 1) falls on a cumulative
 * schedule; NULL beyond the last knot (for example: not settled within the year).
 *
 * The first knot is the day before the first possible date, with the share already reached
 * then (usually 0). Between knots, dates are spread evenly.
 */
export function scheduledDate(u: string, knots: readonly Knot[]): string {
  const branches: string[] = [];
  for (let k = 1; k < knots.length; k++) {
    const start = knots[k - 1] as Knot;
    const end = knots[k] as Knot;
    if (end.share <= start.share) continue;
    const days = daysBetween(start.on, end.on);
    const perShare = days / (end.share - start.share);
    const offset = `least(${days}, 1 + floor((${u} - ${start.share}) * ${perShare}))`;
    branches.push(`WHEN ${u} < ${end.share} THEN ${plusDays(start.on, offset)}`);
  }
  return `CASE ${branches.join(" ")} ELSE NULL END`;
}
