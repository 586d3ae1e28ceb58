import { RegisterForm } from "./RegisterForm.js";
import { formId } from "./register-links.js";
import { putAssessment, type RiskView } from "./registers-api.js";
import { REGISTERS_TEXTS } from "./registers-texts.js";
import type { Language } from "./texts.js";

const SCALE = [1, 2, 3, 4, 5] as const;

function scoreOf(data: FormData, name: string): number | null {
  const value = String(data.get(name) ?? "");
  return value === "" ? null : Number(value);
}

/** The risk's assessment for an open period, saved at the version read. */
export function RiskAssessmentForm(props: {
  plan: string;
  period: { id: string; label: string };
  risk: RiskView;
  language: Language;
  onSaved: () => void;
}) {
  const { risk, language } = props;
  const t = REGISTERS_TEXTS[language];
  const id = (field: string) => `assess-${risk.id}-${field}`;

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
    <RegisterForm
      id={formId.risk(risk.id)}
      summary={t.edit}
      title={risk.title}
      legend={t.editLegend(props.period.label)}
      version={risk.version}
      language={language}
      conflict={t.conflict}
      labels={{ likelihood: t.likelihood, impact: t.impact, note: t.note }}
      save={(data) => {
        const note = String(data.get("note") ?? "").trim();
        return putAssessment(props.plan, props.period.id, risk.id, {
          likelihood: scoreOf(data, "likelihood"),
          impact: scoreOf(data, "impact"),
          note: note || null,
          version: risk.version,
        });
      }}
      onSaved={props.onSaved}
    >
      {() => (
        <>
          {select("likelihood", t.likelihood)} {select("impact", t.impact)}
          <label htmlFor={id("note")}>{t.note}</label>
          <textarea id={id("note")} name="note" rows={3} defaultValue={risk.note ?? ""} />
        </>
      )}
    </RegisterForm>
  );
}
