import { RegisterForm } from "./RegisterForm.js";
import type { Editing } from "./RegisterItems.js";
import { formId } from "./register-links.js";
import {
  type FindingView,
  type MeasureView,
  type NarrativeView,
  putFindingStatus,
  putMeasure,
  putNarrative,
  type RegisterName,
} from "./registers-api.js";
import { REGISTERS_TEXTS } from "./registers-texts.js";
import type { Language } from "./texts.js";

const text = (data: FormData, name: string) => String(data.get(name) ?? "").trim() || null;

/** A finding's status (open or resolved) and its note for the period. */
export function FindingStatusForm(props: {
  finding: FindingView;
  editing: Editing;
  language: Language;
}) {
  const { finding, editing, language } = props;
  const t = REGISTERS_TEXTS[language];
  const id = (field: string) => `status-${finding.id}-${field}`;
  // The note of this period's own entry; an earlier period's note is not repeated.
  const note = finding.history.at(-1)?.note ?? "";
  return (
    <RegisterForm
      id={formId.finding(finding.id)}
      summary={t.editFinding}
      title={finding.title}
      legend={t.findingLegend(editing.period.label)}
      version={finding.version}
      language={language}
      conflict={t.changedMeanwhile}
      labels={{ status: t.state, note: t.note }}
      save={(data) =>
        putFindingStatus(editing.plan, editing.period.id, finding.id, {
          status: data.get("status") === "resolved" ? "resolved" : "open",
          note: text(data, "note"),
          version: finding.version,
        })
      }
      onSaved={editing.onSaved}
    >
      {(problems) => (
        <>
          <label htmlFor={id("status")}>
            {t.state}{" "}
            <select
              id={id("status")}
              name="status"
              defaultValue={finding.state}
              {...problems("status")}
            >
              <option value="open">{t.states.open}</option>
              <option value="resolved">{t.states.resolved}</option>
            </select>
          </label>
          <label htmlFor={id("note")}>{t.note}</label>
          <textarea
            id={id("note")}
            name="note"
            rows={3}
            defaultValue={note}
            {...problems("note")}
          />
        </>
      )}
    </RegisterForm>
  );
}

const MEASURE_STATES = ["planned", "in-progress", "done", "stopped"] as const;

/** A measure's status and due date; a measure has no history, so the change holds from now. */
export function MeasureForm(props: {
  measure: MeasureView;
  register: "risks" | "findings";
  item: string;
  editing: Editing;
  language: Language;
}) {
  const { measure, editing, language } = props;
  const t = REGISTERS_TEXTS[language];
  const formIdOf = formId.measure(props.register, props.item, measure.index);
  const id = (field: string) => `${formIdOf}-${field}`;
  return (
    <RegisterForm
      id={formIdOf}
      summary={t.editMeasure}
      title={measure.title}
      legend={t.measureLegend(measure.title)}
      version={measure.version}
      language={language}
      conflict={t.changedMeanwhile}
      labels={{ status: t.state, due: t.dueDate }}
      save={(data) =>
        putMeasure(
          editing.plan,
          editing.period.id,
          { register: props.register, item: props.item, index: measure.index },
          {
            status: (text(data, "status") ?? "planned") as MeasureView["status"],
            due: text(data, "due"),
            version: measure.version,
          },
        )
      }
      onSaved={editing.onSaved}
    >
      {(problems) => (
        <>
          <label htmlFor={id("status")}>
            {t.state}{" "}
            <select
              id={id("status")}
              name="status"
              defaultValue={measure.status}
              {...problems("status")}
            >
              {MEASURE_STATES.map((s) => (
                <option key={s} value={s}>
                  {t.measureStatus[s]}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={id("due")}>
            {t.dueDate}{" "}
            <input
              id={id("due")}
              name="due"
              type="date"
              defaultValue={measure.due ?? ""}
              {...problems("due")}
            />
          </label>
        </>
      )}
    </RegisterForm>
  );
}

/** The advisor's narrative of a register for the period, in Markdown. */
export function NarrativeForm(props: {
  register: RegisterName;
  heading: string;
  narrative: NarrativeView;
  editing: Editing;
  language: Language;
}) {
  const { register, narrative, editing, language } = props;
  const t = REGISTERS_TEXTS[language];
  const id = `${formId.narrative(register)}-markdown`;
  return (
    <RegisterForm
      id={formId.narrative(register)}
      summary={t.editNarrative}
      title={props.heading}
      legend={t.narrativeLegend(props.heading, editing.period.label)}
      version={narrative.version}
      language={language}
      conflict={t.changedMeanwhile}
      labels={{ markdown: t.narrative }}
      save={(data) =>
        putNarrative(editing.plan, editing.period.id, register, {
          markdown: text(data, "markdown"),
          version: narrative.version,
        })
      }
      onSaved={editing.onSaved}
    >
      {(problems) => (
        <>
          <label htmlFor={id}>{t.narrative}</label>
          <textarea
            id={id}
            name="markdown"
            rows={8}
            defaultValue={narrative.markdown ?? ""}
            aria-describedby={`${id}-hint`}
            {...problems("markdown")}
          />
          <p id={`${id}-hint`} className="hint">
            {t.narrativeHint}
          </p>
        </>
      )}
    </RegisterForm>
  );
}
