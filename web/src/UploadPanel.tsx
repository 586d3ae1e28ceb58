import { type ChangeEvent, useState } from "react";
import { ApiError, api, type UploadResult } from "./api.js";
import { type Language, TEXTS } from "./texts.js";

type State =
  | { readonly kind: "idle" }
  | { readonly kind: "preview"; readonly file: Upload; readonly result: UploadResult }
  | { readonly kind: "problems"; readonly problems: readonly string[] }
  | { readonly kind: "saved"; readonly changed: number };

/** A CSV file's text, or an Excel workbook's bytes. */
type Upload = string | ArrayBuffer;

const WORKBOOK = /\.xlsx$/i;

const contentOf = (file: File): Promise<Upload> =>
  WORKBOOK.test(file.name) ? file.arrayBuffer() : file.text();

const shown = (record: { value: unknown } | null) =>
  record?.value === null || record === null ? "–" : String(record.value);

/**
 * A realisations.csv or an Excel workbook read in two steps: first a preview of every change, or
 * of every problem by line, with nothing saved; then, on the user's word, all of it or none.
 */
export function UploadPanel(props: { plan: string; language: Language; onSaved: () => void }) {
  const { plan, language, onSaved } = props;
  const t = TEXTS[language];
  const [state, setState] = useState<State>({ kind: "idle" });

  async function preview(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    const file = await contentOf(chosen);
    try {
      setState({ kind: "preview", file, result: await api.upload(plan, file, true) });
    } catch (error) {
      const errors =
        error instanceof ApiError
          ? (error.problem.errors as { field: string; message: string }[] | undefined)
          : undefined;
      setState({
        kind: "problems",
        problems: errors?.map((e) => `${e.field}: ${e.message}`) ?? [
          error instanceof Error ? error.message : String(error),
        ],
      });
    }
  }

  async function save(file: Upload) {
    try {
      const result = await api.upload(plan, file, false);
      setState({ kind: "saved", changed: result.inserted + result.updated });
      onSaved();
    } catch (error) {
      setState({
        kind: "problems",
        problems: [error instanceof Error ? error.message : String(error)],
      });
    }
  }

  return (
    <section aria-labelledby="bestand-kop" className="upload">
      <h2 id="bestand-kop">{t.uploadHeading}</h2>
      <label htmlFor="bestand">{t.uploadLabel}</label>{" "}
      <input
        id="bestand"
        type="file"
        accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={preview}
      />
      <div aria-live="polite">
        {state.kind === "problems" && (
          <div role="alert" className="error">
            <p>{t.uploadProblems}</p>
            <ul>
              {state.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {state.kind === "preview" && (
          <>
            <p>
              {t.uploadSummary(
                state.result.rows,
                state.result.inserted + state.result.updated,
                state.result.unchanged,
              )}
            </p>
            <ul className="changes">
              {state.result.changes.map((c) => (
                <li key={c.key}>
                  {c.key}: {shown(c.before)} → {shown(c.after)}
                </li>
              ))}
            </ul>
            <button type="button" className="primary" onClick={() => save(state.file)}>
              {t.uploadSave}
            </button>
          </>
        )}
        {state.kind === "saved" && <p>{t.uploadSaved(state.changed)}</p>}
      </div>
    </section>
  );
}
