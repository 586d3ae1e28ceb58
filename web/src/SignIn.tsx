import { type FormEvent, useState } from "react";
import { ApiError, api } from "./api.js";
import { type Language, TEXTS } from "./texts.js";

export function SignIn({
  language,
  onSignedIn,
  embedded = false,
}: {
  language: Language;
  onSignedIn: () => void;
  /** Inside another page (signing in again): no page heading or landmark of its own. */
  embedded?: boolean;
}) {
  const t = TEXTS[language];
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await api.signIn(String(form.get("email")), String(form.get("password")));
      onSignedIn();
    } catch (problem) {
      // The server's own words are English; the two refusals everyone meets are said here.
      const status = problem instanceof ApiError ? problem.status : 0;
      setError(
        status === 401
          ? t.wrongCredentials
          : status === 429
            ? t.throttled
            : problem instanceof Error
              ? problem.message
              : String(problem),
      );
    } finally {
      setBusy(false);
    }
  }

  const form = (
    <form onSubmit={submit} aria-describedby={error ? "sign-in-error" : undefined}>
      <label htmlFor="email">{t.email}</label>
      <input id="email" name="email" type="email" autoComplete="username" required />
      <label htmlFor="password">{t.password}</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      {error && (
        <p id="sign-in-error" className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t.signIn}
      </button>
    </form>
  );
  if (embedded) return <div className="sign-in">{form}</div>;
  return (
    <main className="sign-in">
      <h1>{t.signInHeading}</h1>
      {form}
    </main>
  );
}
