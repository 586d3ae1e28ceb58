/**
 * Uploading realisations into a stored plan as CSV, in either dialect of FORMAT.md, or as an
 * Excel workbook laid out the same way: all rows or none. The file is read with the bundle's
 * own readers against the stored plan, so every problem is reported with its line (a sheet's
 * row); with any problem, nothing is written. Otherwise one transaction writes every row that
 * changed (its version + 1) with one audit entry per realisation.
 */
import type { Transaction } from "kysely";
import type { LineageEntry } from "../bundle/lineage-file.js";
import { ProblemLog } from "../bundle/problems.js";
import {
  columnsOf,
  readCsvTable,
  type Table,
  tableRealisations,
} from "../bundle/realisations-file.js";
import { readSheetTable } from "../bundle/realisations-xlsx.js";
import type { Problem } from "../domain/errors.js";
import type { Plan, Realisation } from "../domain/plan.js";
import { type AuditChange, appendAuditEntries } from "../store/audit.js";
import type { Database, RealisationTable } from "../store/database.js";
import type { Store } from "../store/open.js";
import { type Actor, mergeStoredLineage, storedPlan, storedValue } from "../store/plans.js";
import { LockedError, NotFoundError, ValidationError } from "./errors.js";
import { realisationRecord } from "./realisations.js";

export interface UploadResult {
  /** Data rows in the file. */
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  /** Rows equal to what was stored: neither written nor audited. */
  readonly unchanged: number;
  /** Every realisation the file changes (or would change), before and after. */
  readonly changes: readonly {
    readonly key: string;
    readonly before: unknown;
    readonly after: unknown;
  }[];
}

/** Rows per statement: well under both engines' limits on bound parameters. */
const CHUNK = 500;

/** An uploaded file: realisations.csv as text, or an Excel workbook (.xlsx) as its bytes. */
export type UploadBody = string | Uint8Array;

/** An upload's rows, read before any lock is taken; its problems wait until the plan is known. */
export interface UploadFile {
  readonly table: Table | undefined;
  readonly problems: readonly Problem[];
}

export async function readUploadFile(body: UploadBody): Promise<UploadFile> {
  const log = new ProblemLog();
  const table =
    typeof body === "string"
      ? readCsvTable(body, "upload", log)
      : await readSheetTable(body, "upload", log);
  return { table, problems: log.errors };
}

/**
 * Writes every row of the file or none. With `preview`, checks everything and says what would
 * change, but writes nothing.
 */
export async function uploadRealisations(
  store: Store,
  planId: string,
  body: UploadBody | UploadFile,
  by: Actor,
  options: {
    readonly preview?: boolean;
    /** How computed figures came about, kept with the plan (`koers compute --upload`). */
    readonly lineage?: readonly LineageEntry[];
  } = {},
): Promise<UploadResult> {
  const file =
    typeof body === "string" || body instanceof Uint8Array ? await readUploadFile(body) : body;
  return store.db.transaction().execute(async (trx) => {
    await store.dialect.lockWriters(trx);
    const realisations = readUpload(file, await planOf(trx, planId));
    const periods = [...new Set(realisations.map((r) => r.periodId))];
    if (periods.length === 0)
      return { rows: 0, inserted: 0, updated: 0, unchanged: 0, changes: [] };
    await requireOpenPeriods(trx, planId, periods);
    const current = new Map(
      (
        await trx
          .selectFrom("realisations")
          .selectAll()
          .where("plan_id", "=", planId)
          .where("period_id", "in", periods)
          .execute()
      ).map((row) => [`${row.indicator_id}\n${row.period_id}`, row]),
    );
    const columns = new Set(file.table ? columnsOf(file.table) : []);
    const rows: RealisationTable[] = [];
    const changes: AuditChange[] = [];
    for (const realisation of realisations) {
      const before = current.get(`${realisation.indicatorId}\n${realisation.periodId}`);
      const row = nextRow(planId, realisation, before, columns, by);
      if (!row) continue;
      rows.push(row);
      changes.push({
        ...by,
        action: "upload-realisation",
        entity: "realisation",
        entityKey: `${planId}/${row.indicator_id}/${row.period_id}`,
        before: before ? realisationRecord(row.indicator_id, row.period_id, before) : null,
        after: realisationRecord(row.indicator_id, row.period_id, row),
      });
    }
    if (!options.preview) {
      await upsert(trx, rows);
      await appendAuditEntries(trx, changes);
      if (options.lineage?.length) await mergeStoredLineage(trx, planId, options.lineage);
    }
    const inserted = changes.filter((c) => c.before === null).length;
    return {
      rows: realisations.length,
      inserted,
      updated: rows.length - inserted,
      unchanged: realisations.length - rows.length,
      changes: changes.map((c) => ({ key: c.entityKey, before: c.before, after: c.after })),
    };
  });
}

