import { useEffect, useRef, useState } from "react";
import { api, type IndicatorDetail } from "./api.js";
import { ComputedOrigins } from "./ComputedOrigins.js";
import { OVERVIEW_HREF } from "./indicator-link.js";
import { type Language, TEXTS } from "./texts.js";

type Words = (typeof TEXTS)[Language]["indicatorPage"];
type Period = IndicatorDetail["periods"][number];

/** One indicator over the year: its definition, figures per period, chart and explanations. */
export function IndicatorPage(props: { plan: string; indicator: string; language: Language }) {
  const { plan, indicator, language } = props;
  const t = TEXTS[language];
  const [detail, setDetail] = useState<IndicatorDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef<string | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    api
      .indicator(plan, indicator, language)
      .then((d) => current && setDetail(d))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [plan, indicator, language]);

  // The heading takes the focus once per indicator opened, not again on a language switch.
  useEffect(() => {
    if (detail && focused.current !== detail.indicator.id) {
      focused.current = detail.indicator.id;
      heading.current?.focus();
    }
  }, [detail]);

  return (
    <main className="indicator-page">
      <p>
        <a href={OVERVIEW_HREF}>← {t.indicatorPage.back}</a>
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!detail && !error && <p aria-live="polite">{t.loading}</p>}
      {detail && (
        <>
          <h1 ref={heading} tabIndex={-1}>
            {detail.indicator.heading}
          </h1>
          <p className="plan-name">{detail.plan.title}</p>
          <Definition detail={detail} words={t.indicatorPage} />
          <Periods detail={detail} words={t.indicatorPage} language={language} />
          {detail.chart && (
            <section aria-labelledby="grafiek-kop">
              <h2 id="grafiek-kop">{t.indicatorPage.chart}</h2>
              {/* Drawn by the server from the figures; it carries its own title and text alternative. */}
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: an SVG the server drew from numbers, with its texts escaped */}
              <div className="chart" dangerouslySetInnerHTML={{ __html: detail.chart.svg }} />
              <ChartKey detail={detail} words={t.indicatorPage} />
            </section>
          )}
          <Explanations detail={detail} words={t.indicatorPage} />
          <ComputedOrigins detail={detail} language={language} />
        </>
      )}
    </main>
  );
}

function Definition({ detail, words }: { detail: IndicatorDetail; words: Words }) {
  const d = detail.indicator;
  const facts: [string, string | null][] = [
    [words.description, d.description],
    [words.groups, d.groups.join(" › ") || null],
    [words.target, d.target],
    [words.unit, words.units[d.unit] ?? d.unit],
    [words.direction, d.direction && words.directions[d.direction]],
    [words.aggregation, words.aggregations[d.aggregation]],
    [words.assess, words.assessments[d.assess]],
    [words.decimals, d.decimals === null ? null : String(d.decimals)],
    [words.owner, d.owner],
    [words.source, d.source],
  ];
  return (
    <section aria-labelledby="definitie-kop">
      <h2 id="definitie-kop">{words.definition}</h2>
      <dl className="definition">
        {facts.map(([label, value]) =>
          value ? (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ) : null,
        )}
      </dl>
    </section>
  );
}

function Periods(props: { detail: IndicatorDetail; words: Words; language: Language }) {
  const { detail, words, language } = props;
  return (
    <section aria-labelledby="perioden-kop">
      <h2 id="perioden-kop">{words.periods}</h2>
      <table className="periods stack">
        <caption>{words.caption(detail.indicator.title)}</caption>
        <thead>
          <tr>
            {words.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {detail.periods.map((p) => (
            <PeriodRow key={p.periodId} period={p} words={words} language={language} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PeriodRow(props: { period: Period; words: Words; language: Language }) {
  const { period: p, words, language } = props;
  return (
    <tr className={`status-${p.status.status}`}>
      <th scope="row">{p.label}</th>
      <td data-label={words.columns[1]}>{p.target ?? ""}</td>
      <td className="value" data-label={words.columns[2]}>
        {p.value}
      </td>
      <td className="status" data-label={words.columns[3]}>
        <span aria-hidden="true">{p.status.symbol}</span> {p.status.label}
      </td>
      <td data-label={words.columns[4]}>{p.source ?? ""}</td>
      <td data-label={words.columns[5]}>
        <Entered entry={p.entry} words={words} language={language} />
      </td>
    </tr>
  );
}

function Entered(props: { entry: Period["entry"]; words: Words; language: Language }) {
  const { entry, words, language } = props;
  if (!entry.updatedBy || !entry.updatedAt) return <>{words.notEntered}</>;
  const at = new Intl.DateTimeFormat(language === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(entry.updatedAt));
  return (
    <>
      <span className="who">{entry.updatedBy}</span>, <time dateTime={entry.updatedAt}>{at}</time> (
      {words.version(entry.version)})
    </>
  );
}

/** What the chart's line and marks stand for; the chart's own text alternative says it all. */
function ChartKey({ detail, words }: { detail: IndicatorDetail; words: Words }) {
  return (
    <p className="chart-key" aria-hidden="true">
      <span className="key figures" /> {words.columns[2]}
      {detail.periods.some((p) => p.target !== null) && (
        <>
          {" "}
          <span className="key target" /> {words.target}
        </>
      )}
    </p>
  );
}

function Explanations({ detail, words }: { detail: IndicatorDetail; words: Words }) {
  return (
    <section aria-labelledby="toelichtingen-kop">
      <h2 id="toelichtingen-kop">{words.explanations}</h2>
      {detail.explanations.length === 0 && <p>{words.noExplanations}</p>}
      {detail.explanations.map((e) => (
        <article
          key={e.periodId}
          className="explanation"
          aria-labelledby={`toelichting-${e.periodId}-kop`}
        >
          <h3 id={`toelichting-${e.periodId}-kop`}>{words.explanationOf(e.label, e.note)}</h3>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the report's own renderer made it, with raw HTML escaped */}
          <div dangerouslySetInnerHTML={{ __html: e.html }} />
        </article>
      ))}
    </section>
  );
}
