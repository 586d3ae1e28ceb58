import { type ReactNode, useEffect, useState } from "react";
import type { Account } from "./api.js";
import {
  ArticleItem,
  type Editing,
  FindingItem,
  MeasureText,
  type PeriodLabels,
  RiskItem,
} from "./RegisterItems.js";
import "./registers.css";
import { type MeasureView, type RegistersView as Registers, registers } from "./registers-api.js";
import { REGISTERS_TEXTS } from "./registers-texts.js";
import { type Language, TEXTS } from "./texts.js";

function Register<T>(props: {
  id: string;
  heading: string;
  items: readonly T[] | null;
  language: Language;
  item: (item: T) => ReactNode;
}) {
  const t = REGISTERS_TEXTS[props.language];
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
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

/** The risks the account owns and the measures it is to carry out, wherever they are. */
function Mine({ view, email, language }: { view: Registers; email: string; language: Language }) {
  const t = REGISTERS_TEXTS[language];
  const mine = (m: MeasureView) => m.owner.toLowerCase() === email;
  const risks = (view.risks ?? []).filter((r) => r.owner.toLowerCase() === email);
  const measures = [...(view.risks ?? []), ...(view.findings ?? [])].flatMap((item) =>
    item.measures.filter(mine).map((m) => ({ item: item.title, m })),
  );
  return (
    <section aria-labelledby="mine-heading" className="mine">
      <h2 id="mine-heading">{t.mine}</h2>
      {risks.length + measures.length === 0 ? (
        <p>{t.mineNone}</p>
      ) : (
        <ul>
          {risks.map((r) => (
            <li key={r.id}>
              <a href={`#risk-${r.id}`}>{r.title}</a> ({t.riskOwned})
            </li>
          ))}
          {measures.map(({ item, m }) => (
            <li key={`${item} ${m.title}`}>
              <MeasureText m={m} language={language} /> ({t.measureOf(item)})
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
  /** Whether the period is open, so that assessments may be changed. */
  open: boolean;
  language: Language;
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
  return (
    <div className="registers">
      <h1>{t.heading(view.period.label)}</h1>
      <Mine view={view} email={props.account.email.toLowerCase()} language={language} />
      <Register
        id="risks"
        heading={t.risks}
        items={view.risks}
        language={language}
        item={(r) => (
          <RiskItem key={r.id} risk={r} periods={periods} language={language} editing={editing} />
        )}
      />
      <Register
        id="findings"
        heading={t.findings}
        items={view.findings}
        language={language}
        item={(f) => <FindingItem key={f.id} finding={f} periods={periods} language={language} />}
      />
      <Register
        id="lawfulness"
        heading={t.lawfulness}
        items={view.lawfulness}
        language={language}
        item={(a) => <ArticleItem key={a.id} article={a} periods={periods} language={language} />}
      />
    </div>
  );
}
