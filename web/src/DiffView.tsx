import { type FormEvent, useState } from "react";
import type { PlanSummary } from "./api.js";
import { type DiffJson, diffApi } from "./diff-api.js";
import { DIFF_TEXTS, type DiffTexts } from "./diff-texts.js";
import { type Language, TEXTS } from "./texts.js";

type Diff = DiffJson;
type Status = keyof DiffTexts["status"];

interface Row {
  readonly key: string;
  readonly name: string;
  readonly cells: readonly string[];
}

function name(item: { readonly id: string; readonly path: readonly string[] }): string {
  return `${item.path.join(" › ")} (${item.id})`;
}

/** One kind of change: a heading with its count, then a table, or a line saying there is none. */
function ChangeTable(props: {
  id: string;
  heading: string;
  columns: readonly string[];
  rows: readonly Row[];
  t: DiffTexts;
}) {
  const { id, heading, columns, rows, t } = props;
  return (
    <section aria-labelledby={id}>
      <h4 id={id}>
        {heading} ({rows.length})
      </h4>
      {rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table className="diff">
          <thead>
            <tr>
              <th scope="col">{t.item}</th>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                {row.cells.map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DiffResult({ diff, t }: { diff: Diff; t: DiffTexts }) {
  const status = (s: Status | null) => (s === null ? t.absent : t.status[s]);
  const intention = (s: Status) => (s === "no-target" ? t.notJudged : t.status[s]);
  const periods = [t.inPeriod(diff.from.label), t.inPeriod(diff.to.label)];
  const exception = (c: Diff["newExceptions"][number]): Row => ({
    key: c.id,
    name: name(c),
    cells: [
      `${c.shown.from ?? t.absent} (${status(c.from)})`,
      `${c.shown.to ?? t.absent} (${status(c.to)})`,
    ],
  });
  const parts = [
    { key: "new", heading: t.sections.newExceptions, rows: diff.newExceptions.map(exception) },
    {
      key: "resolved",
      heading: t.sections.resolvedExceptions,
      rows: diff.resolvedExceptions.map(exception),
    },
    {
      key: "figures",
      heading: t.sections.figures,
      rows: diff.figures.map((c) => ({
        key: c.id,
        name: name(c),
        cells: [c.shown.from, c.shown.to],
      })),
    },
    {
      key: "targets",
      heading: t.sections.targets,
      rows: diff.targets.map((c) => ({
        key: c.id,
        name: name(c),
        cells: [c.from ?? t.noTarget, c.to ?? t.noTarget],
      })),
    },
    {
      key: "intentions",
      heading: t.sections.intentions,
      rows: diff.intentions.map((c) => ({
        key: c.id,
        name: name(c),
        cells: [intention(c.from), intention(c.to)],
      })),
    },
  ];
  const explanations = diff.explanations.map((c) => ({
    key: c.id,
    name: name(c),
    cells: [t.explanation[c.change]],
  }));
  const empty = parts.every((p) => p.rows.length === 0) && explanations.length === 0;
  return (
    <>
      <h3>
        {t.summary(`${diff.from.label} (${diff.from.id})`, `${diff.to.label} (${diff.to.id})`)}
      </h3>
      {empty ? (
        <p>{t.nothing}</p>
      ) : (
        <>
          {parts.map((p) => (
            <ChangeTable
              key={p.key}
              id={`verschil-${p.key}`}
              heading={p.heading}
              columns={periods}
              rows={p.rows}
              t={t}
            />
          ))}
          <ChangeTable
            id="verschil-explanations"
            heading={t.sections.explanations}
            columns={[t.change]}
            rows={explanations}
            t={t}
          />
        </>
      )}
    </>
  );
}

/** Two published periods of a plan compared, as their publications froze them. */
export function DiffView({ plan, language }: { plan: PlanSummary; language: Language }) {
  const t = DIFF_TEXTS[language];
  const ids = plan.periods.map((p) => p.id);
  const published = plan.periods.filter((p) => p.state === "published").map((p) => p.id);
  const [from, setFrom] = useState(published.at(-2) ?? ids.at(-2) ?? ids[0] ?? "");
  const [to, setTo] = useState(published.at(-1) ?? ids.at(-1) ?? "");
  const [diff, setDiff] = useState<Diff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function compare(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDiff(null);
    try {
      setDiff(await diffApi.published(plan.id, from, to));
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    } finally {
      setBusy(false);
    }
  }

  const choice = (label: string, value: string, set: (id: string) => void) => (
    <label>
      {label}{" "}
      <select value={value} onChange={(e) => set(e.target.value)}>
        {plan.periods.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id} ({TEXTS[language].stateLabel[p.state] ?? p.state})
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="verschillen-kop" className="differences">
      <h2 id="verschillen-kop">{t.heading}</h2>
      <p>{t.intro}</p>
      <form className="choices" onSubmit={compare}>
        {choice(t.from, from, setFrom)}
        {choice(t.to, to, setTo)}
        <button type="submit" disabled={busy}>
          {t.compare}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div aria-live="polite">
        {busy && <p>{t.comparing}</p>}
        {diff && <DiffResult diff={diff} t={t} />}
      </div>
    </section>
  );
}
