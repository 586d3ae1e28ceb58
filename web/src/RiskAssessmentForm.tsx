import { type FormEvent, useState } from "react";
import { ApiError } from "./api.js";
import { putAssessment, type RiskView } from "./registers-api.js";
import { REGISTERS_TEXTS } from "./registers-texts.js";
import type { Language } from "./texts.js";

const SCALE = [1, 2, 3, 4, 5] as const;

type Outcome = { readonly kind: "saved" | "conflict" | "error"; readonly text: string };

function scoreOf(data: FormData, name: string): number | null {
  const value = String(data.get(name) ?? "");
  return value === "" ? null : Number(value);
}

/**
 * The risk's assessment for an open period, saved at the version read; after a save or a
 * conflict the view is read again, so the form shows the assessment as it now is.
 */
export function RiskAssessmentForm(props: {
  plan: string;
  period: { id: string; label: string };
  risk: RiskView;
  language: Language;
  onSaved: () => void;
}) {
  const { risk, language } = props;
  const t = REGISTERS_TEXTS[language];
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const id = (field: string) => `assess-${risk.id}-${field}`;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const note = String(data.get("note") ?? "").trim();
    try {
      await putAssessment(props.plan, props.period.id, risk.id, {
        likelihood: scoreOf(data, "likelihood"),
        impact: scoreOf(data, "impact"),
        note: note || null,
        version: risk.version,
      });
      setOutcome({ kind: "saved", text: t.saved });
    } catch (error) {
      const current = error instanceof ApiError ? error.problem.current : undefined;
      setOutcome(
        current
          ? { kind: "conflict", text: t.conflict((current as { version: number }).version) }
          : { kind: "error", text: error instanceof Error ? error.message : String(error) },
      );
      if (!current) return;
    }
    props.onSaved();
  }

  const select = (field: "likelihood" | "impact", label: string) => (
    <label htmlFor={id(field)}>
      {label}{" "}
      <select id={id(field)} name={field} defaultValue={String(risk[field] ?? "")}>
        <option value="">{t.noScore}</option>
        {SCALE.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <details className="assess">
      <summary>
        {t.edit}
        <span className="visually-hidden">{` ${risk.title}`}</span>
      </summary>
      {/* Keyed by version: a newer assessment read again replaces what the form held. */}
      <form key={risk.version} onSubmit={save}>
        <fieldset>
          <legend>{t.editLegend(props.period.label)}</legend>
          {select("likelihood", t.likelihood)} {select("impact", t.impact)}
          <label htmlFor={id("note")}>{t.note}</label>
          <textarea id={id("note")} name="note" rows={3} defaultValue={risk.note ?? ""} />
          <button type="submit">{t.save}</button>
        </fieldset>
      </form>
      {outcome && (
        <p className={outcome.kind} role={outcome.kind === "saved" ? "status" : "alert"}>
          {outcome.text}
        </p>
      )}
    </details>
  );
}
