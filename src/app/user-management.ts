/**
 * Managing accounts: the users with their roles, granting and withdrawing a role, resetting a
 * password, blocking and unblocking. An admin for one organisation manages that organisation's
 * roles only. A password and a block concern the whole account, in every organisation it works
 * for, so they need an admin of each of those (of all, for an account with a role for all).
 * Every change is in the audit trail — never a password or its hash — and a refusal changes
 * nothing.
 */
import type { Transaction } from "kysely";
import type { z } from "zod";
import { appendAudit } from "../store/audit.js";
import type { Database } from "../store/database.js";
import type { Store } from "../store/open.js";
import { type Actor, organisationId } from "../store/plans.js";
import {
  type Account,
  accountOf,
  newUserSchema,
  normaliseEmail,
  ROLES,
  type RoleGrant,
} from "./accounts.js";
import { can, requireCan } from "./authorization.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "./errors.js";
import { hashPassword } from "./passwords.js";

export interface ManagedUser {
  readonly email: string;
  /** The roles the asking admin manages; an admin for one organisation sees only its roles. */
  readonly roles: readonly RoleGrant[];
  readonly blocked: boolean;
  readonly createdAt: string;
  /** Whether the asking admin may reset this account's password and block it. */
  readonly manageable: boolean;
}

export const roleGrantInputSchema = newUserSchema.pick({ role: true, organisation: true });
export type RoleGrantInput = z.input<typeof roleGrantInputSchema>;
export const passwordInputSchema = newUserSchema.pick({ password: true });

interface Target extends Account {
  readonly blocked: boolean;
  readonly createdAt: string;
}

function parse<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({
    field: i.path.join("."),
    message: i.message,
  }));
  throw new ValidationError(
    `bad ${what}: ${fields.map((f) => `${f.field} ${f.message}`).join("; ")}`,
    fields,
  );
}

const manages = (account: Account, organisation: string | null) =>
  can(account, "manage-users", { organisation });

/** Someone who is an admin somewhere. */
export function managesUsers(account: Account): boolean {
  return account.roles.some((grant) => manages(account, grant.organisation));
}

/** An account without roles belongs to no organisation: only an admin for all manages it. */
function managesAccount(account: Account, roles: readonly RoleGrant[]): boolean {
  const organisations = roles.length > 0 ? roles.map((r) => r.organisation) : [null];
  return organisations.every((organisation) => manages(account, organisation));
}

function requireManagesAccount(account: Account, target: Target): void {
  if (!managesAccount(account, target.roles)) {
    throw new ForbiddenError(
      `${account.email} may not manage ${target.email}: the account also works for organisations you do not manage`,
    );
  }
}

/** Admin, editor, owner, viewer; within a role, the role for all organisations first. */
function byRole(a: RoleGrant, b: RoleGrant): number {
  return (
    ROLES.indexOf(a.role) - ROLES.indexOf(b.role) ||
    (a.organisation ?? "").localeCompare(b.organisation ?? "")
  );
}

function viewOf(account: Account, target: Target): ManagedUser {
  return {
    email: target.email,
    roles: target.roles.filter((r) => manages(account, r.organisation)).sort(byRole),
    blocked: target.blocked,
    createdAt: target.createdAt,
    manageable: managesAccount(account, target.roles),
  };
}

function describeGrant(grant: RoleGrant): string {
  return `${grant.role} for ${grant.organisation ?? "all organisations"}`;
}

const sameGrant = (a: RoleGrant) => (b: RoleGrant) =>
  a.role === b.role && a.organisation === b.organisation;

/** Every user an admin manages a role of (an admin for all: every user), by e-mail address. */
export async function listUsers(store: Store, account: Account): Promise<ManagedUser[]> {
  if (!managesUsers(account)) {
    throw new ForbiddenError(`${account.email} may not manage users`);
  }
  const [users, roles] = await Promise.all([
    store.db.selectFrom("users").select(["id", "email", "blocked_at", "created_at"]).execute(),
    store.db.selectFrom("roles").select(["user_id", "role", "organisation_id"]).execute(),
  ]);
  return users
    .map((user) =>
      viewOf(account, {
        id: user.id,
        email: user.email,
        blocked: user.blocked_at !== null,
        createdAt: user.created_at,
        roles: roles
          .filter((r) => r.user_id === user.id)
          .map((r) => ({ role: r.role, organisation: r.organisation_id })),
      }),
    )
    .filter((user) => user.roles.length > 0 || manages(account, null))
    .sort((a, b) => a.email.localeCompare(b.email));
}

async function targetOf(trx: Transaction<Database>, email: string): Promise<Target> {
  const user = await trx
    .selectFrom("users")
    .select(["id", "email", "blocked_at", "created_at"])
    .where("email", "=", normaliseEmail(email))
    .executeTakeFirst();
  if (!user) throw new NotFoundError(`no account ${normaliseEmail(email)}`);
  return {
    ...(await accountOf(trx, user.id, user.email)),
    blocked: user.blocked_at !== null,
    createdAt: user.created_at,
  };
}

