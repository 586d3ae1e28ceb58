import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { type Account, api, type ManagedUser, type RoleGrant } from "./api.js";
import { type Language, TEXTS } from "./texts.js";
import {
  type Act,
  Confirm,
  grantFrom,
  grantText,
  type Message,
  OrganisationSelect,
  Outcome,
  RoleSelect,
  refusal,
  type Scope,
  type Texts,
} from "./user-parts.js";

function RoleForm(props: { user: ManagedUser; scope: Scope; t: Texts; act: Act }) {
  const { user, scope, t, act } = props;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const grant = grantFrom(event.currentTarget);
    void act(
      () => api.grantRole(user.email, grant),
      t.roleGranted(user.email, grantText(grant, t)),
      t.roleExists(user.email, grantText(grant, t)),
    );
  };
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t.grantRole}</legend>
        <label htmlFor="grant-role">{t.role}</label>
        <RoleSelect id="grant-role" t={t} />
        <label htmlFor="grant-organisation">{t.organisation}</label>
        <OrganisationSelect
          id="grant-organisation"
          organisations={scope.organisations}
          all={scope.all}
          t={t}
        />
        <button type="submit">{t.grantRole}</button>
      </fieldset>
    </form>
  );
}

function PasswordForm(props: { user: ManagedUser; t: Texts; act: Act }) {
  const { user, t, act } = props;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const password = String(new FormData(form).get("password"));
    void act(() => api.resetPassword(user.email, password), t.passwordReset(user.email)).then(
      (done) => done && form.reset(),
    );
  };
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t.resetPassword}</legend>
        <label htmlFor="reset-password">{t.newPassword}</label>
        <input
          id="reset-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          aria-describedby="reset-password-hint"
        />
        <p id="reset-password-hint" className="hint">
          {t.resetPasswordHint}
        </p>
        <button type="submit">{t.resetPassword}</button>
      </fieldset>
    </form>
  );
}

function UserPanel(props: {
  user: ManagedUser;
  me: Account;
  scope: Scope;
  language: Language;
  onChanged: () => void;
}) {
  const { user, me, scope, language, onChanged } = props;
  const t = TEXTS[language];
  const [message, setMessage] = useState<Message>(null);
  /** The question asked before a change, shown beside the button that asked it. */
  const [question, setQuestion] = useState<{
    at: "roles" | "access";
    text: string;
    yes: string;
    run: () => void;
  } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const act: Act = async (change, done, conflict) => {
    setQuestion(null);
    try {
      await change();
      setMessage({ kind: "done", text: done });
      return true;
    } catch (error) {
      setMessage({ kind: "refused", text: refusal(error, t, conflict) });
      return false;
    } finally {
      // The outcome is said under the heading: the focus goes there, so it is seen and heard.
      heading.current?.focus();
      // Also after a refusal: someone else's change may be why, and the table then shows it.
      onChanged();
    }
  };
  const withdraw = (grant: RoleGrant) =>
    setQuestion({
      at: "roles",
      text: t.withdrawQuestion(user.email, grantText(grant, t)),
      yes: t.withdrawYes,
      run: () =>
        void act(
          () => api.withdrawRole(user.email, grant),
          t.roleWithdrawn(user.email, grantText(grant, t)),
          user.email === me.email ? t.lastAdmin : undefined,
        ),
    });
  const block = () =>
    setQuestion({
      at: "access",
      text: t.blockQuestion(user.email),
      yes: t.blockYes,
      run: () =>
        void act(
          () => api.setBlocked(user.email, true),
          t.blocked(user.email),
          user.email === me.email ? t.cannotBlockYourself : t.alreadyChanged,
        ),
    });
  const unblock = () =>
    void act(() => api.setBlocked(user.email, false), t.unblocked(user.email), t.alreadyChanged);

  const confirm = question && (
    <Confirm
      question={question.text}
      yes={question.yes}
      language={language}
      onYes={question.run}
      onNo={() => setQuestion(null)}
    />
  );

  return (
    <section id="user-panel" className="user-panel" aria-labelledby="user-panel-heading">
      <h2 id="user-panel-heading" ref={heading} tabIndex={-1}>
        {t.manageHeading(user.email)}
      </h2>
      <Outcome message={message} />
      <h3>{t.roles}</h3>
      {user.roles.length === 0 && <p>{t.noRoles}</p>}
      <ul className="grants">
        {user.roles.map((grant) => (
          <li key={`${grant.role} ${grant.organisation}`}>
            {grantText(grant, t)}{" "}
            <button type="button" onClick={() => withdraw(grant)}>
              {t.withdraw}
              <span className="visually-hidden">: {grantText(grant, t)}</span>
            </button>
          </li>
        ))}
      </ul>
      {question?.at === "roles" && confirm}
      <RoleForm user={user} scope={scope} t={t} act={act} />
      {user.manageable ? (
        <>
          <PasswordForm user={user} t={t} act={act} />
          <h3>{t.access}</h3>
          <p>{user.blocked ? t.blockedExplained : t.activeExplained}</p>
          <button type="button" onClick={user.blocked ? unblock : block}>
            {user.blocked ? t.unblock : t.block}
          </button>
          {question?.at === "access" && confirm}
        </>
      ) : (
        <p className="hint">{t.notManageable}</p>
      )}
    </section>
  );
}

