/** Plans in the database: import from a bundle, load as a bundle, and the rows behind them. */
import { basename } from "node:path";
import type { Kysely, Transaction } from "kysely";
import { readHistory } from "../bundle/history-file.js";
import { type LineageEntry, lineageJson } from "../bundle/lineage-file.js";
import { readPlan } from "../bundle/plan-file.js";
import { ProblemLog } from "../bundle/problems.js";
import { type Bundle, withIntentions } from "../bundle/read-bundle.js";
import { withRegisters } from "../bundle/registers-files.js";
import { historyCsv } from "../bundle/write-bundle.js";
import { decimalToString, parseDecimal } from "../domain/decimal.js";
import { UserError } from "../domain/errors.js";
import type { Plan, Realisation, RealisedValue } from "../domain/plan.js";
import { appendAudit } from "./audit.js";
import type { Database, PlanTable, RealisationTable } from "./database.js";
import type { Store } from "./open.js";

type Db = Kysely<Database> | Transaction<Database>;

export interface Actor {
  readonly actor: string;
  readonly at: string;
}

/** A realised value as stored: a kind and its text. */
export function storedValue(value: RealisedValue): Pick<RealisationTable, "kind" | "value"> {
  switch (value.kind) {
    case "number":
      return { kind: "number", value: decimalToString(value.value) };
    case "assessment":
      return { kind: "assessment", value: value.met ? "met" : "not-met" };
    case "missing":
      return { kind: "missing", value: value.word };
  }
}

export function realisedValue(row: Pick<RealisationTable, "kind" | "value">): RealisedValue {
  switch (row.kind) {
    case "number": {
      const decimal = parseDecimal(row.value);
      if (!decimal) throw new Error(`stored figure "${row.value}" is not a decimal`);
      return { kind: "number", value: decimal };
    }
    case "assessment":
      return { kind: "assessment", met: row.value === "met" };
    case "missing":
      return { kind: "missing", word: row.value };
  }
}

export function organisationId(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "organisatie"
  );
}

/**
 * Imports a read bundle as one transaction: all of it or, on any failure, nothing. With
 * `replace`, a plan with the same id is replaced; otherwise it is refused.
 */
export async function importBundle(
  store: Store,
  bundle: Bundle,
  by: Actor,
  replace = false,
): Promise<void> {
  const { plan } = bundle;
  await store.db.transaction().execute(async (trx) => {
    await store.dialect.lockWriters(trx);
    const existing = await trx
      .selectFrom("plans")
      .select("id")
      .where("id", "=", plan.id)
      .executeTakeFirst();
    if (existing && !replace) {
      throw new UserError(
        `plan ${plan.id} is already in the database (import with --replace to replace it)`,
      );
    }
    if (existing) await deletePlan(trx, plan.id);
    const organisation = plan.organisation ?? "Koers";
    await trx
      .insertInto("organisations")
      .values({ id: organisationId(organisation), name: organisation })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
    await trx
      .insertInto("plans")
      .values({
        id: plan.id,
        organisation_id: organisationId(organisation),
        title: plan.title,
        year: plan.year,
        plan_yaml: bundle.planYaml,
        intentions_yaml: bundle.intentionsYaml ?? null,
        registers_yaml: bundle.registerFiles ? JSON.stringify(bundle.registerFiles) : null,
        history_csv: plan.history?.length ? historyCsv(plan.history) : null,
        lineage_json: bundle.lineage?.length ? lineageJson(bundle.lineage) : null,
        imported_at: by.at,
      })
      .execute();
    await insertRows(trx, bundle, by);
    await appendAudit(trx, {
      ...by,
      action: existing ? "replace-plan" : "import-plan",
      entity: "plan",
      entityKey: plan.id,
      before: null,
      after: {
        periods: plan.periods.length,
        realisations: bundle.realisations.length,
        explanations: bundle.explanations.length,
        sections: bundle.sections.length,
      },
    });
  });
}

const CHUNK = 500;

async function insertChunked<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: Database[T][],
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Kysely cannot type the rows of a table chosen at run time; `rows` is typed by the caller.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

async function insertRows(trx: Transaction<Database>, bundle: Bundle, by: Actor): Promise<void> {
  const planId = bundle.plan.id;
  await insertChunked(
    trx,
    "periods",
    bundle.plan.periods.map((p, position) => ({
      plan_id: planId,
      period_id: p.id,
      position,
      state: "open" as const,
      changed_at: null,
      changed_by: null,
      reason: null,
      explanations_due: null,
    })),
  );
  await insertChunked(
    trx,
    "realisations",
    bundle.realisations.map((r) => ({
      plan_id: planId,
      indicator_id: r.indicatorId,
      period_id: r.periodId,
      ...storedValue(r.value),
      source: r.source ?? null,
      sample_size: r.sampleSize ?? null,
      version: 1,
      updated_by: by.actor,
      updated_at: by.at,
    })),
  );
  await insertChunked(
    trx,
    "explanations",
    bundle.explanations.map((e) => ({
      plan_id: planId,
      period_id: e.periodId,
      indicator_id: e.indicatorId,
      markdown: e.markdown,
      version: 1,
      updated_by: by.actor,
      updated_at: by.at,
    })),
  );
  await insertChunked(
    trx,
    "sections",
    bundle.sections.map((s) => ({
      plan_id: planId,
      period_id: s.periodId,
      position: s.order,
      slug: basename(s.file, ".md"),
      heading: s.heading,
      markdown: s.markdown,
    })),
  );
}

