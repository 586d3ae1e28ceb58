import type { TableRow } from "./api.js";
import { choices, type Filter } from "./table-filter.js";
import { type Language, TEXTS } from "./texts.js";

/** Narrow the table to one group, one status or one owner's indicators. */
export function Filters(props: {
  rows: readonly TableRow[];
  filter: Filter;
  narrow: (change: Partial<Filter>) => void;
  language: Language;
}) {
  const { rows, filter, narrow, language } = props;
  const t = TEXTS[language];
  const { groups, statuses, owners } = choices(rows);
  return (
    <div className="choices filters">
      <label>
        {t.group}{" "}
        <select value={filter.group} onChange={(e) => narrow({ group: e.target.value })}>
          <option value="">{t.all}</option>
          {groups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.status}{" "}
        <select value={filter.status} onChange={(e) => narrow({ status: e.target.value })}>
          <option value="">{t.all}</option>
          {statuses.map((s) => (
            <option key={s.status} value={s.status}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {owners.length > 0 && (
        <label>
          {t.owner}{" "}
          <select value={filter.owner} onChange={(e) => narrow({ owner: e.target.value })}>
            <option value="">{t.all}</option>
            {owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