function AddUserForm(props: { scope: Scope; language: Language; onAdded: () => void }) {
  const { scope, language, onAdded } = props;
  const t = TEXTS[language];
  const [message, setMessage] = useState<Message>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = String(data.get("email")).trim();
    const grant = grantFrom(form);
    try {
      await api.addUser({ email, ...grant, password: String(data.get("password")) });
      setMessage({ kind: "done", text: t.userAdded(email, grantText(grant, t)) });
      form.reset();
      onAdded();
    } catch (error) {
      setMessage({ kind: "refused", text: refusal(error, t, t.userExists(email)) });
    }
  }

  return (
    <form className="add-user" onSubmit={submit}>
      <fieldset>
        <legend>{t.addUser}</legend>
        <label htmlFor="new-email">{t.email}</label>
        <input id="new-email" name="email" type="email" autoComplete="off" required />
        <label htmlFor="new-role">{t.role}</label>
        <RoleSelect id="new-role" t={t} />
        <label htmlFor="new-organisation">{t.organisation}</label>
        <OrganisationSelect
          id="new-organisation"
          organisations={scope.organisations}
          all={scope.all}
          t={t}
        />
        <label htmlFor="new-password">{t.initialPassword}</label>
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          aria-describedby="new-password-hint"
        />
        <p id="new-password-hint" className="hint">
          {t.initialPasswordHint}
        </p>
        <button type="submit" className="primary">
          {t.addUser}
        </button>
        <Outcome message={message} />
      </fieldset>
    </form>
  );
}

/** The organisations an admin gives roles for: all they know of, or the ones they administer. */
function scopeOf(me: Account, known: readonly string[], users: readonly ManagedUser[]): Scope {
  const administered = me.roles.filter((r) => r.role === "admin").map((r) => r.organisation);
  const all = administered.includes(null);
  const everywhere = [...known, ...users.flatMap((u) => u.roles.map((r) => r.organisation))];
  const organisations = (all ? everywhere : administered).filter((o): o is string => o !== null);
  return { all, organisations: [...new Set(organisations)].sort() };
}

function UserTable(props: {
  users: readonly ManagedUser[];
  selected: string | null;
  onSelect: (email: string) => void;
  t: Texts;
}) {
  const { users, selected, onSelect, t } = props;
  return (
    <table className="users">
      <caption>{t.usersCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.email}</th>
          <th scope="col">{t.roles}</th>
          <th scope="col">{t.access}</th>
          <th scope="col">{t.manage}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.email} className={user.blocked ? "blocked" : undefined}>
            <th scope="row">{user.email}</th>
            <td>
              {user.roles.length === 0
                ? t.noRoles
                : user.roles.map((g) => grantText(g, t)).join("; ")}
            </td>
            <td>{user.blocked ? `⊘ ${t.isBlocked}` : `✓ ${t.isActive}`}</td>
            <td>
              <button
                type="button"
                aria-expanded={selected === user.email}
                aria-controls={selected === user.email ? "user-panel" : undefined}
                onClick={() => onSelect(user.email)}
              >
                {t.manage}
                <span className="visually-hidden"> {user.email}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Users and their roles: add a user, grant and withdraw roles, reset a password, block. */
export function UsersView(props: {
  account: Account;
  organisations: readonly string[];
  language: Language;
}) {
  const { account, organisations, language } = props;
  const t = TEXTS[language];
  const [users, setUsers] = useState<readonly ManagedUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  const reload = useCallback(() => {
    api
      .users()
      .then(setUsers)
      .catch((e: unknown) => setError(refusal(e, t)));
  }, [t]);
  useEffect(reload, [reload]);

  const scope = scopeOf(account, organisations, users ?? []);
  const user = users?.find((u) => u.email === selected);
  return (
    <section className="admin" aria-labelledby="users-heading">
      <h1 id="users-heading">{t.users}</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!users && !error && <p aria-live="polite">{t.loading}</p>}
      {users && (
        // On a phone the table scrolls within its own box rather than widening the page.
        <div className="table-scroll">
          <UserTable users={users} selected={selected} onSelect={setSelected} t={t} />
        </div>
      )}
      {user && (
        <UserPanel
          key={user.email}
          user={user}
          me={account}
          scope={scope}
          language={language}
          onChanged={reload}
        />
      )}
      <AddUserForm scope={scope} language={language} onAdded={reload} />
    </section>
  );
}