/** One transaction under the writers' lock: the checks and the change see the same data. */
function writing<T>(store: Store, change: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return store.db.transaction().execute(async (trx) => {
    await store.dialect.lockWriters(trx);
    return change(trx);
  });
}

async function auditUser(
  trx: Transaction<Database>,
  by: Actor,
  action: string,
  email: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await appendAudit(trx, { ...by, action, entity: "user", entityKey: email, before, after });
}

function grantOf(input: RoleGrantInput, account: Account): RoleGrant & { name: string | null } {
  const grant = parse(roleGrantInputSchema, input, "role");
  const name = grant.organisation ?? null;
  const organisation = name === null ? null : organisationId(name);
  requireCan(account, "manage-users", { organisation });
  return { role: grant.role, organisation, name };
}

export async function grantRole(
  store: Store,
  account: Account,
  email: string,
  input: RoleGrantInput,
  by: Actor,
): Promise<ManagedUser> {
  const { name, ...grant } = grantOf(input, account);
  return writing(store, async (trx) => {
    const target = await targetOf(trx, email);
    if (target.roles.some(sameGrant(grant))) {
      throw new ConflictError(
        `${target.email} already has the role ${describeGrant(grant)}`,
        viewOf(account, target),
      );
    }
    if (grant.organisation !== null && name !== null) {
      await trx
        .insertInto("organisations")
        .values({ id: grant.organisation, name })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
    }
    await trx
      .insertInto("roles")
      .values({ user_id: target.id, role: grant.role, organisation_id: grant.organisation })
      .execute();
    const roles = [...target.roles, grant].sort(byRole);
    await auditUser(trx, by, "grant-role", target.email, { roles: target.roles }, { roles });
    return viewOf(account, { ...target, roles });
  });
}

export async function withdrawRole(
  store: Store,
  account: Account,
  email: string,
  input: RoleGrantInput,
  by: Actor,
): Promise<ManagedUser> {
  const { name: _, ...grant } = grantOf(input, account);
  return writing(store, async (trx) => {
    const target = await targetOf(trx, email);
    if (!target.roles.some(sameGrant(grant))) {
      throw new NotFoundError(`${target.email} has no role ${describeGrant(grant)}`);
    }
    const roles = target.roles.filter((r) => !sameGrant(grant)(r));
    if (target.id === account.id && !roles.some((r) => r.role === "admin")) {
      throw new ConflictError(
        "you cannot withdraw your own last admin role: another admin can",
        viewOf(account, target),
      );
    }
    await trx
      .deleteFrom("roles")
      .where("user_id", "=", target.id)
      .where("role", "=", grant.role)
      .where((eb) =>
        grant.organisation === null
          ? eb("organisation_id", "is", null)
          : eb("organisation_id", "=", grant.organisation),
      )
      .execute();
    await auditUser(trx, by, "withdraw-role", target.email, { roles: target.roles }, { roles });
    return viewOf(account, { ...target, roles });
  });
}

async function endSessions(trx: Transaction<Database>, userId: string): Promise<number> {
  const result = await trx.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Sets a new password and signs the account out everywhere. */
export async function resetPassword(
  store: Store,
  account: Account,
  email: string,
  input: { password: string },
  by: Actor,
): Promise<void> {
  const { password } = parse(passwordInputSchema, input, "password");
  const passwordHash = await hashPassword(password);
  await writing(store, async (trx) => {
    const target = await targetOf(trx, email);
    requireManagesAccount(account, target);
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash })
      .where("id", "=", target.id)
      .execute();
    const sessionsEnded = await endSessions(trx, target.id);
    await auditUser(trx, by, "reset-password", target.email, null, { sessionsEnded });
  });
}

/** Blocking ends the account's sessions at once; until it is unblocked, it cannot sign in. */
export async function setBlocked(
  store: Store,
  account: Account,
  email: string,
  blocked: boolean,
  by: Actor,
): Promise<ManagedUser> {
  return writing(store, async (trx) => {
    const target = await targetOf(trx, email);
    requireManagesAccount(account, target);
    if (blocked && target.id === account.id) {
      throw new ConflictError("you cannot block yourself", viewOf(account, target));
    }
    if (target.blocked === blocked) {
      throw new ConflictError(
        `${target.email} is already ${blocked ? "blocked" : "unblocked"}`,
        viewOf(account, target),
      );
    }
    await trx
      .updateTable("users")
      .set({ blocked_at: blocked ? by.at : null })
      .where("id", "=", target.id)
      .execute();
    const sessionsEnded = blocked ? await endSessions(trx, target.id) : 0;
    await auditUser(
      trx,
      by,
      blocked ? "block-user" : "unblock-user",
      target.email,
      { blocked: target.blocked },
      { blocked, ...(blocked ? { sessionsEnded } : {}) },
    );
    return viewOf(account, { ...target, blocked });
  });
}
