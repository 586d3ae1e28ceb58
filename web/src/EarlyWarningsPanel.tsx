import type { EarlyWarnings } from "./api.js";
import { indicatorHref } from "./indicator-link.js";

/**
 * The indicators met now but forecast to miss their target on 31 December, each linking to its
 * page. The texts come from the server, in the report's words, so app and report say the same.
 */
export function EarlyWarningsPanel({
  warnings,
  plan,
}: {
  warnings: EarlyWarnings | null;
  plan: string;
}) {
  if (!warnings) return null;
  return (
    <section className="early-warnings" aria-labelledby="early-warnings-heading">
      <h2 id="early-warnings-heading">{warnings.heading}</h2>
      <p>{warnings.introduction}</p>
      <ul>
        {warnings.rows.map((row) => (
          <li key={row.id}>
            <a href={indicatorHref(plan, row.id)}>{row.title}</a>
            {`: ${row.detail}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
