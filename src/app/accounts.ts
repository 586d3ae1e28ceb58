/** Accounts: users, their roles (for one organisation or for all), and adding one. */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import { appendAudit } from "../store/audit.js";
import type { Database, Role } from "../store/database.js";
import type { Store } from "../store/open.js";
import { type Actor, organisationId } from "../store/plans.js";
import { ConflictError, ValidationError } from "./errors.js";
import { hashPassword } from "./passwords.js";

export const ROLES = ["admin", "editor", "owner", "viewer"] as const satisfies readonly Role[];

export interface RoleGrant {
  readonly role: Role;
  /** The organisation's id; null: every organisation. */
  readonly organisation: string | null;
}

export interface Account {
  readonly id: string;
  /** Lower case, as stored: how indicators name their owner. */
  readonly email: string;
  readonly roles: readonly RoleGrant[];
}

const MIN_PASSWORD_LENGTH = 12;

/** A new user as the API and the command line take it. */
export const newUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "is not an e-mail address" }).max(254)),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
  organisation: z.string().trim().min(1).max(200).nullable().optional(),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, { error: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
    .max(1024),
});

export type NewUser = z.input<typeof newUserSchema>;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The account with this e-mail address and its password hash; undefined when there is none. */
export async function findAccount(
  db: Kysely<Database>,
  email: string,
): Promise<(Account & { readonly passwordHash: string; readonly blocked: boolean }) | undefined> {
  const user = await db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", normaliseEmail(email))
    .executeTakeFirst();
  if (!user) return undefined;
  return {
    ...(await accountOf(db, user.id, user.email)),
    passwordHash: user.password_hash,
    blocked: user.blocked_at !== null,
  };
}

export async function accountOf(
  db: Kysely<Database>,
  userId: string,
  email: string,
): Promise<Account> {
  const roles = await db
    .selectFrom("roles")
    .select(["role", "organisation_id"])
    .where("user_id", "=", userId)
    .orderBy("role")
    .orderBy("organisation_id")
    .execute();
  return {
    id: userId,
    email,
    roles: roles.map((r) => ({ role: r.role, organisation: r.organisation_id })),
  };
}

/** The organisation a role is given for, as an id; named by id or by name, created when new. */
function organisationOf(text: string | null | undefined) {
  return text ? { id: organisationId(text), name: text } : null;
}

/**
 * Adds a user with one role, appending the change (without the password) to the audit trail.
 * An e-mail address that already has an account is refused with that account.
 */
export async function addUser(store: Store, input: NewUser, by: Actor): Promise<Account> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({
      field: i.path.join("."),
      message: i.message,
    }));
    throw new ValidationError(
      `bad user: ${fields.map((f) => `${f.field} ${f.message}`).join("; ")}`,
      fields,
    );
  }
  const user = parsed.data;
  const passwordHash = await hashPassword(user.password);
  const organisation = organisationOf(user.organisation);
  return store.db.transaction().execute(async (trx) => {
    await store.dialect.lockWriters(trx);
    const existing = await trx
      .selectFrom("users")
      .select("id")
      .where("email", "=", user.email)
      .executeTakeFirst();
    if (existing) {
      const current = await accountOf(trx, existing.id, user.email);
      throw new ConflictError(`${user.email} already has an account`, {
        email: current.email,
        roles: current.roles,
      });
    }
    if (organisation) {
      await trx
        .insertInto("organisations")
        .values(organisation)
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
    }
    const id = randomUUID();
    await trx
      .insertInto("users")
      .values({
        id,
        email: user.email,
        password_hash: passwordHash,
        created_at: by.at,
        blocked_at: null,
      })
      .execute();
    const grant = { role: user.role, organisation: organisation?.id ?? null };
    await trx
      .insertInto("roles")
      .values({ user_id: id, role: grant.role, organisation_id: grant.organisation })
      .execute();
    await appendAudit(trx, {
      ...by,
      action: "add-user",
      entity: "user",
      entityKey: user.email,
      before: null,
      after: { email: user.email, roles: [grant] },
    });
    return { id, email: user.email, roles: [grant] };
  });
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
