import { useCallback, useEffect, useState } from "react";
import { type Account, ApiError, api, type PlanSummary } from "./api.js";
import { DashboardView } from "./DashboardView.js";
import { SignIn } from "./SignIn.js";
import { type Language, TEXTS } from "./texts.js";

export function App() {
  const [language, setLanguage] = useState<Language>("nl");
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [plans, setPlans] = useState<readonly PlanSummary[]>([]);
  const t = TEXTS[language];

  const load = useCallback(async () => {
    try {
      setAccount(await api.session());
      setPlans(await api.plans());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setAccount(null);
      else throw error;
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  async function signOut() {
    await api.signOut();
    setAccount(null);
    setPlans([]);
  }

  const other: Language = language === "nl" ? "en" : "nl";
  return (
    <>
      <header className="bar">
        <span className="brand">{t.appName}</span>
        <button
          type="button"
          lang={other}
          aria-label={t.switchLanguageLabel}
          onClick={() => setLanguage(other)}
        >
          {t.switchLanguage}
        </button>
        {account && (
          <>
            <span>{t.signedInAs(account.email)}</span>
            <button type="button" onClick={signOut}>
              {t.signOut}
            </button>
          </>
        )}
      </header>
      {account === null && <SignIn language={language} onSignedIn={load} />}
      {account && plans.length > 0 && (
        <DashboardView account={account} plans={plans} language={language} onChanged={load} />
      )}
    </>
  );
}
