/** What the user-management forms share: roles, texts, outcomes, confirmation, selects. */
import { useEffect, useRef } from "react";
import { ApiError, type RoleGrant } from "./api.js";
import { type Language, TEXTS } from "./texts.js";

export const ROLES = ["admin", "editor", "owner", "viewer"] as const;

export type Texts = (typeof TEXTS)[Language];

export type Message = { readonly kind: "done" | "refused"; readonly text: string } | null;

/** The refusals people meet in the app's words; any other in the server's. */
export function refusal(error: unknown, t: Texts, conflict?: string): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 403) return t.notAllowed;
  if (error.status === 409 && conflict) return conflict;
  const fields = error.problem.errors as { field: string; message: string }[] | undefined;
  return t.refused(fields?.map((f) => `${f.field}: ${f.message}`).join("; ") ?? error.message);
}

export function grantText(grant: RoleGrant, t: Texts): string {
  return t.roleFor(t.roleNames[grant.role] ?? grant.role, grant.organisation ?? t.allOrganisations);
}

/** What an action's outcome says: in a live region, so a screen reader reads it out. */
export function Outcome({ message }: { message: Message }) {
  return (
    <div aria-live="polite">
      {message && (
        <p
          className={message.kind === "refused" ? "error" : "done"}
          role={message.kind === "refused" ? "alert" : "status"}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}

/**
 * A question before a change that is hard to undo; it takes the focus, and gives it back to the
 * button that asked when the answer is no.
 */
export function Confirm(props: {
  question: string;
  yes: string;
  language: Language;
  onYes: () => void;
  onNo: () => void;
}) {
  const t = TEXTS[props.language];
  const yes = useRef<HTMLButtonElement>(null);
  const opener = useRef(document.activeElement as HTMLElement | null);
  useEffect(() => yes.current?.focus(), []);
  const no = () => {
    props.onNo();
    opener.current?.focus();
  };
  return (
    <fieldset className="confirm">
      <legend>{props.question}</legend>
      <button ref={yes} type="button" className="primary" onClick={props.onYes}>
        {props.yes}
      </button>{" "}
      <button type="button" onClick={no}>
        {t.cancel}
      </button>
    </fieldset>
  );
}

export function OrganisationSelect(props: {
  id: string;
  organisations: readonly string[];
  all: boolean;
  t: Texts;
}) {
  return (
    <select id={props.id} name="organisation" required>
      {props.all && <option value="">{props.t.allOrganisations}</option>}
      {props.organisations.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}

export function RoleSelect({ id, t }: { id: string; t: Texts }) {
  return (
    <select id={id} name="role" required defaultValue="viewer">
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t.roleNames[r]}
        </option>
      ))}
    </select>
  );
}

export interface Scope {
  /** The organisations the admin may give roles for. */
  readonly organisations: readonly string[];
  /** Whether the admin may give roles for all organisations. */
  readonly all: boolean;
}

export function grantFrom(form: HTMLFormElement): RoleGrant {
  const data = new FormData(form);
  return {
    role: String(data.get("role")),
    organisation: String(data.get("organisation") ?? "") || null,
  };
}

/** Runs a change; says what happened, and whether it was done. */
export type Act = (
  change: () => Promise<unknown>,
  done: string,
  conflict?: string,
) => Promise<boolean>;
