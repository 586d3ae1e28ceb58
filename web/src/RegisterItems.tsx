import { Fragment, type ReactNode } from "react";
import { LawfulnessFiguresForm } from "./LawfulnessFiguresForm.js";
import { FindingStatusForm, MeasureForm } from "./RegisterForms.js";
import { RiskAssessmentForm } from "./RiskAssessmentForm.js";
import type { ArticleView, FindingView, MeasureView, RiskView } from "./registers-api.js";
import { longDate, REGISTERS_TEXTS } from "./registers-texts.js";
import type { Language } from "./texts.js";

type Texts = (typeof REGISTERS_TEXTS)[Language];
export type PeriodLabels = ReadonlyMap<string, string>;

/** A flag is a symbol and words: the words carry it for screen readers and in black and white. */
export function Flag({ children }: { children: ReactNode }) {
  return (
    <strong className="flag">
      <span aria-hidden="true">⚠ </span>
      {children}
    </strong>
  );
}

export function MeasureText({ m, language }: { m: MeasureView; language: Language }) {
  const t = REGISTERS_TEXTS[language];
  return (
    <>
      {m.title} — {t.owner.toLowerCase()} {m.owner}; <MeasureState m={m} language={language} />
    </>
  );
}

/** A measure's status, and its due date (flagged when past). */
export function MeasureState({ m, language }: { m: MeasureView; language: Language }) {
  const t = REGISTERS_TEXTS[language];
  const due = m.due ? longDate(m.due, language) : null;
  return (
    <>
      {t.measureStatus[m.status]}
      {due && !m.overdue && `; ${t.due(due)}`}
      {due && m.overdue && (
        <>
          ; <Flag>{t.measureOverdue(due)}</Flag>
        </>
      )}
    </>
  );
}

