/**
 * Changing one item of a stored register file (risks.yaml, findings.yaml, lawfulness.yaml): the
 * file is rewritten in place (comments kept, so an export gives the file as people wrote it),
 * read again as an import would read it, and the change is audited with the item before and
 * after. An item's version counts its changes since the plan was last imported, for an import
 * puts the bundle's registers in place again.
 */
import type { Kysely, Transaction } from "kysely";
import { type Document, isMap, isSeq, parseDocument } from "yaml";
import { ProblemLog } from "../bundle/problems.js";
import { withRegisters } from "../bundle/registers-files.js";
import type { Plan } from "../domain/plan.js";
import { appendAudit } from "../store/audit.js";
import type { Database } from "../store/database.js";
import type { Store } from "../store/open.js";
import { type Actor, storedPlan } from "../store/plans.js";
import { ConflictError, NotFoundError, ValidationError } from "./errors.js";
import { requireOpenPeriod } from "./realisations.js";

type Db = Kysely<Database> | Transaction<Database>;
type PlanRow = Parameters<typeof storedPlan>[0];

export type RegisterFileName = "risks.yaml" | "findings.yaml" | "lawfulness.yaml";

/** One change to one item of a register, as a use case describes it. */
export interface RegisterEdit<R> {
  readonly planId: string;
  /** The period the change is made in: it must be open. */
  readonly periodId: string;
  readonly file: RegisterFileName;
  /** The audit trail's action and entity. */
  readonly action: string;
  readonly entity: string;
  /** The item within the plan; `<plan>/<key>` is the audit entry's entity key. */
  readonly key: string;
  /** What changes, for messages: `the assessment of risk x in 2025-10`. */
  readonly what: string;
  /** The version read. */
  readonly version: number;
  /** The field a problem of the re-read register is reported on when its message names none. */
  readonly field: string;
  /** Makes the change in the parsed file; throws NotFoundError for an item the file lacks. */
  edit(doc: Document): void;
  /** The item as `plan` holds it, without its version. */
  record(plan: Plan): R;
}

/** The changes since the last import, by action and key: an item not changed is at version 0. */
export class RegisterVersions {
  constructor(private readonly counts: ReadonlyMap<string, number>) {}

  of(action: string, key: string): number {
    return this.counts.get(`${action} ${key}`) ?? 0;
  }
}

/** Every item's version in the plan for the given actions, in one query. */
export async function registerVersions(
  db: Db,
  planId: string,
  actions: readonly string[],
): Promise<RegisterVersions> {
  const imported = db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("entity", "=", "plan")
    .where("entity_key", "=", planId);
  const rows = await db
    .selectFrom("audit_log")
    .select(["action", "entity_key"])
    .select((eb) => eb.fn.countAll().as("n"))
    .where("action", "in", [...actions])
    .where("entity_key", "like", `${planId}/%`)
    .where("seq", ">", imported)
    .groupBy(["action", "entity_key"])
    .execute();
  const prefix = `${planId}/`;
  return new RegisterVersions(
    new Map(
      rows
        .filter((r) => r.entity_key.startsWith(prefix))
        .map((r) => [`${r.action} ${r.entity_key.slice(prefix.length)}`, Number(r.n)]),
    ),
  );
}

/** The position of the item with `id` in the file's list `list`; NotFoundError without one. */
export function itemIndex(doc: Document, list: string, id: string, missing: string): number {
  const items = doc.get(list);
  const index = isSeq(items) ? items.items.findIndex((i) => isMap(i) && i.get("id") === id) : -1;
  if (index < 0) throw new NotFoundError(missing);
  return index;
}

/** Sets `path` to `value`, or removes it (and a mapping it leaves empty) when `value` is null. */
export function setOrRemove(doc: Document, path: readonly (string | number)[], value: unknown) {
  if (value !== null) {
    doc.setIn(path, doc.createNode(value));
    return;
  }
  doc.deleteIn(path);
  const parent = path.slice(0, -1);
  const left = doc.getIn(parent);
  if (parent.length > 0 && isMap(left) && left.items.length === 0) doc.deleteIn(parent);
}

/** The plan as it reads with `files` as its register files. */
function planWith(row: PlanRow, files: Record<string, string>): Plan {
  return storedPlan({ ...row, registers_yaml: JSON.stringify(files) });
}

/**
 * Refuses a register that no longer reads, with the reader's own messages, each on the field it
 * names (`field "expenditure"`) or else on `field`.
 */
function requireReadable(row: PlanRow, files: Record<string, string>, field: string): void {
  const log = new ProblemLog();
  withRegisters(storedPlan(row), files, (name) => name, log);
  if (log.errors.length === 0) return;
  throw new ValidationError(
    `bad ${field}`,
    log.errors.map((e) => ({
      field: /field "([^"]+)"/.exec(e.message)?.[1] ?? field,
      message: e.message,
    })),
  );
}

/**
 * Writes the change when its version is the one stored, appending it to the audit trail in the
 * same transaction; 409 (ConflictError) with the item as it is when the version is stale.
 * Returns the item as it now is, with its new version.
 */
export async function editRegister<R extends object>(
  store: Store,
  change: RegisterEdit<R>,
  by: Actor,
): Promise<R & { readonly version: number }> {
  return store.db.transaction().execute(async (trx) => {
    await store.dialect.lockWriters(trx);
    await requireOpenPeriod(trx, change.planId, change.periodId);
    const row = await trx
      .selectFrom("plans")
      .select(["id", "plan_yaml", "intentions_yaml", "registers_yaml", "history_csv"])
      .where("id", "=", change.planId)
      .executeTakeFirstOrThrow();
    const files: Record<string, string> = JSON.parse(row.registers_yaml ?? "{}");
    const text = files[change.file];
    if (text === undefined) {
      throw new NotFoundError(`plan ${change.planId} keeps no ${change.file}`);
    }
    const version = (await registerVersions(trx, change.planId, [change.action])).of(
      change.action,
      change.key,
    );
    const doc = parseDocument(text);
    change.edit(doc);
    const before = { ...change.record(planWith(row, files)), version };
    if (version !== change.version) {
      throw new ConflictError(
        `${change.what} is at version ${version}, not ${change.version}: someone changed it`,
        before,
      );
    }
    const changed = { ...files, [change.file]: doc.toString() };
    requireReadable(row, changed, change.field);
    await trx
      .updateTable("plans")
      .set({ registers_yaml: JSON.stringify(changed) })
      .where("id", "=", change.planId)
      .execute();
    const after = { ...change.record(planWith(row, changed)), version: version + 1 };
    await appendAudit(trx, {
      ...by,
      action: change.action,
      entity: change.entity,
      entityKey: `${change.planId}/${change.key}`,
      before,
      after,
    });
    return after;
  });
}