async function deletePlan(trx: Transaction<Database>, planId: string): Promise<void> {
  for (const table of [
    "published_reports",
    "sections",
    "explanation_tasks",
    "explanations",
    "realisations",
    "periods",
  ] as const) {
    await trx.deleteFrom(table).where("plan_id", "=", planId).execute();
  }
  await trx.deleteFrom("plans").where("id", "=", planId).execute();
}

export async function planIds(
  db: Db,
): Promise<{ id: string; title: string; organisation_id: string; year: number }[]> {
  return db
    .selectFrom("plans")
    .select(["id", "title", "organisation_id", "year"])
    .orderBy("id")
    .execute();
}

/**
 * A stored plan's definition, with its intentions and registers; it read when it was imported,
 * so it reads now.
 */
export function storedPlan(
  row: Pick<PlanTable, "id" | "plan_yaml" | "intentions_yaml" | "registers_yaml" | "history_csv">,
): Plan {
  const log = new ProblemLog();
  const definition = readPlan(row.plan_yaml, `plan ${row.id}`, log);
  const plan =
    definition &&
    withRegisters(
      withIntentions(definition, row.intentions_yaml ?? undefined, `intentions of ${row.id}`, log),
      registerFilesOf(row),
      (name) => `${name} of ${row.id}`,
      log,
    );
  const history =
    plan && row.history_csv !== null
      ? readHistory(row.history_csv, `history of ${row.id}`, plan, log)
      : [];
  if (!plan || log.errors.length > 0) {
    throw new Error(
      `stored plan ${row.id} no longer reads: ${log.errors.map((e) => e.message).join("; ")}`,
    );
  }
  return history.length > 0 ? { ...plan, history } : plan;
}

function storedLineage(json: string): LineageEntry[] {
  return (JSON.parse(json) as { figures: LineageEntry[] }).figures;
}

/** Adds computed figures' lineage to a stored plan's, replacing that of the same figures. */
export async function mergeStoredLineage(
  trx: Transaction<Database>,
  planId: string,
  entries: readonly LineageEntry[],
): Promise<void> {
  const row = await trx
    .selectFrom("plans")
    .select("lineage_json")
    .where("id", "=", planId)
    .executeTakeFirst();
  const key = (e: LineageEntry) => `${e.indicator}\u0000${e.period}`;
  const merged = new Map(
    (row?.lineage_json ? storedLineage(row.lineage_json) : []).map((e) => [key(e), e]),
  );
  for (const entry of entries) merged.set(key(entry), entry);
  await trx
    .updateTable("plans")
    .set({ lineage_json: lineageJson([...merged.values()]) })
    .where("id", "=", planId)
    .execute();
}

function registerFilesOf(row: Pick<PlanTable, "registers_yaml">): Record<string, string> {
  return row.registers_yaml === null ? {} : JSON.parse(row.registers_yaml);
}

/** A stored plan as a bundle, for evaluation, reports and export. */
export async function loadBundle(db: Db, planId: string): Promise<Bundle> {
  const row = await db.selectFrom("plans").selectAll().where("id", "=", planId).executeTakeFirst();
  if (!row) throw new UserError(`no plan ${planId} in the database`);
  const plan = storedPlan(row);
  const [realisations, explanations, sections] = await Promise.all([
    db.selectFrom("realisations").selectAll().where("plan_id", "=", planId).execute(),
    db.selectFrom("explanations").selectAll().where("plan_id", "=", planId).execute(),
    db
      .selectFrom("sections")
      .selectAll()
      .where("plan_id", "=", planId)
      .orderBy("position")
      .execute(),
  ]);
  return {
    dir: `database:${planId}`,
    plan,
    planYaml: row.plan_yaml,
    ...(row.intentions_yaml !== null ? { intentionsYaml: row.intentions_yaml } : {}),
    ...(row.registers_yaml !== null ? { registerFiles: registerFilesOf(row) } : {}),
    ...(row.lineage_json !== null ? { lineage: storedLineage(row.lineage_json) } : {}),
    realisations: realisations.map(
      (r): Realisation => ({
        indicatorId: r.indicator_id,
        periodId: r.period_id,
        value: realisedValue(r),
        ...(r.source !== null ? { source: r.source } : {}),
        ...(r.sample_size !== null ? { sampleSize: Number(r.sample_size) } : {}),
      }),
    ),
    explanations: explanations.map((e) => ({
      periodId: e.period_id,
      indicatorId: e.indicator_id,
      markdown: e.markdown,
      file: `${e.period_id}/${e.indicator_id}.md`,
    })),
    sections: sections.map((s) => ({
      periodId: s.period_id,
      order: Number(s.position),
      heading: s.heading,
      markdown: s.markdown,
      file: `${s.slug}.md`,
    })),
    warnings: [],
  };
}
