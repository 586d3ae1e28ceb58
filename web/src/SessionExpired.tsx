import { useEffect, useRef } from "react";
import { SignIn } from "./SignIn.js";
import "./tasks.css";
import { type Language, TEXTS } from "./texts.js";

/**
 * Signing in again over the page when the session ran out: the page underneath stays as it
 * was, typed text included, so the user can repeat what was refused.
 */
export function SessionExpired(props: { language: Language; onSignedIn: () => void }) {
  const t = TEXTS[props.language];
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="expired" aria-labelledby="expired-heading">
      <h2 id="expired-heading">{t.sessionExpired}</h2>
      <p>{t.sessionExpiredHelp}</p>
      <SignIn language={props.language} onSignedIn={props.onSignedIn} embedded />
    </dialog>
  );
}
