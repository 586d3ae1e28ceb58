/** Changing one realisation: checked against the plan, the period's state and the version read. */
import type { Transaction } from "kysely";
import { interpretValue } from "../bundle/realisations-file.js";
import { decimalFromNumber } from "../domain/decimal.js";
import { indicatorsOf, type Plan, type RealisedValue } from "../domain/plan.js";
import { appendAudit } from "../store/audit.js";
import type { Database, RealisationTable } from "../store/database.js";
import type { Store } from "../store/open.js";
import { type Actor, loadBundle, realisedValue, storedValue } from "../store/plans.js";
import { ConflictError, LockedError, NotFoundError, ValidationError } from "./errors.js";

export interface RealisationChange {
  readonly planId: string;
  readonly indicatorId: string;
  readonly periodId: string;
  /** A number, or text as in realisations.csv's comma dialect (met, not-met, n.b., "93.5%"). */
  readonly value: number | string | null;
  readonly source?: string | null;
  /** The version the change is based on; 0 for a realisation not there yet. */
  readonly version: number;
  /**
   * How a text value writes its numbers: `en` (the default) with a decimal point, `nl` as a Dutch
   * spreadsheet does (93,5 and 1.266), like the two dialects of realisations.csv.
   */
  readonly notation?: "nl" | "en";
}

export interface RealisationRecord {
  readonly indicator: string;
  readonly period: string;
  readonly value: number | string | null;
  readonly source: string | null;
  readonly version: number;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

export function realisationRecord(
  indicator: string,
  period: string,
  row: RealisationTable | undefined,
): RealisationRecord {
  if (!row)
    return {
      indicator,
      period,
      value: null,
      source: null,
      version: 0,
      updatedBy: null,
      updatedAt: null,
    };
  const value = realisedValue(row);
  return {
    indicator,
    period,
    value:
      value.kind === "number"
        ? Number(row.value)
        : value.kind === "missing"
          ? row.value || null
          : row.value,
    source: row.source,
    version: Number(row.version),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** Refuses a write to a period that is not open. */
export async function requireOpenPeriod(
  trx: Transaction<Database>,
  planId: string,
  periodId: string,
): Promise<void> {
  const period = await trx
    .selectFrom("periods")
    .select("state")
    .where("plan_id", "=", planId)
    .where("period_id", "=", periodId)
    .executeTakeFirst();
  if (!period) throw new NotFoundError(`plan ${planId} has no period ${periodId}`);
  if (period.state !== "open") {
    throw new LockedError(
      `period ${periodId} of plan ${planId} is ${period.state}: its figures and explanations are locked`,
      {
        plan: planId,
        period: periodId,
        state: period.state,
      },
    );
  }
}

/** The indicator from the plan given, or else from the stored plan. */
export async function indicatorOf(
  store: Store,
  planId: string,
  indicatorId: string,
  read: Plan | undefined,
) {
  const plan = read ?? (await loadBundle(store.db, planId)).plan;
  const indicator = indicatorsOf(plan.nodes).find((i) => i.id === indicatorId);
  if (!indicator) throw new NotFoundError(`plan ${planId} has no indicator ${indicatorId}`);
  return indicator;
}

function parseValue(
  change: RealisationChange,
  indicator: Awaited<ReturnType<typeof indicatorOf>>,
): RealisedValue {
  if (typeof change.value === "number") {
    if (!Number.isFinite(change.value))
      throw new ValidationError("bad value", [{ field: "value", message: "not a finite number" }]);
    if (indicator.target.kind === "qualitative") {
      throw new ValidationError("bad value", [
        { field: "value", message: "a qualitative target takes met or not-met" },
      ]);
    }
    return { kind: "number", value: decimalFromNumber(change.value) };
  }
  const dialect = change.notation === "nl" ? ";" : ",";
  const result = interpretValue((change.value ?? "").trim(), indicator, dialect);
  if ("error" in result)
    throw new ValidationError("bad value", [{ field: "value", message: result.error }]);
  return result.value;
}

/**
 * Writes a realisation when `version` is the one stored (0 when there is none yet), appending
 * the change to the audit trail in the same transaction. Returns the record as it now is.
 */
export async function updateRealisation(
  store: Store,
  change: RealisationChange,
  by: Actor,
  read?: Plan,
): Promise<RealisationRecord> {
  const indicator = await indicatorOf(store, change.planId, change.indicatorId, read);
  const value = parseValue(change, indicator);
  return store.db.transaction().execute(async (trx) => {
    await store.dialect.lockWriters(trx);
    await requireOpenPeriod(trx, change.planId, change.periodId);
    const key = {
      plan_id: change.planId,
      indicator_id: change.indicatorId,
      period_id: change.periodId,
    };
    const current = await trx
      .selectFrom("realisations")
      .selectAll()
      .where("plan_id", "=", key.plan_id)
      .where("indicator_id", "=", key.indicator_id)
      .where("period_id", "=", key.period_id)
      .executeTakeFirst();
    const before = realisationRecord(change.indicatorId, change.periodId, current);
    if (before.version !== change.version) {
      throw new ConflictError(
        `realisation ${change.indicatorId}/${change.periodId} is at version ${before.version}, not ${change.version}: someone changed it`,
        before,
      );
    }
    const row: RealisationTable = {
      ...key,
      ...storedValue(value),
      source: change.source === undefined ? (current?.source ?? null) : change.source,
      sample_size: current?.sample_size ?? null,
      version: before.version + 1,
      updated_by: by.actor,
      updated_at: by.at,
    };
    if (current) {
      await trx
        .updateTable("realisations")
        .set(row)
        .where("plan_id", "=", key.plan_id)
        .where("indicator_id", "=", key.indicator_id)
        .where("period_id", "=", key.period_id)
        .execute();
    } else {
      await trx.insertInto("realisations").values(row).execute();
    }
    const after = realisationRecord(change.indicatorId, change.periodId, row);
    await appendAudit(trx, {
      ...by,
      action: "update-realisation",
      entity: "realisation",
      entityKey: `${change.planId}/${change.indicatorId}/${change.periodId}`,
      before: current ? before : null,
      after,
    });
    return after;
  });
}
