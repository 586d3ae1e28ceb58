/**
 * The state of a period and the one way to change it: in a transaction that holds the writers'
 * lock, refusing a change that does not start from an allowed state, with an audit entry that
 * records the state before and after.
 */
import type { Kysely, Transaction } from "kysely";
import { appendAudit } from "../store/audit.js";
import type { Database, PeriodState, PeriodTable } from "../store/database.js";
import type { Store } from "../store/open.js";
import type { Actor } from "../store/plans.js";
import { ConflictError, NotFoundError } from "./errors.js";

export interface PeriodStatus {
  readonly plan: string;
  readonly period: string;
  readonly state: PeriodState;
  readonly changedAt: string | null;
  readonly changedBy: string | null;
  /** Why the period was last reopened; null after any other change. */
  readonly reason: string | null;
}

export interface Transition {
  readonly action: "close-period" | "publish-period" | "reopen-period";
  readonly from: readonly PeriodState[];
  readonly to: PeriodState;
  /** Said when the period is in none of the `from` states. */
  readonly refusal: string;
  readonly reason: string | null;
  /** More for the audit entry's after-value. */
  readonly details?: Record<string, unknown>;
}

function status(row: PeriodTable): PeriodStatus {
  return {
    plan: row.plan_id,
    period: row.period_id,
    state: row.state,
    changedAt: row.changed_at,
    changedBy: row.changed_by,
    reason: row.reason,
  };
}

export async function periodRow(
  db: Kysely<Database> | Transaction<Database>,
  planId: string,
  periodId: string,
): Promise<PeriodTable> {
  const row = await db
    .selectFrom("periods")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("period_id", "=", periodId)
    .executeTakeFirst();
  if (row) return row;
  const plan = await db
    .selectFrom("plans")
    .select("id")
    .where("id", "=", planId)
    .executeTakeFirst();
  throw new NotFoundError(
    plan ? `plan ${planId} has no period ${periodId}` : `no plan ${planId} in the database`,
  );
}

export function refuseUnless(
  row: PeriodTable,
  transition: Pick<Transition, "from" | "refusal">,
): void {
  if (transition.from.includes(row.state)) return;
  throw new ConflictError(
    `period ${row.period_id} of plan ${row.plan_id} is ${row.state}: ${transition.refusal}`,
    status(row),
  );
}

/** Changes the state within `trx`, which holds the writers' lock, and audits the change. */
export async function applyTransition(
  trx: Transaction<Database>,
  planId: string,
  periodId: string,
  transition: Transition,
  by: Actor,
): Promise<PeriodStatus> {
  const row = await periodRow(trx, planId, periodId);
  refuseUnless(row, transition);
  const changed: PeriodTable = {
    ...row,
    state: transition.to,
    changed_at: by.at,
    changed_by: by.actor,
    reason: transition.reason,
  };
  await trx
    .updateTable("periods")
    .set({ state: changed.state, changed_at: by.at, changed_by: by.actor, reason: changed.reason })
    .where("plan_id", "=", planId)
    .where("period_id", "=", periodId)
    .execute();
  await appendAudit(trx, {
    ...by,
    action: transition.action,
    entity: "period",
    entityKey: `${planId}/${periodId}`,
    before: { state: row.state },
    after: {
      state: changed.state,
      ...(changed.reason !== null ? { reason: changed.reason } : {}),
      ...transition.details,
    },
  });
  return status(changed);
}

/** One transition in a transaction of its own. */
export function changeState(
  store: Store,
  planId: string,
  periodId: string,
  transition: Transition,
  by: Actor,
): Promise<PeriodStatus> {
  return store.db.transaction().execute(async (trx) => {
    await store.dialect.lockWriters(trx);
    return applyTransition(trx, planId, periodId, transition, by);
  });
}
