import { type FormEvent, useEffect, useState } from "react";
import type { Account, PlanSummary } from "./api.js";
import { RegisterTasks } from "./RegisterTasks.js";
import { TaskEditor } from "./TaskEditor.js";
import "./tasks.css";
import { type TaskSummary, taskApi } from "./task-api.js";
import { STATE_SYMBOL, TASK_TEXTS } from "./task-texts.js";
import type { Language } from "./texts.js";

function editorOf(account: Account, organisation: string): boolean {
  return account.roles.some(
    (r) =>
      (r.role === "editor" || r.role === "admin") &&
      (r.organisation === null || r.organisation === organisation),
  );
}

/** The owner's reminder, in the app whether or not e-mail is set up. */
function Reminder({ tasks, language }: { tasks: readonly TaskSummary[]; language: Language }) {
  const waiting = tasks.filter(
    (t) => t.mayWrite && (t.state === "to-do" || t.state === "draft" || t.state === "returned"),
  );
  const first = waiting[0];
  if (!first) return null;
  return (
    <p className={first.daysLeft <= 3 ? "reminder urgent" : "reminder"} role="status">
      {TASK_TEXTS[language].reminder(waiting.length, first.daysLeft)}
    </p>
  );
}

function DueDate(props: {
  plan: string;
  period: string;
  due: string;
  language: Language;
  onSaved: () => void;
}) {
  const t = TASK_TEXTS[props.language];
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const date = String(new FormData(event.currentTarget).get("due") ?? "");
    try {
      await taskApi.setDue(props.plan, props.period, date || null);
      setMessage({ error: false, text: t.dueSaved });
      props.onSaved();
    } catch (problem) {
      setMessage({
        error: true,
        text: problem instanceof Error ? problem.message : String(problem),
      });
    }
  }
  return (
    <form className="due" onSubmit={save}>
      <label>
        {t.dueDate} <input type="date" name="due" defaultValue={props.due} key={props.due} />
      </label>{" "}
      <button type="submit">{t.saveDue}</button>
      {message && (
        <span
          className={message.error ? "error" : "saved"}
          role={message.error ? "alert" : "status"}
        >
          {" "}
          {message.text}
        </span>
      )}
    </form>
  );
}

/**
 * The board of a period's explanations: every exception's task with its owner, state and due
 * date; owners see their own first, editors review from here.
 */
export function TasksView(props: {
  account: Account;
  plan: PlanSummary;
  period: string;
  language: Language;
  /** Opens a register item's form (a risk or measure in the account's name) in Registers. */
  onOpenRegisterItem?: (form: string) => void;
}) {
  const { account, plan, period, language } = props;
  const t = TASK_TEXTS[language];
  const [tasks, setTasks] = useState<TaskSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [onlyMine, setOnlyMine] = useState(!editorOf(account, plan.organisation));
  const [reloads, setReloads] = useState(0);
  const reload = () => setReloads((n) => n + 1);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a change to `reloads` asks for a fresh read
  useEffect(() => {
    let current = true;
    setError(null);
    taskApi
      .tasks(plan.id, period, language)
      .then((found) => current && setTasks(found))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [plan.id, period, language, reloads]);

  if (opened) {
    return (
      <TaskEditor
        plan={plan.id}
        period={period}
        subject={opened}
        language={language}
        onClose={() => {
          setOpened(null);
          reload();
        }}
      />
    );
  }
  if (error) {
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  }
  if (!tasks) return null;
  const shown = onlyMine ? tasks.filter((task) => task.mayWrite) : tasks;
  const label = plan.periods.find((p) => p.id === period)?.id ?? period;
  return (
    <section aria-labelledby="tasks-heading">
      <h1 id="tasks-heading">{t.tasks}</h1>
      <Reminder tasks={tasks} language={language} />
      {props.onOpenRegisterItem && (
        <RegisterTasks
          account={account}
          plan={plan.id}
          period={{ id: period, label }}
          open={plan.periods.find((p) => p.id === period)?.state === "open"}
          language={language}
          onOpen={props.onOpenRegisterItem}
        />
      )}
      <p>{t.counts(tasks.length, tasks.filter((task) => task.state === "approved").length)}</p>
      {editorOf(account, plan.organisation) && tasks[0] && (
        <DueDate
          plan={plan.id}
          period={period}
          due={tasks[0].due}
          language={language}
          onSaved={reload}
        />
      )}
      <label>
        <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} />{" "}
        {t.onlyMine}
      </label>
      {shown.length === 0 ? (
        <p>{tasks.length === 0 ? t.none : t.noneMine}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        <section className="scroll" tabIndex={0} aria-label={t.boardCaption(label)}>
          <table className="tasks">
            <caption>{t.boardCaption(label)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.note}</th>
                <th scope="col">{t.subject}</th>
                <th scope="col">{t.owner}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">{t.due}</th>
                <th scope="col" className="wide">
                  {t.lastChange}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((task) => (
                <tr key={task.subject} className={`task state-${task.state}`}>
                  <td>{task.note}</td>
                  <th scope="row">
                    <button
                      type="button"
                      className="link"
                      aria-label={`${t.open(task.note)}: ${task.heading}`}
                      onClick={() => setOpened(task.subject)}
                    >
                      {task.heading}
                    </button>
                  </th>
                  <td>{task.owner ?? t.noOwner}</td>
                  <td>
                    <span aria-hidden="true">{STATE_SYMBOL[task.state]}</span>{" "}
                    {t.states[task.state]}
                  </td>
                  <td>
                    {task.due}
                    {task.state !== "approved" && task.state !== "submitted" && (
                      <span className={task.daysLeft < 0 ? "late" : "left"}>
                        {" "}
                        ({t.daysLeft(task.daysLeft)})
                      </span>
                    )}
                  </td>
                  <td>
                    {task.updatedBy
                      ? `${task.updatedBy}, ${task.updatedAt?.slice(0, 16).replace("T", " ")}`
                      : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
