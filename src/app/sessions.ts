/**
 * Sessions, kept in the database so that every server instance knows them: the client holds a
 * random token, the database only its SHA-256, so a copy of the table signs nobody in.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../store/database.js";
import { type Account, accountOf } from "./accounts.js";

export const SESSION_HOURS = 12;

export interface Session {
  readonly token: string;
  readonly expiresAt: string;
}

export interface SignedIn extends Account {
  readonly expiresAt: string;
}

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function startSession(
  db: Kysely<Database>,
  userId: string,
  now: Date,
): Promise<Session> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  // Expired sessions are cleared here, at sign-in, rather than by a job no one remembers to run.
  await db.deleteFrom("sessions").where("expires_at", "<=", now.toISOString()).execute();
  await db
    .insertInto("sessions")
    .values({
      token_hash: tokenHash(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/** The account a session token belongs to; undefined when it is unknown or expired. */
export async function sessionAccount(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<SignedIn | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.email", "sessions.expires_at"])
    .where("sessions.token_hash", "=", tokenHash(token))
    .where("sessions.expires_at", ">", now.toISOString())
    .where("users.blocked_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...(await accountOf(db, row.id, row.email)), expiresAt: row.expires_at };
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash(token)).execute();
}
