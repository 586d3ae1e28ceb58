import { useCallback, useEffect, useState } from "react";
import { type Account, ApiError, api, type PlanSummary, SESSION_EXPIRED } from "./api.js";
import { DashboardView } from "./DashboardView.js";
import { NoPlansView } from "./NoPlansView.js";
import { SessionExpired } from "./SessionExpired.js";
import { SignIn } from "./SignIn.js";
import { type Language, TEXTS } from "./texts.js";

export function App() {
  const [language, setLanguage] = useState<Language>("nl");
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [plans, setPlans] = useState<readonly PlanSummary[]>([]);
  const t = TEXTS[language];

  const load = useCallback(async () => {
    try {
      const signedIn = await api.session();
      // The plans first: with the account alone, the app would show "no plans" for a moment.
      setPlans(await api.plans());
      setAccount(signedIn);
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

  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const ask = () => setExpired(true);
    window.addEventListener(SESSION_EXPIRED, ask);
    return () => window.removeEventListener(SESSION_EXPIRED, ask);
  }, []);

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
      {account && expired && (
        <SessionExpired language={language} onSignedIn={() => setExpired(false)} />
      )}
      {account && plans.length > 0 && (
        <DashboardView account={account} plans={plans} language={language} onChanged={load} />
      )}
      {account && plans.length === 0 && (
        <NoPlansView account={account} language={language} onImported={load} />
      )}
    </>
  );
}
