/**
 * Year-end projections (pure): from the figures of the year so far to a value on 31 December,
 * with an interval. Time is measured as the fraction of the year elapsed, so that leap years
 * and earlier years' courses line up.
 */

/** A figure and the fraction of the year elapsed at the end of its `until` day, in (0, 1]. */
export interface Observation {
  readonly at: number;
  readonly value: number;
}

/**
 * The course of a cumulative figure over earlier years: the share of the year's total reached
 * by each fraction of the year, rising; 0 at 0 and 1 at 1 are implied.
 */
export type SeasonalProfile = readonly { readonly at: number; readonly share: number }[];

/** `pace`: the year so far continued evenly; `seasonal`: along an earlier course; `level`: unchanged. */
export type ForecastMethod = "pace" | "seasonal" | "level";

export interface Projection {
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly method: ForecastMethod;
}

/** The share of the year's total the profile expects by `at`, interpolated linearly. */
export function profileShare(profile: SeasonalProfile, at: number): number {
  const points = [{ at: 0, share: 0 }, ...profile, { at: 1, share: 1 }];
  const after = points.findIndex((p) => p.at >= at);
  const right = points[after] ?? { at: 1, share: 1 };
  const left = points[after - 1];
  if (!left || right.at === left.at) return right.share;
  return left.share + ((right.share - left.share) * (at - left.at)) / (right.at - left.at);
}

/**
 * The average course of earlier years, each given by its cumulative figures through the year
 * and ending with its year-end figure; undefined when no year has a positive year-end figure.
 */
export function profileOfYears(
  years: readonly (readonly Observation[])[],
): SeasonalProfile | undefined {
  const profiles = years.flatMap((year) => {
    const total = year.find((o) => o.at === 1)?.value;
    if (total === undefined || total <= 0) return [];
    return [year.filter((o) => o.at < 1).map((o) => ({ at: o.at, share: o.value / total }))];
  });
  if (profiles.length === 0) return undefined;
  const ats = [...new Set(profiles.flatMap((p) => p.map((point) => point.at)))].sort(
    (a, b) => a - b,
  );
  return ats.map((at) => ({
    at,
    share: profiles.reduce((sum, p) => sum + profileShare(p, at), 0) / profiles.length,
  }));
}

function sorted(observations: readonly Observation[]): Observation[] {
  return [...observations].sort((a, b) => a.at - b.at);
}

/**
 * A cumulative figure (zero on 1 January) projected to 31 December: the year so far scaled by
 * the share of the year's course it covers. The interval continues the rest of the year at the
 * slowest and at the fastest pace between two consecutive dates so far, each measured against
 * the same course. `ceiling` bounds all three (a share cannot pass 100%). Undefined when the year
 * is over or the course expects nothing yet by the last figure.
 */
export function projectCumulative(
  observations: readonly Observation[],
  options: { readonly profile?: SeasonalProfile; readonly ceiling?: number } = {},
): Projection | undefined {
  const points = [{ at: 0, value: 0 }, ...sorted(observations)];
  const last = points.at(-1) as Observation;
  if (points.length < 2 || last.at >= 1) return undefined;
  const { profile, ceiling = Number.POSITIVE_INFINITY } = options;
  const course = (at: number) => (profile ? profileShare(profile, at) : at);
  const covered = course(last.at);
  if (covered <= 0) return undefined;
  const paces = points.slice(1).flatMap((point, i) => {
    const before = points[i] as Observation;
    const share = course(point.at) - course(before.at);
    return share > 0 ? [(point.value - before.value) / share] : [];
  });
  const rest = 1 - covered;
  const bound = (x: number) => Math.min(x, ceiling);
  return {
    value: bound(last.value / covered),
    low: bound(last.value + Math.min(...paces) * rest),
    high: bound(last.value + Math.max(...paces) * rest),
    method: profile ? "seasonal" : "pace",
  };
}

/**
 * A level (a rate or a measurement) projected to 31 December: the last figure, between the
 * lowest and highest figures of the year so far. Undefined without figures or when the year is over.
 */
export function projectLevel(observations: readonly Observation[]): Projection | undefined {
  const last = sorted(observations).at(-1);
  if (!last || last.at >= 1) return undefined;
  const values = observations.map((o) => o.value);
  return {
    value: last.value,
    low: Math.min(...values),
    high: Math.max(...values),
    method: "level",
  };
}
