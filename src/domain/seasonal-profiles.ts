/**
 * The seasonal course of earlier years (pure): for each cumulative indicator, its figures in
 * the measurement history grouped by year, as shares of that year's year-end figure. Only years
 * with a figure for 31 December count; with none, the indicator has no profile and its forecast
 * follows the calendar.
 */
import { decimalToNumber } from "./decimal.js";
import { type Observation, profileOfYears, type SeasonalProfile } from "./forecast.js";
import { indicatorsOf, type Plan } from "./plan.js";
import { fractionOfYear, isCumulative, type SeasonalProfiles } from "./year-end-forecast.js";

export function seasonalProfilesOf(plan: Plan): SeasonalProfiles {
  const profiles = new Map<string, SeasonalProfile>();
  for (const indicator of indicatorsOf(plan.nodes).filter(isCumulative)) {
    const byYear = new Map<number, Observation[]>();
    for (const m of plan.history ?? []) {
      if (m.indicatorId !== indicator.id || m.date.year >= plan.year) continue;
      const at = fractionOfYear(m.date.year, m.date);
      const year = byYear.get(m.date.year) ?? [];
      byYear.set(m.date.year, [...year, { at, value: decimalToNumber(m.value) }]);
    }
    const profile = profileOfYears([...byYear.values()]);
    if (profile) profiles.set(indicator.id, profile);
  }
  return profiles;
}
