/**
 * On an indicator's page: how each computed figure came about — the engine, when, the files
 * read with their SHA-256, and the SQL that ran — for the advisor and the auditor who ask.
 */
import type { ComputedOrigin, IndicatorDetail } from "./api.js";
import type { Language } from "./texts.js";

const TEXTS = {
  nl: {
    heading: "Herkomst van de berekende cijfers",
    introduction:
      "Deze cijfers zijn uit brongegevens berekend. Per periode staat hier waarmee en wanneer, welke bestanden of tabellen zijn gelezen en met welke query.",
    period: (label: string) => `Periode ${label}`,
    computedWith: "Berekend met",
    computedAt: "Berekend op",
    columns: "Kolom(men) van de uitkomst",
    roles: { value: "waarde", numerator: "teller", denominator: "noemer" } as Record<
      string,
      string
    >,
    sources: "Gelezen bronnen",
    rows: (n: string) => `${n} rijen`,
    table: (name: string) => `tabel ${name}`,
    bytes: (n: string) => `${n} bytes`,
    query: "De query zoals hij is uitgevoerd",
  },
  en: {
    heading: "Origin of the computed figures",
    introduction:
      "These figures were computed from source data. For each period: with what and when, which files or tables were read, and with which query.",
    period: (label: string) => `Period ${label}`,
    computedWith: "Computed with",
    computedAt: "Computed at",
    columns: "Result column(s)",
    roles: { value: "value", numerator: "numerator", denominator: "denominator" } as Record<
      string,
      string
    >,
    sources: "Sources read",
    rows: (n: string) => `${n} rows`,
    table: (name: string) => `table ${name}`,
    bytes: (n: string) => `${n} bytes`,
    query: "The query as it ran",
  },
} as const;

type Words = (typeof TEXTS)[Language];

export function ComputedOrigins(props: { detail: IndicatorDetail; language: Language }) {
  const { detail, language } = props;
  const computed = detail.periods.filter((p) => p.computed !== null);
  if (computed.length === 0) return null;
  const t = TEXTS[language];
  return (
    <section aria-labelledby="herkomst-kop" className="computed-origins">
      <h2 id="herkomst-kop">{t.heading}</h2>
      <p>{t.introduction}</p>
      {computed.map((p) =>
        p.computed ? (
          <Origin key={p.periodId} label={p.label} origin={p.computed} t={t} language={language} />
        ) : null,
      )}
    </section>
  );
}

function Origin(props: { label: string; origin: ComputedOrigin; t: Words; language: Language }) {
  const { label, origin, t, language } = props;
  const number = (n: number) => n.toLocaleString(language === "nl" ? "nl-NL" : "en-GB");
  const at = new Intl.DateTimeFormat(language === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(new Date(origin.computedAt));
  return (
    <details>
      <summary>{t.period(label)}</summary>
      <dl className="definition">
        <div>
          <dt>{t.computedWith}</dt>
          <dd>
            {origin.engine === "duckdb" ? "DuckDB" : "PostgreSQL"}{" "}
            {origin.engineVersion.replace(/^PostgreSQL /, "")}
          </dd>
        </div>
        <div>
          <dt>{t.computedAt}</dt>
          <dd>
            <time dateTime={origin.computedAt}>{at} UTC</time>
          </dd>
        </div>
        <div>
          <dt>{t.columns}</dt>
          <dd>
            {Object.entries(origin.columns)
              .map(([role, column]) => `${t.roles[role] ?? role} ${column}`)
              .join(", ")}
          </dd>
        </div>
      </dl>
      <h3 className="sources-heading">{t.sources}</h3>
      <ul className="sources">
        {origin.sources.map((s) => (
          <li key={s.name}>
            <strong>{s.name}</strong>: {t.rows(number(s.rows))}
            {s.table ? `, ${t.table(s.table)}` : ""}
            {s.files.length > 0 && (
              <ul>
                {s.files.map((f) => (
                  <li key={f.path}>
                    {f.path} ({t.bytes(number(f.bytes))}), SHA-256{" "}
                    <code className="hash">{f.sha256}</code>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <h3 className="sources-heading">{t.query}</h3>
      <pre className="sql">
        <code>{origin.sql}</code>
      </pre>
    </details>
  );
}
