import { RegisterForm } from "./RegisterForm.js";
import type { Editing } from "./RegisterItems.js";
import { formId } from "./register-links.js";
import { type ArticleView, putFigures } from "./registers-api.js";
import { REGISTERS_TEXTS } from "./registers-texts.js";
import type { Language } from "./texts.js";

const AMOUNTS = ["expenditure", "receipts", "errors", "uncertainties"] as const;

const text = (data: FormData, name: string) => String(data.get(name) ?? "").trim() || null;

/**
 * A budget article's figures for the period: the four amounts, or none with a note saying why
 * (and the outcome and tolerance as the source states them). Amounts go as typed, as decimal
 * text, so no figure passes through binary floating point on its way to the register.
 */
export function LawfulnessFiguresForm(props: {
  article: ArticleView;
  editing: Editing;
  language: Language;
}) {
  const { article, editing, language } = props;
  const t = REGISTERS_TEXTS[language];
  const f = article.figures;
  const id = (field: string) => `figures-${article.id}-${field}`;
  const labels = {
    basis: t.basisLabel,
    expenditure: t.expenditure,
    receipts: t.receipts,
    errors: t.errorsAmount,
    uncertainties: t.uncertainties,
    outlook: t.statedOutlook,
    statedTolerance: t.statedTolerance,
    note: t.note,
  };
  return (
    <RegisterForm
      id={formId.article(article.id)}
      summary={t.editFigures}
      title={article.title}
      legend={t.figuresLegend(editing.period.label)}
      version={article.version}
      language={language}
      conflict={t.changedMeanwhile}
      labels={labels}
      save={(data) =>
        putFigures(editing.plan, editing.period.id, article.id, {
          basis: data.get("basis") === "found" ? "found" : "expected",
          expenditure: text(data, "expenditure"),
          receipts: text(data, "receipts"),
          errors: text(data, "errors"),
          uncertainties: text(data, "uncertainties"),
          outlook: (text(data, "outlook") as ArticleView["outlook"]) ?? null,
          statedTolerance: text(data, "statedTolerance"),
          note: text(data, "note"),
          version: article.version,
        })
      }
      onSaved={editing.onSaved}
    >
      {(problems) => (
        <>
          <label htmlFor={id("basis")}>
            {labels.basis}{" "}
            <select id={id("basis")} name="basis" defaultValue={f.basis ?? "expected"}>
              <option value="expected">{t.basis.expected}</option>
              <option value="found">{t.basis.found}</option>
            </select>
          </label>
          <p id={id("hint")} className="hint">
            {t.amountsHint}
          </p>
          {AMOUNTS.map((field) => (
            <label key={field} htmlFor={id(field)}>
              {labels[field]}{" "}
              <input
                id={id(field)}
                name={field}
                inputMode="decimal"
                autoComplete="off"
                defaultValue={f[field] ?? ""}
                aria-describedby={id("hint")}
                {...problems(field)}
              />
            </label>
          ))}
          <label htmlFor={id("outlook")}>
            {labels.outlook}{" "}
            <select
              id={id("outlook")}
              name="outlook"
              defaultValue={f.outlook ?? ""}
              {...problems("outlook")}
            >
              <option value="">{t.notStated}</option>
              <option value="exceeds">{t.outlook.exceeds}</option>
              <option value="within">{t.outlook.within}</option>
            </select>
          </label>
          <label htmlFor={id("statedTolerance")}>
            {labels.statedTolerance}{" "}
            <input
              id={id("statedTolerance")}
              name="statedTolerance"
              defaultValue={f.statedTolerance ?? ""}
            />
          </label>
          <label htmlFor={id("note")}>{labels.note}</label>
          <textarea
            id={id("note")}
            name="note"
            rows={3}
            defaultValue={f.note ?? ""}
            {...problems("note")}
          />
        </>
      )}
    </RegisterForm>
  );
}
