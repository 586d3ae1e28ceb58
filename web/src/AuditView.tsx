import { useEffect, useState } from "react";
import { type AuditEntry, api } from "./api.js";
import { type Language, TEXTS } from "./texts.js";

const PAGE = 200;

function compact(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(value);
}

/** Appends the page of entries after `after`, and says whether there may be more. */
async function loadPage(
  after: number,
  setEntries: (update: (entries: AuditEntry[]) => AuditEntry[]) => void,
  setMore: (more: boolean) => void,
  setError: (error: string) => void,
): Promise<void> {
  try {
    const page = (await api.audit(after, PAGE)).entries;
    // Entries after `after` replace any already there, so a page read twice shows once.
    setEntries((entries) => [...entries.filter((e) => e.seq <= after), ...page]);
    setMore(page.length === PAGE);
  } catch (problem) {
    setError(problem instanceof Error ? problem.message : String(problem));
  }
}

/** The audit trail, oldest first, page by page, filtered by who and by action. */
export function AuditView({ language }: { language: Language }) {
  const t = TEXTS[language];
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(true);
  const [actor, setActor] = useState("");
  const [action, setAction] = useState("");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void loadPage(0, setEntries, setMore, setError);
  }, []);

  const unique = (values: string[]) => [...new Set(values)].sort();
  const shown = entries.filter(
    (e) => (!actor || e.actor === actor) && (!action || e.action === action),
  );
  return (
    <section aria-labelledby="audit-kop">
      <h2 id="audit-kop">{t.audit}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="choices">
        <label>
          {t.actor}{" "}
          <select value={actor} onChange={(e) => setActor(e.target.value)}>
            <option value="">{t.all}</option>
            {unique(entries.map((e) => e.actor)).map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label>
          {t.action}{" "}
          <select value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">{t.all}</option>
            {unique(entries.map((e) => e.action)).map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
      </div>
      <table className="audit">
        <caption>{t.auditCaption}</caption>
        <thead>
          <tr>
            {t.auditColumns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.seq}>
              <th scope="row">{e.seq}</th>
              <td>{e.at}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td>{e.entityKey}</td>
              <td>
                <code>{compact(e.before)}</code>
              </td>
              <td>
                <code>{compact(e.after)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more && (
        <button
          type="button"
          onClick={() => loadPage(entries.at(-1)?.seq ?? 0, setEntries, setMore, setError)}
        >
          {t.more}
        </button>
      )}
    </section>
  );
}
