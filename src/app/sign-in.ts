/**
 * Signing in, limited per account and per client address. Every attempt is counted before the
 * password is checked (one atomic upsert per key), so a burst of parallel guesses cannot slip
 * past the limit; a success takes its count back. Counts live in the database, shared by all
 * server instances.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../store/database.js";
import { findAccount, normaliseEmail } from "./accounts.js";
import { DUMMY_HASH, verifyPassword } from "./passwords.js";
import { ThrottledError, UnauthenticatedError } from "./session-errors.js";
import { type Session, startSession } from "./sessions.js";

interface SignInPolicy {
  readonly windowMinutes: number;
  readonly maxPerAccount: number;
  /** Higher than per account: people behind one office address share it. */
  readonly maxPerAddress: number;
  /** How long a failed attempt waits before it answers. */
  readonly failureDelayMs: number;
}

const POLICY: SignInPolicy = {
  windowMinutes: 15,
  maxPerAccount: 5,
  maxPerAddress: 20,
  failureDelayMs: 250,
};

const WRONG_CREDENTIALS = "wrong e-mail address or password";

interface Attempt {
  readonly email: string;
  readonly password: string;
  /** The client's address, as the server sees it (behind a trusted proxy: the forwarded one). */
  readonly address: string;
}

/** Counts one attempt on `key`, in a window that starts afresh once it has passed. */
async function count(
  db: Kysely<Database>,
  key: string,
  now: Date,
  windowMinutes: number,
): Promise<{ failures: number; windowStart: string }> {
  const at = now.toISOString();
  const expired = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  const stale = sql<boolean>`sign_in_failures.window_start <= ${expired}`;
  const row = await db
    .insertInto("sign_in_failures")
    .values({ key, window_start: at, failures: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql`case when ${stale} then 1 else sign_in_failures.failures + 1 end`,
        window_start: sql`case when ${stale} then ${at} else sign_in_failures.window_start end`,
      }),
    )
    .returning(["failures", "window_start"])
    .executeTakeFirstOrThrow();
  return { failures: Number(row.failures), windowStart: row.window_start };
}

async function uncount(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable("sign_in_failures")
    .set({ failures: sql`failures - 1` })
    .where("key", "=", key)
    .where("failures", ">", 0)
    .execute();
}

/**
 * Checks the password and starts a session. An unknown e-mail address and a wrong password get
 * the same refusal after the same work (a dummy hash is checked), so neither tells which it was.
 */
export async function signIn(db: Kysely<Database>, attempt: Attempt, now: Date): Promise<Session> {
  const email = normaliseEmail(attempt.email);
  const keys = [
    { key: `account:${email}`, max: POLICY.maxPerAccount },
    { key: `address:${attempt.address}`, max: POLICY.maxPerAddress },
  ];
  const counts = await Promise.all(keys.map((k) => count(db, k.key, now, POLICY.windowMinutes)));
  const over = counts.flatMap((c, i) => ((keys[i]?.max ?? 0) < c.failures ? [c] : []));
  if (over.length > 0) {
    const until = Math.max(...over.map((c) => Date.parse(c.windowStart)));
    const seconds = Math.ceil((until + POLICY.windowMinutes * 60_000 - now.getTime()) / 1000);
    throw new ThrottledError(
      `too many failed sign-ins: try again in ${Math.ceil(seconds / 60)} minutes`,
      Math.max(1, seconds),
    );
  }
  const account = await findAccount(db, email);
  const valid = await verifyPassword(attempt.password, account?.passwordHash ?? DUMMY_HASH);
  // A blocked account is refused as a wrong password is: the answer tells nothing more.
  if (!account || !valid || account.blocked) {
    await sleep(POLICY.failureDelayMs);
    throw new UnauthenticatedError(WRONG_CREDENTIALS);
  }
  await db.deleteFrom("sign_in_failures").where("key", "=", `account:${email}`).execute();
  await uncount(db, `address:${attempt.address}`);
  return startSession(db, account.id, now);
}
