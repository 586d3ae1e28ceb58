import { useEffect, useState } from "react";
import { AuditView } from "./AuditView.js";
import { type AdminView, adminViews } from "./admin.js";
import { type Account, api, type Dashboard, type PlanSummary } from "./api.js";
import { DiffView } from "./DiffView.js";
import { EarlyWarningsPanel } from "./EarlyWarningsPanel.js";
import { EntryGrid } from "./EntryGrid.js";
import { Filters } from "./Filters.js";
import { ImportPanel } from "./ImportPanel.js";
import { IndicatorPage } from "./IndicatorPage.js";
import { IndicatorTable } from "./IndicatorTable.js";
import { IntentionsPanel } from "./IntentionsPanel.js";
import { useOpenedIndicator } from "./indicator-link.js";
import { PeriodPanel } from "./PeriodPanel.js";
import { RegistersView } from "./RegistersView.js";
import { TasksView } from "./TasksView.js";
import { type Filter, NO_FILTER } from "./table-filter.js";
import { type Language, TEXTS } from "./texts.js";
import { UploadPanel } from "./UploadPanel.js";
import { UsersView } from "./UsersView.js";

export function DashboardView(props: {
  account: Account;
  plans: readonly PlanSummary[];
  language: Language;
  onChanged: () => void;
}) {
  const { account, plans, language, onChanged } = props;
  const t = TEXTS[language];
  const [planId, setPlanId] = useState(plans[0]?.id ?? "");
  const plan = plans.find((p) => p.id === planId);
  const [periodId, setPeriodId] = useState(plan?.periods.at(-1)?.id ?? "");
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const narrow = (change: Partial<Filter>) => setFilter((f) => ({ ...f, ...change }));
  const [uploads, setUploads] = useState(0);
  const [view, setView] = useState<
    "overview" | "entry" | "tasks" | "registers" | "diff" | "audit" | AdminView
  >("overview");
  const { opened, left } = useOpenedIndicator();
  // A register item's form to open in Registers, chosen from the task list.
  const [registerForm, setRegisterForm] = useState<string | null>(null);
  // The trail spans every organisation: it is for editors and admins of all of them.
  const auditor = account.roles.some(
    (r) => (r.role === "editor" || r.role === "admin") && r.organisation === null,
  );

  // Read again each time the overview is shown: figures and explanations change elsewhere.
  useEffect(() => {
    if (!planId || !periodId || view !== "overview") return;
    let current = true;
    setDashboard(null);
    api
      .dashboard(planId, periodId, language)
      .then((d) => current && setDashboard(d))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [planId, periodId, language, view]);

  // An imported plan is shown once the plans are read again; its latest period then.
  const showImported = (id: string) => {
    onChanged();
    setPlanId(id);
    setPeriodId("");
    setView("overview");
  };
  useEffect(() => {
    if (plan && !periodId) setPeriodId(plan.periods.at(-1)?.id ?? "");
  }, [plan, periodId]);

  const choosePlan = (id: string) => {
    setPlanId(id);
    setPeriodId(plans.find((p) => p.id === id)?.periods.at(-1)?.id ?? "");
  };

  if (opened) {
    return <IndicatorPage plan={opened.plan} indicator={opened.indicator} language={language} />;
  }

  return (
    <main>
      <div className="choices">
        <label>
          {t.plan}{" "}
          <select value={planId} onChange={(e) => choosePlan(e.target.value)}>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.period}{" "}
          <select value={periodId} onChange={(e) => setPeriodId(e.target.value)}>
            {plan?.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id} ({t.stateLabel[p.state] ?? p.state})
              </option>
            ))}
          </select>
        </label>
        {view === "overview" && (
          <label>
            <input
              type="checkbox"
              checked={filter.exceptionsOnly}
              onChange={(e) => narrow({ exceptionsOnly: e.target.checked })}
            />{" "}
            {t.exceptionsOnly}
          </label>
        )}
      </div>
      {view === "overview" && dashboard && (
        <Filters rows={dashboard.table.rows} filter={filter} narrow={narrow} language={language} />
      )}
      <nav className="views" aria-label={`${t.overview} / ${t.entry}`}>
        {[
          ...(auditor
            ? (["overview", "entry", "tasks", "registers", "diff", "audit"] as const)
            : (["overview", "entry", "tasks", "registers", "diff"] as const)),
          ...adminViews(account),
        ].map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => {
              setView(v);
              setRegisterForm(null);
            }}
          >
            {t[v]}
          </button>
        ))}
      </nav>
      {view === "audit" && <AuditView language={language} />}
      {view === "diff" && plan && <DiffView key={planId} plan={plan} language={language} />}
      {view === "tasks" && plan && periodId && (
        <TasksView
          key={`${planId} ${periodId}`}
          account={account}
          plan={plan}
          period={periodId}
          language={language}
          onOpenRegisterItem={(form) => {
            setRegisterForm(form);
            setView("registers");
          }}
        />
      )}
      {view === "registers" && plan && periodId && (
        <RegistersView
          key={`${planId} ${periodId}`}
          account={account}
          plan={planId}
          period={periodId}
          open={plan.periods.find((p) => p.id === periodId)?.state === "open"}
          language={language}
          focus={registerForm}
        />
      )}
      {view === "import" && <ImportPanel language={language} onImported={showImported} />}
      {view === "users" && (
        <UsersView
          account={account}
          organisations={[...new Set(plans.map((p) => p.organisation))]}
          language={language}
        />
      )}
      {view === "entry" && planId && periodId && (
        <>
          <EntryGrid
            key={`${planId} ${periodId} ${uploads}`}
            plan={planId}
            period={periodId}
            language={language}
          />
          <UploadPanel plan={planId} language={language} onSaved={() => setUploads((n) => n + 1)} />
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {view === "overview" && !dashboard && !error && <p aria-live="polite">{t.loading}</p>}
      {view === "overview" && dashboard && (
        <>
          <h1>{dashboard.title}</h1>
          {plan && (
            <PeriodPanel
              account={account}
              plan={plan}
              period={periodId}
              language={language}
              onChanged={onChanged}
            />
          )}
          <p className="count" aria-live="polite">
            {t.exceptions(dashboard.notes.length)}
          </p>
          {dashboard.introduction.slice(1).map((p) => (
            <p key={p}>{p}</p>
          ))}
          <IndicatorTable
            dashboard={dashboard}
            filter={filter}
            plan={planId}
            language={language}
            returnedFrom={left}
          />
          <EarlyWarningsPanel
            warnings={dashboard.earlyWarnings}
            tolerance={dashboard.toleranceWarnings}
            plan={planId}
          />
          <IntentionsPanel rows={dashboard.intentionRows} language={language} />
          <h2>{t.notes}</h2>
          <ol className="notes">
            {dashboard.notes.map((n) => (
              <li key={n.note} id={`note-${n.note}`} value={n.note}>
                {n.heading}
              </li>
            ))}
          </ol>
          <p>
            <a
              href={`/api/plans/${planId}/periods/${periodId}/report?format=html&language=${language}`}
            >
              {t.report}
            </a>
          </p>
        </>
      )}
    </main>
  );
}
