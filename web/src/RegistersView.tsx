import { type ReactNode, useEffect, useState } from "react";
import type { Account } from "./api.js";
import { NarrativeForm } from "./RegisterForms.js";
import {
  ArticleItem,
  type Editing,
  FindingItem,
  MeasureState,
  type PeriodLabels,
  RiskItem,
} from "./RegisterItems.js";
import { openForm, ownedItems } from "./register-links.js";
import "./registers.css";
import { type RegisterName, type RegistersView as Registers, registers } from "./registers-api.js";
import { REGISTERS_TEXTS } from "./registers-texts.js";
import { type Language, TEXTS } from "./texts.js";

function Register<T>(props: {
  id: RegisterName;
  heading: string;
  view: Registers;
  items: readonly T[] | null;
  editing: Editing | null;
  language: Language;
  item: (item: T) => ReactNode;
}) {
  const t = REGISTERS_TEXTS[props.language];
  const narrative = props.view.narratives[props.id];
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      {narrative?.html && (
        // The server renders the Markdown as the report does, with raw HTML escaped.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and escaped by the server
        <div className="markdown narrative" dangerouslySetInnerHTML={{ __html: narrative.html }} />
      )}
      {narrative?.writable && props.editing && (
        <NarrativeForm
          register={props.id}
          heading={props.heading}
          narrative={narrative}
          editing={props.editing}
          language={props.language}
        />
      )}
      {props.items === null && <p>{t.none}</p>}
      {props.items?.length === 0 && <p>{t.empty}</p>}
      {props.items && props.items.length > 0 && (
        <ul className="register" id={props.id}>
          {props.items.map(props.item)}
        </ul>
      )}
    </section>
  );
}

/** The risks the account owns and the measures it is to carry out, each linking to its form. */
function Mine({ view, email, language }: { view: Registers; email: string; language: Language }) {
  const t = REGISTERS_TEXTS[language];
  const items = ownedItems(view, email);
  return (
    <section aria-labelledby="mine-heading" className="mine">
      <h2 id="mine-heading">{t.mine}</h2>
      {items.length === 0 ? (
        <p>{t.mineNone}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={`${item.of} ${item.title} ${item.form}`}>
              {item.form ? (
                <a
                  href={`#${item.form}`}
                  onClick={(event) => {
                    if (item.form && openForm(item.form)) event.preventDefault();
                  }}
                >
                  {item.title}
                </a>
              ) : (
                item.title
              )}{" "}
              {item.measure ? (
                <>
                  ({t.measureOf(item.of ?? "")}):{" "}
                  <MeasureState m={item.measure} language={language} />
                </>
              ) : (
                `(${t.riskOwned})`
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The period's risks, audit findings and lawfulness, each item with its history. */
export function RegistersView(props: {
  account: Account;
  plan: string;
  period: string;
  /** Whether the period is open, so that register items may be changed. */
  open: boolean;
  language: Language;
  /** The id of a form to open once the registers are read (from the task list). */
  focus?: string | null;
}) {
  const { language } = props;
  const [reads, setReads] = useState(0);
  const t = REGISTERS_TEXTS[language];
  const [view, setView] = useState<Registers | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change to `reads` asks for a fresh read
  useEffect(() => {
    let current = true;
    registers(props.plan, props.period, language)
      .then((v) => current && setView(v))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [props.plan, props.period, language, reads]);

  const loaded = view !== null;
  useEffect(() => {
    if (loaded && props.focus) openForm(props.focus);
  }, [loaded, props.focus]);

  if (error) {
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  }
  if (!view) return <p aria-live="polite">{TEXTS[language].loading}</p>;
  const periods: PeriodLabels = new Map(view.periods.map((p) => [p.id, p.label]));
  const editing: Editing | null = props.open
    ? { plan: props.plan, period: view.period, onSaved: () => setReads((n) => n + 1) }
    : null;
  const shared = { view, editing, language };
  return (
    <div className="registers">
      <h1>{t.heading(view.period.label)}</h1>
      <Mine view={view} email={props.account.email} language={language} />
      <Register
        id="risks"
        heading={t.risks}
        items={view.risks}
        {...shared}
        item={(r) => (
          <RiskItem key={r.id} risk={r} periods={periods} language={language} editing={editing} />
        )}
      />
      <Register
        id="findings"
        heading={t.findings}
        items={view.findings}
        {...shared}
        item={(f) => (
          <FindingItem
            key={f.id}
            finding={f}
            periods={periods}
            language={language}
            editing={editing}
          />
        )}
      />
      <Register
        id="lawfulness"
        heading={t.lawfulness}
        items={view.lawfulness}
        {...shared}
        item={(a) => (
          <ArticleItem
            key={a.id}
            article={a}
            periods={periods}
            language={language}
            editing={editing}
          />
        )}
      />
    </div>
  );
}
