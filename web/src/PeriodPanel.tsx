import { type FormEvent, useEffect, useState } from "react";
import { type Account, api, type PlanSummary, type PublishedFile } from "./api.js";
import { CheckFindings } from "./CheckFindings.js";
import { type CheckResult, checkPeriod, hasFindings } from "./check-api.js";
import { type Language, TEXTS } from "./texts.js";

function holds(account: Account, roles: readonly string[], organisation: string): boolean {
  return account.roles.some(
    (r) => roles.includes(r.role) && (r.organisation === null || r.organisation === organisation),
  );
}

/**
 * A period's life cycle for those who may change it (close, publish; reopen for admins, with a
 * reason), and the files published for it, with their SHA-256, for everyone.
 */
export function PeriodPanel(props: {
  account: Account;
  plan: PlanSummary;
  period: string;
  language: Language;
  onChanged: () => void;
}) {
  const { account, plan, period, language, onChanged } = props;
  const t = TEXTS[language];
  const state = plan.periods.find((p) => p.id === period)?.state ?? "open";
  const [files, setFiles] = useState<PublishedFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [findings, setFindings] = useState<CheckResult | null>(null);
  const editor = holds(account, ["editor", "admin"], plan.organisation);
  const admin = holds(account, ["admin"], plan.organisation);

  useEffect(() => {
    let current = true;
    api.published(plan.id, period).then(
      (f) => current && setFiles(f),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [plan.id, period]);

  async function change(action: "close" | "publish" | "reopen", reason?: string) {
    setBusy(true);
    setError(null);
    try {
      await api.changePeriod(plan.id, period, action, reason);
      setFiles(await api.published(plan.id, period));
      onChanged();
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    } finally {
      setBusy(false);
    }
  }

  /** Publishing is for good: what the texts state against the data is shown first. */
  async function publish() {
    setBusy(true);
    setError(null);
    try {
      const result = await checkPeriod(plan.id, period);
      if (hasFindings(result)) return setFindings(result);
    } catch (problem) {
      return setError(problem instanceof Error ? problem.message : String(problem));
    } finally {
      setBusy(false);
    }
    await change("publish");
  }

  function publishAnyway() {
    setFindings(null);
    void change("publish");
  }

  function reopen(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void change("reopen", String(new FormData(event.currentTarget).get("reason") ?? ""));
  }

  const latest = files.filter((f) => f.publishedAt === files.at(-1)?.publishedAt);
  return (
    <section aria-labelledby="periode-kop" className="period">
      <h2 id="periode-kop">{t.periodHeading(period, t.stateLabel[state] ?? state)}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {editor && state === "open" && (
        <p>
          <button type="button" onClick={() => change("close")} disabled={busy}>
            {t.close}
          </button>{" "}
          <span className="hint">{t.closeHint}</span>
        </p>
      )}
      {editor && state === "closed" && (
        <p>
          <button
            type="button"
            className="primary"
            onClick={publish}
            disabled={busy || findings !== null}
          >
            {t.publish}
          </button>
        </p>
      )}
      {editor && state === "closed" && findings && (
        <CheckFindings
          result={findings}
          t={t}
          busy={busy}
          onConfirm={publishAnyway}
          onCancel={() => setFindings(null)}
        />
      )}
      {admin && state !== "open" && (
        <form onSubmit={reopen} className="reopen">
          <label htmlFor="reden">{t.reason}</label>
          <input id="reden" name="reason" required />
          <button type="submit" disabled={busy}>
            {t.reopen}
          </button>
        </form>
      )}
      {latest.length > 0 && (
        <table className="published">
          <caption>{t.published}</caption>
          <thead>
            <tr>
              <th scope="col">{t.format}</th>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.checksum}</th>
            </tr>
          </thead>
          <tbody>
            {latest.map((f) => (
              <tr key={f.format}>
                <th scope="row">
                  <a
                    href={`/api/plans/${encodeURIComponent(plan.id)}/periods/${encodeURIComponent(period)}/published/${f.format}`}
                  >
                    {t.download} {f.format.toUpperCase()}
                  </a>
                </th>
                <td>{f.publishedAt}</td>
                <td>
                  <code>{f.sha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
