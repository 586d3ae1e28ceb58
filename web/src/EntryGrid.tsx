import { type ClipboardEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { ApiError, api, type EntryRow, type RealisationRecord } from "./api.js";
import { problemText } from "./problem-text.js";
import { type Language, TEXTS } from "./texts.js";

type Outcome =
  | { readonly kind: "saved"; readonly version: number }
  | { readonly kind: "error"; readonly message: string }
  | { readonly kind: "conflict"; readonly current: RealisationRecord };

/** A figure as the user types it: 93,5 in Dutch, 93.5 in English (no thousands separators). */
function shown(value: RealisationRecord["value"], language: Language): string {
  if (value === null) return "";
  return typeof value === "number" && language === "nl"
    ? String(value).replace(".", ",")
    : String(value);
}

/**
 * The figures of one period, one field per indicator: typed or pasted (a column from a
 * spreadsheet fills the fields below), saved at the version read; a conflict shows the other
 * person's value and lets the user choose.
 */
export function EntryGrid({
  plan,
  period,
  language,
}: {
  plan: string;
  period: string;
  language: Language;
}) {
  const t = TEXTS[language];
  const [rows, setRows] = useState<EntryRow[]>([]);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const inputs = useRef<Record<string, HTMLInputElement | null>>({});

  useEffect(() => {
    let current = true;
    api.entries(plan, period).then((r) => current && setRows(r));
    return () => {
      current = false;
    };
  }, [plan, period]);

  const writable = rows.filter((r) => r.writable);
  const version = (id: string) => rows.find((r) => r.indicator === id)?.record.version ?? 0;

  function edit(id: string, value: string) {
    setEdits((e) => ({ ...e, [id]: value }));
  }

  function paste(id: string, event: ClipboardEvent<HTMLInputElement>) {
    const lines = event.clipboardData
      .getData("text")
      .replace(/\r?\n$/, "")
      .split(/\r?\n/);
    if (lines.length < 2) return;
    event.preventDefault();
    const start = writable.findIndex((r) => r.indicator === id);
    setEdits((e) => {
      const next = { ...e };
      lines.forEach((line, i) => {
        const row = writable[start + i];
        if (row) next[row.indicator] = line.split("\t")[0]?.trim() ?? "";
      });
      return next;
    });
  }

  function next(id: string, event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const following = writable[writable.findIndex((r) => r.indicator === id) + 1];
    if (following) inputs.current[following.indicator]?.focus();
  }

  async function save(id: string, value: string, at: number) {
    try {
      const record = await api.saveRealisation(plan, id, period, value, at, language);
      setRows((rs) => rs.map((r) => (r.indicator === id ? { ...r, record } : r)));
      setEdits(({ [id]: _, ...rest }) => rest);
      setOutcomes((o) => ({ ...o, [id]: { kind: "saved", version: record.version } }));
    } catch (error) {
      const outcome: Outcome =
        error instanceof ApiError && error.status === 409 && error.problem.current
          ? { kind: "conflict", current: error.problem.current as RealisationRecord }
          : { kind: "error", message: problemText(error, language) };
      setOutcomes((o) => ({ ...o, [id]: outcome }));
    }
  }

  async function saveAll() {
    for (const [id, value] of Object.entries(edits)) await save(id, value, version(id));
  }

  function takeTheirs(id: string, current: RealisationRecord) {
    setRows((rs) => rs.map((r) => (r.indicator === id ? { ...r, record: current } : r)));
    setEdits(({ [id]: _, ...rest }) => rest);
    setOutcomes(({ [id]: _, ...rest }) => rest);
  }

  return (
    <section aria-labelledby="invoer-kop">
      <h2 id="invoer-kop">{t.entryCaption(period)}</h2>
      <p className="hint">{t.pasteHint}</p>
      <table className="entry">
        <thead>
          <tr>
            <th scope="col">{t.indicator}</th>
            <th scope="col">{t.value}</th>
            <th scope="col">{t.result}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const id = row.indicator;
            const outcome = outcomes[id];
            const label = [...row.groups.slice(1), row.title].join(" – ");
            return (
              <tr key={id}>
                <th scope="row">
                  <label htmlFor={`waarde-${id}`}>{label}</label>
                </th>
                <td>
                  <input
                    id={`waarde-${id}`}
                    ref={(element) => {
                      inputs.current[id] = element;
                    }}
                    value={edits[id] ?? shown(row.record.value, language)}
                    readOnly={!row.writable}
                    aria-describedby={outcome ? `uitkomst-${id}` : undefined}
                    aria-invalid={outcome?.kind === "error" || undefined}
                    onChange={(e) => edit(id, e.target.value)}
                    onPaste={(e) => paste(id, e)}
                    onKeyDown={(e) => next(id, e)}
                  />
                </td>
                <td id={`uitkomst-${id}`} aria-live="polite">
                  {!row.writable && t.readOnly}
                  {outcome?.kind === "saved" && t.saved(outcome.version)}
                  {outcome?.kind === "error" && <span className="error">{outcome.message}</span>}
                  {outcome?.kind === "conflict" && (
                    <span className="conflict">
                      {t.conflict(
                        shown(outcome.current.value, language),
                        outcome.current.updatedBy ?? "?",
                      )}{" "}
                      <button
                        type="button"
                        onClick={() => save(id, edits[id] ?? "", outcome.current.version)}
                      >
                        {t.keepMine}
                      </button>{" "}
                      <button type="button" onClick={() => takeTheirs(id, outcome.current)}>
                        {t.takeTheirs}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        className="primary"
        onClick={saveAll}
        disabled={Object.keys(edits).length === 0}
      >
        {t.save}
      </button>
    </section>
  );
}
