/**
 * The audit trail: an append-only log in which every entry carries the SHA-256 of the one
 * before it, so that altering, removing or inserting an entry breaks the chain from there on.
 */
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { AuditTable, Database } from "./database.js";

export const GENESIS = "0".repeat(64);

export interface AuditChange {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityKey: string;
  readonly before: unknown;
  readonly after: unknown;
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** The hash of an entry: its fields in a fixed order, and the hash before it. */
export function entryHash(entry: Omit<AuditTable, "hash">): string {
  const fields = [
    entry.seq,
    entry.at,
    entry.actor,
    entry.action,
    entry.entity,
    entry.entity_key,
    entry.before,
    entry.after,
    entry.prev_hash,
  ];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

/** Appends one entry; the caller holds the writers' lock (StoreDialect.lockWriters). */
export async function appendAudit(
  trx: Transaction<Database>,
  change: AuditChange,
): Promise<AuditTable> {
  const [row] = await appendAuditEntries(trx, [change]);
  return row as AuditTable;
}

/** Rows per insert: well under both engines' limits on bound parameters. */
const CHUNK = 500;

/**
 * Appends entries in the order given, each chained on the one before, with one read of the
 * chain's end and a few multi-row inserts, so that a change of thousands of rows stays quick.
 * The caller holds the writers' lock.
 */
export async function appendAuditEntries(
  trx: Transaction<Database>,
  changes: readonly AuditChange[],
): Promise<AuditTable[]> {
  const last = await trx
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  let seq = Number(last?.seq ?? 0);
  let previous = last?.hash ?? GENESIS;
  const rows = changes.map((change): AuditTable => {
    seq++;
    const entry = {
      seq,
      at: change.at,
      actor: change.actor,
      action: change.action,
      entity: change.entity,
      entity_key: change.entityKey,
      before: json(change.before),
      after: json(change.after),
      prev_hash: previous,
    };
    previous = entryHash(entry);
    return { ...entry, hash: previous };
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto("audit_log")
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
  return rows;
}

/** The hash of the last entry: what a published report carries to anchor the chain. */
export async function auditHead(db: Kysely<Database> | Transaction<Database>): Promise<string> {
  const last = await db
    .selectFrom("audit_log")
    .select("hash")
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  return last?.hash ?? GENESIS;
}

export type Verification =
  | {
      readonly ok: true;
      readonly entries: number;
      readonly head: string;
      readonly headFound?: number;
    }
  | { readonly ok: false; readonly seq: number; readonly reason: string };

const PAGE = 5000;

/**
 * Walks the chain from the start. With `head`, also proves that the chain still holds that
 * hash, with everything before it unchanged.
 */
export async function verifyAudit(db: Kysely<Database>, head?: string): Promise<Verification> {
  let previous = GENESIS;
  let expectedSeq = 1;
  let headFound: number | undefined;
  for (;;) {
    const page = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", ">=", expectedSeq)
      .orderBy("seq")
      .limit(PAGE)
      .execute();
    for (const row of page) {
      if (row.seq !== expectedSeq)
        return { ok: false, seq: expectedSeq, reason: `entry ${expectedSeq} is missing` };
      if (row.prev_hash !== previous) {
        return {
          ok: false,
          seq: row.seq,
          reason: `entry ${row.seq} does not follow on entry ${row.seq - 1}`,
        };
      }
      const { hash, ...fields } = row;
      if (entryHash(fields) !== hash)
        return { ok: false, seq: row.seq, reason: `entry ${row.seq} was altered` };
      if (head !== undefined && hash === head) headFound = row.seq;
      previous = hash;
      expectedSeq++;
    }
    if (page.length < PAGE) break;
  }
  if (head !== undefined && headFound === undefined && head !== GENESIS) {
    return {
      ok: false,
      seq: expectedSeq,
      reason: `the chain does not hold the head ${head}: it was rewritten after it`,
    };
  }
  return {
    ok: true,
    entries: expectedSeq - 1,
    head: previous,
    ...(headFound ? { headFound } : {}),
  };
}
