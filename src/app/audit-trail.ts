/** Reading the audit trail page by page, for the people who may (editors and admins). */
import type { Kysely } from "kysely";
import type { AuditChange } from "../store/audit.js";
import type { Database } from "../store/database.js";

export interface AuditEntry extends AuditChange {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

export const AUDIT_PAGE_MAX = 1000;

/** Up to `limit` entries after sequence number `after`, oldest first. */
export async function readAudit(
  db: Kysely<Database>,
  after: number,
  limit: number,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom("audit_log")
    .selectAll()
    .where("seq", ">", after)
    .orderBy("seq")
    .limit(Math.min(limit, AUDIT_PAGE_MAX))
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityKey: r.entity_key,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}