/** An item's measures, each with its form where the account may update it. */
function Measures(props: {
  measures: readonly MeasureView[];
  register: "risks" | "findings";
  item: string;
  editing: Editing | null;
  language: Language;
}) {
  const { measures, editing, language } = props;
  const t = REGISTERS_TEXTS[language];
  if (measures.length === 0) return <p>{t.noMeasures}</p>;
  return (
    <ul>
      {measures.map((m) => (
        <li key={m.index}>
          <MeasureText m={m} language={language} />
          {m.writable && editing && (
            <MeasureForm
              measure={m}
              register={props.register}
              item={props.item}
              editing={editing}
              language={language}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

function Facts({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="summary">
      {rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** An item's history as a small table, one row per period, folded away until asked for. */
function History(props: {
  title: string;
  t: Texts;
  columns: readonly string[];
  /** Each row's cells after the period, as <td> elements. */
  rows: readonly { period: string; cells: ReactNode }[];
  periods: PeriodLabels;
}) {
  return (
    <details>
      <summary>
        {props.t.history}
        <span className="visually-hidden">{` ${props.title}`}</span>
      </summary>
      <table className="register-history">
        <caption>{props.t.historyOf(props.title)}</caption>
        <thead>
          <tr>
            <th scope="col">{props.t.period}</th>
            {props.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.period}>
              <th scope="row">{props.periods.get(row.period) ?? row.period}</th>
              {row.cells}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function scoreText(r: { likelihood: number | null; impact: number | null }, t: Texts): string {
  return r.likelihood !== null && r.impact !== null
    ? t.scoreOf(r.likelihood, r.impact)
    : t.notScored;
}

/** The score and how it moved; an unscored risk's "not scored" would only repeat the score line. */
function scoreLine(risk: RiskView, t: Texts): string {
  const score = scoreText(risk, t);
  return risk.change === "not-scored" ? score : `${score} (${t.change[risk.change]})`;
}

/** Where register items may be changed: an open period; null when it is not open. */
export interface Editing {
  readonly plan: string;
  readonly period: { readonly id: string; readonly label: string };
  onSaved(): void;
}

export function RiskItem(props: {
  risk: RiskView;
  periods: PeriodLabels;
  language: Language;
  editing: Editing | null;
}) {
  const { risk, language } = props;
  const t = REGISTERS_TEXTS[language];
  return (
    <li id={`risk-${risk.id}`}>
      <h3>{risk.title}</h3>
      {risk.flagged && risk.previousScore !== null && risk.score !== null && (
        <p>
          <Flag>{t.rose(risk.previousScore, risk.score)}</Flag>
        </p>
      )}
      <Facts
        rows={[
          [t.owner, risk.owner],
          ...(risk.cause ? [[t.cause, risk.cause] as const] : []),
          ...(risk.effect ? [[t.effect, risk.effect] as const] : []),
          [t.score, scoreLine(risk, t)],
          ...(risk.note ? [[t.note, risk.note] as const] : []),
        ]}
      />
      <h4>{t.measures}</h4>
      <Measures
        measures={risk.measures}
        register="risks"
        item={risk.id}
        editing={props.editing}
        language={language}
      />
      <History
        title={risk.title}
        t={t}
        periods={props.periods}
        columns={[t.score, t.changeColumn, t.note]}
        rows={risk.history.map((h) => ({
          period: h.period,
          cells: (
            <>
              <td>{scoreText(h, t)}</td>
              <td>{h.change === "rose" ? <Flag>{t.change.rose}</Flag> : t.change[h.change]}</td>
              <td>{h.note}</td>
            </>
          ),
        }))}
      />
      {risk.writable && props.editing && (
        <RiskAssessmentForm
          plan={props.editing.plan}
          period={props.editing.period}
          risk={risk}
          language={language}
          onSaved={props.editing.onSaved}
        />
      )}
    </li>
  );
}

export function FindingItem(props: {
  finding: FindingView;
  periods: PeriodLabels;
  language: Language;
  editing: Editing | null;
}) {
  const { finding, language } = props;
  const t = REGISTERS_TEXTS[language];
  const resolveBy = finding.resolveBy ? longDate(finding.resolveBy, language) : null;
  return (
    <li id={`finding-${finding.id}`}>
      <h3>{finding.title}</h3>
      {finding.overdue && resolveBy && (
        <p>
          <Flag>{t.findingOverdue(resolveBy)}</Flag>
        </p>
      )}
      {finding.description && <p>{finding.description}</p>}
      <Facts
        rows={[
          [t.source, finding.sources.map((s) => t.sources[s] ?? s).join(", ")],
          [t.year, finding.year === null ? t.notGiven : String(finding.year)],
          [t.classification, t.classifications[finding.classification] ?? finding.classification],
          [t.resolveBy, resolveBy ?? t.notGiven],
          [t.state, t.states[finding.state]],
          ...(finding.note ? [[t.note, finding.note] as const] : []),
        ]}
      />
      <h4>{t.measures}</h4>
      <Measures
        measures={finding.measures}
        register="findings"
        item={finding.id}
        editing={props.editing}
        language={language}
      />
      <History
        title={finding.title}
        t={t}
        periods={props.periods}
        columns={[t.state, t.note]}
        rows={finding.history.map((h) => ({
          period: h.period,
          cells: (
            <>
              <td>
                {h.overdue && resolveBy ? (
                  <Flag>{t.findingOverdue(resolveBy)}</Flag>
                ) : (
                  t.states[h.state]
                )}
              </td>
              <td>{h.note}</td>
            </>
          ),
        }))}
      />
      {finding.writable && props.editing && (
        <FindingStatusForm finding={finding} editing={props.editing} language={language} />
      )}
    </li>
  );
}

function outcome(a: Pick<ArticleView, "outlook"> & { excess: string | null }, t: Texts) {
  if (a.outlook === null) return t.unknown;
  if (a.outlook === "within") return t.outlook.within;
  return <Flag>{a.excess ? t.exceeds(a.excess) : t.outlook.exceeds}</Flag>;
}

function toleranceRows(a: ArticleView, t: Texts): (readonly [string, ReactNode])[] {
  const tol = a.tolerance;
  if (!tol) return a.statedTolerance ? [[t.statedTolerance, a.statedTolerance]] : [];
  return [
    [t.base, tol.base.text],
    [t.errors, tol.errorsAndUncertainties.text],
    [t.articleLimit(a.rule.article), tol.articleLimit.text],
    [t.chapterRoom(a.rule.chapter), tol.chapterRoom.text],
    [t.effective, `${tol.effective.text} (${tol.effectivePercent}, ${t.boundBy[tol.boundBy]})`],
  ];
}

export function ArticleItem(props: {
  article: ArticleView;
  periods: PeriodLabels;
  language: Language;
  editing: Editing | null;
}) {
  const { article: a, language } = props;
  const t = REGISTERS_TEXTS[language];
  const where = [t.chapter(a.ministry, a.chapter), ...(a.article ? [t.article(a.article)] : [])];
  const basis = a.basis ? ` (${t.basis[a.basis]})` : "";
  return (
    <li id={`article-${a.id}`}>
      <h3>
        {a.title} <span className="where">({where.join(", ")})</span>
      </h3>
      <Facts
        rows={[
          ...toleranceRows(a, t),
          [
            `${t.outcome}${basis}`,
            outcome({ outlook: a.outlook, excess: a.tolerance?.excess.text ?? null }, t),
          ],
          ...(a.note ? [[t.note, a.note] as const] : []),
          [t.rule, a.rule.source],
        ]}
      />
      <History
        title={a.title}
        t={t}
        periods={props.periods}
        columns={[t.outcome]}
        rows={a.history.map((h) => ({
          period: h.period,
          cells: (
            <td>
              {outcome({ outlook: h.outlook, excess: h.excess?.text ?? null }, t)}
              {h.basis && ` (${t.basis[h.basis]})`}
            </td>
          ),
        }))}
      />
      {a.writable && props.editing && (
        <LawfulnessFiguresForm article={a} editing={props.editing} language={language} />
      )}
    </li>
  );
}
