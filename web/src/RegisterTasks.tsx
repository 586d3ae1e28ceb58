import { useEffect, useState } from "react";
import type { Account } from "./api.js";
import { MeasureState } from "./RegisterItems.js";
import { type OwnedItem, ownedItems } from "./register-links.js";
import { registers } from "./registers-api.js";
import { REGISTERS_TEXTS } from "./registers-texts.js";
import type { Language } from "./texts.js";

/**
 * On the owner's task list: the risks and measures in the account's name, each with a button
 * that opens its form in Registers. Nothing at all when the account owns none.
 */
export function RegisterTasks(props: {
  account: Account;
  plan: string;
  period: { id: string; label: string };
  /** Whether the period is open, so that the items may be updated. */
  open: boolean;
  language: Language;
  onOpen(form: string): void;
}) {
  const { language } = props;
  const t = REGISTERS_TEXTS[language];
  const [items, setItems] = useState<OwnedItem[]>([]);
  useEffect(() => {
    let current = true;
    registers(props.plan, props.period.id, language)
      .then((view) => current && setItems(ownedItems(view, props.account.email)))
      // The task list stands without it: a plan without registers simply has none.
      .catch(() => current && setItems([]));
    return () => {
      current = false;
    };
  }, [props.plan, props.period.id, language, props.account.email]);

  if (items.length === 0) return null;
  return (
    <section aria-labelledby="register-tasks-heading" className="mine register-tasks">
      <h2 id="register-tasks-heading">{t.tasksHeading}</h2>
      <p>{t.tasksIntro(props.period.label)}</p>
      <ul>
        {items.map((item) => (
          <li key={`${item.of} ${item.title} ${item.form}`}>
            {item.title}{" "}
            {item.measure ? (
              <>
                ({t.measureOf(item.of ?? "")}):{" "}
                <MeasureState m={item.measure} language={language} />
              </>
            ) : (
              `(${t.riskOwned})`
            )}{" "}
            {props.open && item.form ? (
              <button
                type="button"
                className="link"
                aria-label={`${t.update}: ${item.title}`}
                onClick={() => item.form && props.onOpen(item.form)}
              >
                {t.update}
              </button>
            ) : (
              <span className="muted">({t.readOnly})</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
