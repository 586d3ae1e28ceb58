import { useEffect, useRef, useState } from "react";
import { ApiError } from "./api.js";
import { problemText } from "./problem-text.js";
import { type CurrentTask, type TaskDetail, type TaskStep, taskApi } from "./task-api.js";
import { STATE_SYMBOL, TASK_TEXTS } from "./task-texts.js";
import type { Language } from "./texts.js";

type Message = { readonly error: boolean; readonly text: string };

/** The indicator's figures beside the editor: every period so far, with target and status. */
function Figures({ task, language }: { task: TaskDetail; language: Language }) {
  const t = TASK_TEXTS[language];
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t.figures}</h2>
      {task.row && (
        <table className="figures">
          <thead>
            <tr>
              <th scope="col">{t.period}</th>
              <th scope="col">{t.figure}</th>
              <th scope="col">{t.target}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {task.row.cells.map((cell, i) => (
              <tr key={cell.periodId}>
                <th scope="row">{task.periods[i] ?? cell.periodId}</th>
                <td>{cell.value}</td>
                <td>{cell.target ?? ""}</td>
                <td>
                  <span aria-hidden="true">{cell.status.symbol}</span> {cell.status.label}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="facts">
        {task.facts.map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      {task.previous ? (
        <details>
          <summary>{t.previousText(task.previous.period)}</summary>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the report's own renderer made it, with raw HTML escaped */}
          <div className="markdown" dangerouslySetInnerHTML={{ __html: task.previous.html }} />
        </details>
      ) : (
        <p>{t.noPrevious}</p>
      )}
    </section>
  );
}

function Preview({ markdown, language }: { markdown: string; language: Language }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    taskApi.preview(markdown).then(
      (r) => current && setHtml(r.html),
      () => current && setHtml(null),
    );
    return () => {
      current = false;
    };
  }, [markdown]);
  if (!markdown.trim()) return <p>{TASK_TEXTS[language].previewEmpty}</p>;
  return html === null ? null : (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: the report's own renderer made it, with raw HTML escaped
    <div className="markdown preview" dangerouslySetInnerHTML={{ __html: html }} />
  );
}

/**
 * Writing one explanation: Markdown with a preview, the figures and last period's text beside
 * it, and the steps the reader may take. Typed text stays when a step is refused — also when
 * the session ran out — and a stale version shows the other text to choose from.
 */
export function TaskEditor(props: {
  plan: string;
  period: string;
  subject: string;
  language: Language;
  onClose: () => void;
}) {
  const { plan, period, subject, language, onClose } = props;
  const t = TASK_TEXTS[language];
  const [task, setTask] = useState<TaskDetail | null>(null);
  const [text, setText] = useState("");
  const [saved, setSaved] = useState({
    markdown: "",
    version: 0,
    state: "to-do" as TaskDetail["state"],
    comment: null as string | null,
    by: null as string | null,
  });
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<Message | null>(null);
  const [conflict, setConflict] = useState<CurrentTask | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    taskApi.task(plan, period, subject, language).then(
      (found) => {
        if (!current) return;
        setTask(found);
        setText(found.markdown);
        setSaved({
          markdown: found.markdown,
          version: found.version,
          state: found.state,
          comment: found.comment,
          by: found.updatedBy,
        });
      },
      (problem) => current && setMessage({ error: true, text: problemText(problem, language) }),
    );
    return () => {
      current = false;
    };
  }, [plan, period, subject, language]);

  // Moved once the heading is there, so a screen reader starts at the task just opened.
  const loaded = task !== null;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  async function take(
    step: TaskStep,
    version: number,
    body: { markdown?: string; comment?: string } = {},
  ) {
    const result = await taskApi.step(plan, period, subject, step, { version, ...body });
    setSaved({
      markdown: result.markdown,
      version: result.version,
      state: result.state,
      comment: result.comment,
      by: result.updatedBy,
    });
    return result;
  }

  async function act(step: TaskStep, versionOverride?: number) {
    setBusy(true);
    setMessage(null);
    setConflict(null);
    try {
      let version = versionOverride ?? saved.version;
      if (step === "save" || (step === "submit" && text !== saved.markdown)) {
        version = (await take("save", version, { markdown: text })).version;
      }
      if (step !== "save") await take(step, version, step === "return" ? { comment } : {});
      if (step === "return") setComment("");
      setMessage({
        error: false,
        text: { save: t.saved, submit: t.submitted, approve: t.approved, return: t.returned }[step],
      });
    } catch (problem) {
      const current = problem instanceof ApiError ? problem.problem.current : undefined;
      if (
        problem instanceof ApiError &&
        problem.status === 409 &&
        current &&
        typeof current === "object" &&
        "markdown" in current
      ) {
        setConflict(current as CurrentTask);
      }
      setMessage({ error: true, text: problemText(problem, language) });
    } finally {
      setBusy(false);
    }
  }

  if (!task) {
    return message ? (
      <p className="error" role="alert">
        {message.text}
      </p>
    ) : null;
  }
  const reviewing = task.mayReview && saved.state === "submitted";
  const dirty = text !== saved.markdown;
  return (
    <article className="task-editor" aria-labelledby="task-heading">
      <p>
        <button type="button" className="link" onClick={onClose}>
          ← {t.back}
        </button>
      </p>
      <h1 id="task-heading" tabIndex={-1} ref={heading}>
        {task.note}. {task.heading}
      </h1>
      <p className={`state state-${saved.state}`}>
        <span aria-hidden="true">{STATE_SYMBOL[saved.state]}</span>{" "}
        {t.stateLine(t.states[saved.state], saved.version)} · {t.due} {task.due} (
        {t.daysLeft(task.daysLeft)}){dirty && ` · ${t.unsaved}`}
      </p>
      {saved.comment && saved.state === "returned" && (
        <aside className="returned">
          <p>{t.returnedWith(saved.by ?? "")}</p>
          <blockquote>{saved.comment}</blockquote>
        </aside>
      )}
      <div className="task-columns">
        <div className="writing">
          <fieldset className="tabs">
            <legend className="visually-hidden">{`${t.write} / ${t.preview}`}</legend>
            <button type="button" aria-pressed={tab === "write"} onClick={() => setTab("write")}>
              {t.write}
            </button>
            <button
              type="button"
              aria-pressed={tab === "preview"}
              onClick={() => setTab("preview")}
            >
              {t.preview}
            </button>
          </fieldset>
          {tab === "write" ? (
            <>
              <label htmlFor="explanation-text">{t.text}</label>
              <textarea
                id="explanation-text"
                value={text}
                readOnly={!task.mayWrite}
                rows={14}
                onChange={(e) => setText(e.target.value)}
              />
              {!task.mayWrite && <p>{t.readOnly}</p>}
              {task.mayWrite && task.draft && text.trim() === "" && (
                <p className="hint">
                  {t.draftHint}{" "}
                  <button type="button" onClick={() => setText(task.draft ?? "")}>
                    {t.useDraft}
                  </button>
                </p>
              )}
            </>
          ) : (
            <Preview markdown={text} language={language} />
          )}
          {message && (
            <p
              className={message.error ? "error" : "saved"}
              role={message.error ? "alert" : "status"}
            >
              {message.text}
            </p>
          )}
          {conflict && (
            <div className="conflict-choice">
              <p>{t.conflict(null, t.states[conflict.state])}</p>
              <blockquote>{conflict.markdown}</blockquote>
              <button
                type="button"
                onClick={() => {
                  setText(conflict.markdown);
                  setSaved((s) => ({
                    ...s,
                    markdown: conflict.markdown,
                    version: conflict.version,
                    state: conflict.state,
                  }));
                  setConflict(null);
                  setMessage(null);
                }}
              >
                {t.useTheirs}
              </button>{" "}
              <button type="button" onClick={() => void act("save", conflict.version)}>
                {t.keepMine}
              </button>
            </div>
          )}
          <div className="actions">
            {task.mayWrite && (
              <>
                <button type="button" disabled={busy} onClick={() => void act("save")}>
                  {t.save}
                </button>
                {((saved.state !== "submitted" || dirty) && saved.state !== "approved") || dirty ? (
                  <button
                    type="button"
                    className="primary"
                    disabled={busy}
                    onClick={() => void act("submit")}
                  >
                    {t.submit}
                  </button>
                ) : null}
              </>
            )}
            {reviewing && !dirty && (
              <>
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => void act("approve")}
                >
                  {t.approve}
                </button>
                <label htmlFor="return-comment">{t.comment}</label>
                <textarea
                  id="return-comment"
                  rows={3}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                />
                <button type="button" disabled={busy} onClick={() => void act("return")}>
                  {t.return}
                </button>
              </>
            )}
          </div>
          {task.approved !== null && saved.state !== "approved" && (
            <details>
              <summary>{t.approvedText}</summary>
              <blockquote>{task.approved}</blockquote>
            </details>
          )}
        </div>
        <Figures task={task} language={language} />
      </div>
    </article>
  );
}