async function planOf(trx: Transaction<Database>, planId: string): Promise<Plan> {
  const row = await trx
    .selectFrom("plans")
    .select(["id", "plan_yaml", "intentions_yaml", "registers_yaml", "history_csv"])
    .where("id", "=", planId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`no plan ${planId} in the database`);
  return storedPlan(row);
}

/** The file's realisations, or a ValidationError with every problem by line. */
function readUpload(file: UploadFile, plan: Plan): Realisation[] {
  const log = new ProblemLog();
  log.errors.push(...file.problems);
  const realisations = file.table ? tableRealisations(file.table, plan, log) : [];
  if (log.errors.length === 0) return realisations;
  throw new ValidationError(
    `the upload has ${log.errors.length} problem${log.errors.length === 1 ? "" : "s"}; nothing was written`,
    log.errors.map((p) => ({ field: fieldOf(p), message: p.message })),
  );
}

/** Where in the upload: `line 7` in a CSV file, `sheet Blad1, row 7` in a workbook. */
function fieldOf(problem: Problem): string {
  if (problem.sheet !== undefined) {
    const row = problem.line === undefined ? "" : `, row ${problem.line}`;
    return `sheet ${problem.sheet}${row}`;
  }
  return problem.line === undefined ? "file" : `line ${problem.line}`;
}

async function requireOpenPeriods(
  trx: Transaction<Database>,
  planId: string,
  periods: readonly string[],
): Promise<void> {
  const locked = await trx
    .selectFrom("periods")
    .select(["period_id", "state"])
    .where("plan_id", "=", planId)
    .where("period_id", "in", periods)
    .where("state", "!=", "open")
    .orderBy("position")
    .execute();
  const [first] = locked;
  if (!first) return;
  const list = locked.map((p) => `${p.period_id} (${p.state})`).join(", ");
  throw new LockedError(
    `plan ${planId} has locked periods in the upload: ${list}; their figures cannot change, and nothing was written`,
    { plan: planId, period: first.period_id, state: first.state },
  );
}

/** The row to write, or undefined when the stored one already says the same. */
function nextRow(
  planId: string,
  realisation: Realisation,
  before: RealisationTable | undefined,
  /** The header's columns: a column left out keeps what is stored (source, sample size). */
  columns: ReadonlySet<string>,
  by: Actor,
): RealisationTable | undefined {
  const value = storedValue(realisation.value);
  const source = columns.has("source") ? (realisation.source ?? null) : (before?.source ?? null);
  // PostgreSQL may hand integers back as strings; compare numbers.
  const storedSampleSize = before?.sample_size == null ? null : Number(before.sample_size);
  const sampleSize = columns.has("sample_size")
    ? (realisation.sampleSize ?? null)
    : storedSampleSize;
  if (
    before &&
    before.kind === value.kind &&
    before.value === value.value &&
    before.source === source &&
    storedSampleSize === sampleSize
  ) {
    return undefined;
  }
  return {
    plan_id: planId,
    indicator_id: realisation.indicatorId,
    period_id: realisation.periodId,
    ...value,
    source,
    sample_size: sampleSize,
    version: before ? Number(before.version) + 1 : 1,
    updated_by: by.actor,
    updated_at: by.at,
  };
}

async function upsert(trx: Transaction<Database>, rows: readonly RealisationTable[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto("realisations")
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(["plan_id", "indicator_id", "period_id"]).doUpdateSet((eb) => ({
          kind: eb.ref("excluded.kind"),
          value: eb.ref("excluded.value"),
          source: eb.ref("excluded.source"),
          sample_size: eb.ref("excluded.sample_size"),
          version: eb.ref("excluded.version"),
          updated_by: eb.ref("excluded.updated_by"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  }
}
