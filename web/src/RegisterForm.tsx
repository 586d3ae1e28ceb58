import { type FormEvent, type ReactNode, useState } from "react";
import { ApiError } from "./api.js";
import { REGISTERS_TEXTS } from "./registers-texts.js";
import type { Language } from "./texts.js";

type Outcome = {
  readonly kind: "saved" | "conflict" | "error";
  readonly text: string;
  /** The server's problems by field, shown beside the fields they concern. */
  readonly fields: ReadonlyMap<string, string>;
};

/** What a field needs to show its problem: aria-invalid, and the problem as its description. */
export type FieldProblems = (field: string) => {
  readonly "aria-invalid"?: true;
  readonly "aria-describedby"?: string;
};

function fieldsOf(error: unknown): Map<string, string> {
  const errors = error instanceof ApiError ? error.problem.errors : undefined;
  if (!Array.isArray(errors)) return new Map();
  return new Map(
    errors.map((e: { field?: string; message?: string }) => [e.field ?? "", e.message ?? ""]),
  );
}

/**
 * A register item's form for an open period, folded away until asked for, saved at the version
 * read. After a save or a conflict the view is read again, so the form (keyed by version) shows
 * the item as it now is; bad input is shown field by field.
 */
export function RegisterForm(props: {
  /** The id of the folding element: links from the owner's list open it. */
  id: string;
  summary: string;
  /** Names the item for screen readers, where the summary alone would repeat. */
  title: string;
  legend: string;
  version: number;
  language: Language;
  /** What to say when someone else saved in between, at `version`. */
  conflict(version: number): string;
  /** The labels of the fields, for problems the server names by field. */
  labels: Readonly<Record<string, string>>;
  save(data: FormData): Promise<unknown>;
  onSaved(): void;
  children(problems: FieldProblems): ReactNode;
}) {
  const t = REGISTERS_TEXTS[props.language];
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const problemId = (field: string) => `${props.id}-problem-${field}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await props.save(new FormData(event.currentTarget));
      setOutcome({ kind: "saved", text: t.saved, fields: new Map() });
    } catch (error) {
      const current = error instanceof ApiError ? error.problem.current : undefined;
      const message = error instanceof Error ? error.message : String(error);
      setOutcome(
        current
          ? {
              kind: "conflict",
              text: props.conflict((current as { version: number }).version),
              fields: new Map(),
            }
          : { kind: "error", text: message, fields: fieldsOf(error) },
      );
      if (!current) return;
    }
    props.onSaved();
  }

  const problems: FieldProblems = (field) =>
    outcome?.fields.has(field)
      ? { "aria-invalid": true, "aria-describedby": problemId(field) }
      : {};
  // Problems by field are listed when one names a field of the form; else the message says all.
  const listed = [...(outcome?.fields ?? [])];
  const byField = listed.some(([field]) => props.labels[field]);

  return (
    <details className="assess" id={props.id}>
      <summary>
        {props.summary}
        <span className="visually-hidden">{` ${props.title}`}</span>
      </summary>
      <form key={props.version} onSubmit={submit} noValidate>
        <fieldset>
          <legend>{props.legend}</legend>
          {props.children(problems)}
          <button type="submit">{t.save}</button>
        </fieldset>
      </form>
      {outcome && (
        <div className={outcome.kind} role={outcome.kind === "saved" ? "status" : "alert"}>
          {byField ? (
            <ul className="problems">
              {listed.map(([field, message]) => (
                <li key={field} id={problemId(field)}>
                  {props.labels[field] ? `${props.labels[field]}: ${message}` : message}
                </li>
              ))}
            </ul>
          ) : (
            <p>{outcome.text}</p>
          )}
        </div>
      )}
    </details>
  );
}
