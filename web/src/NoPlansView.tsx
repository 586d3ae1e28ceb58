import { useState } from "react";
import { type AdminView, adminViews } from "./admin.js";
import type { Account } from "./api.js";
import { ImportPanel } from "./ImportPanel.js";
import { type Language, TEXTS } from "./texts.js";
import { UsersView } from "./UsersView.js";

/**
 * What someone sees while there is no plan they may read: an administrator or editor can import
 * one (and an administrator manage users), anyone else is told to wait for one.
 */
export function NoPlansView(props: {
  account: Account;
  language: Language;
  onImported: () => void;
}) {
  const { account, language, onImported } = props;
  const t = TEXTS[language];
  const views = adminViews(account);
  const [view, setView] = useState<AdminView | undefined>(views[0]);
  if (!view) {
    return (
      <main>
        <h1>{t.noPlansHeading}</h1>
        <p>{t.noPlansAsk}</p>
      </main>
    );
  }
  return (
    <main>
      <p className="notice">{t.noPlans}</p>
      {views.length > 1 && (
        <nav className="views" aria-label={t.adminNavigation}>
          {views.map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
              {t[v]}
            </button>
          ))}
        </nav>
      )}
      {view === "import" && <ImportPanel language={language} onImported={onImported} />}
      {view === "users" && <UsersView account={account} organisations={[]} language={language} />}
    </main>
  );
}
