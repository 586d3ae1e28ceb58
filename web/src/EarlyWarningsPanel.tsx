import type { EarlyWarnings, ToleranceWarnings } from "./api.js";
import { indicatorHref } from "./indicator-link.js";

/**
 * The indicators met now but forecast to miss their target on 31 December, each linking to its
 * page, and the budget articles expected to exceed their tolerance. The texts come from the
 * server, in the report's words, so app and report say the same.
 */
export function EarlyWarningsPanel({
  warnings,
  tolerance,
  plan,
}: {
  warnings: EarlyWarnings | null;
  tolerance: ToleranceWarnings | null;
  plan: string;
}) {
  if (!warnings && !tolerance) return null;
  // Without forecasts the report's early warnings hold only the tolerance excesses.
  const forecasts = warnings && warnings.rows.length > 0 ? warnings : null;
  return (
    <section className="early-warnings" aria-labelledby="early-warnings-heading">
      <h2 id="early-warnings-heading">{warnings?.heading ?? tolerance?.heading}</h2>
      {forecasts && (
        <>
          <p>{forecasts.introduction}</p>
          <ul>
            {forecasts.rows.map((row) => (
              <li key={row.id}>
                <a href={indicatorHref(plan, row.id)}>{row.title}</a>
                {`: ${row.detail}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {tolerance && (
        <>
          <p>{tolerance.introduction}</p>
          <ul className="tolerance-warnings">
            {tolerance.rows.map((row) => (
              <li key={row.id}>
                {/* The detail carries the flag, in the report's words. */}
                <strong>{row.title}</strong>
                {`: ${row.detail}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
