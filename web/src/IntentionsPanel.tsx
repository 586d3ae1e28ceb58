import type { IntentionRow } from "./api.js";
import { type Language, TEXTS } from "./texts.js";

function DueDates({
  dates,
  language,
}: {
  dates: IntentionRow["milestones"][number]["dates"];
  language: Language;
}) {
  const t = TEXTS[language];
  const [planned, ...moves] = dates;
  return (
    <>
      {t.plannedOn(planned?.date ?? "")}
      {moves.map((move) => (
        <span key={`${move.date} ${move.report}`} className="moved">
          {" → "}
          {t.movedTo(move.date, move.report)}
        </span>
      ))}
      {moves.length > 1 && <strong className="slipped"> ({t.slipped(moves.length)})</strong>}
    </>
  );
}

/**
 * The plan's intentions in the period: each with its status and note, and its milestones with
 * every date they were due by, so a milestone that slipped twice shows both moves.
 */
export function IntentionsPanel({
  rows,
  language,
}: {
  rows: readonly IntentionRow[];
  language: Language;
}) {
  const t = TEXTS[language];
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="intentions-heading" className="intentions">
      <h2 id="intentions-heading">{t.intentionsHeading}</h2>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <p>
              <strong>{row.group ? `${row.group}: ${row.title}` : row.title}</strong> — {row.status}
              {row.note !== null && (
                <>
                  {" "}
                  (<a href={`#note-${row.note}`}>{t.noteNumber(row.note)}</a>)
                </>
              )}
              {row.owner && <span className="owner"> · {t.ownerIs(row.owner)}</span>}
            </p>
            {row.milestones.length === 0 ? (
              <p className="hint">{t.noMilestones}</p>
            ) : (
              <ul className="milestones">
                {row.milestones.map((m) => (
                  <li key={m.id}>
                    {m.title}: {m.status}; <DueDates dates={m.dates} language={language} />
                    {m.done && `; ${m.done}`}
                    {m.reason && <span className="reason"> — {m.reason}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
