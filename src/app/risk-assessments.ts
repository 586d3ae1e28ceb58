/**
 * Changing a risk's assessment for a period: the stored risks.yaml is rewritten, read again as an
 * import would read it, and the change is audited. Its version counts the changes since the plan
 * was last imported, for an import puts the bundle's register in place again.
 */
import type { Kysely, Transaction } from "kysely";
import { isMap, isSeq, parseDocument } from "yaml";
import { ProblemLog } from "../bundle/problems.js";
import { withRegisters } from "../bundle/registers-files.js";
import { appendAudit } from "../store/audit.js";
import type { Database } from "../store/database.js";
import type { Store } from "../store/open.js";
import { type Actor, storedPlan } from "../store/plans.js";
import { ConflictError, NotFoundError, ValidationError } from "./errors.js";
import { requireOpenPeriod } from "./realisations.js";

type Db = Kysely<Database> | Transaction<Database>;

const ACTION = "update-risk-assessment";
const FILE = "risks.yaml";

export interface AssessmentChange {
  readonly planId: string;
  readonly riskId: string;
  readonly periodId: string;
  /** Both or neither; without them the note says why. */
  readonly likelihood: number | null;
  readonly impact: number | null;
  readonly note: string | null;
  readonly version: number;
}

export interface AssessmentRecord {
  readonly risk: string;
  readonly period: string;
  readonly likelihood: number | null;
  readonly impact: number | null;
  readonly note: string | null;
  readonly version: number;
}

const entityKey = (planId: string, riskId: string, periodId: string) =>
  `${planId}/${riskId}/${periodId}`;

/** Each risk's assessment version in the period, by risk id; a risk not changed is at 0. */
export async function assessmentVersions(
  db: Db,
  planId: string,
  periodId: string,
): Promise<Map<string, number>> {
  const imported = db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("entity", "=", "plan")
    .where("entity_key", "=", planId);
  const rows = await db
    .selectFrom("audit_log")
    .select(["entity_key"])
    .select((eb) => eb.fn.countAll().as("n"))
    .where("action", "=", ACTION)
    .where("entity_key", "like", `${planId}/%/${periodId}`)
    .where("seq", ">", imported)
    .groupBy("entity_key")
    .execute();
  return new Map(
    rows.map((r) => [r.entity_key.slice(planId.length + 1, -(periodId.length + 1)), Number(r.n)]),
  );
}

/** risks.yaml with the risk's assessment for the period replaced. */
function rewritten(text: string, change: AssessmentChange): string {
  const doc = parseDocument(text);
  const risks = doc.get("risks");
  const index = isSeq(risks)
    ? risks.items.findIndex((r) => isMap(r) && r.get("id") === change.riskId)
    : -1;
  if (index < 0) throw new NotFoundError(`plan ${change.planId} has no risk ${change.riskId}`);
  const assessment = {
    ...(change.likelihood !== null ? { likelihood: change.likelihood } : {}),
    ...(change.impact !== null ? { impact: change.impact } : {}),
    ...(change.note ? { note: change.note } : {}),
  };
  doc.setIn(["risks", index, "assessments", change.periodId], doc.createNode(assessment));
  return doc.toString();
}

function recordOf(
  change: Pick<AssessmentChange, "riskId" | "periodId">,
  files: Record<string, string>,
  row: Parameters<typeof storedPlan>[0],
  version: number,
): AssessmentRecord {
  const plan = storedPlan({ ...row, registers_yaml: JSON.stringify(files) });
  const risk = plan.registers?.risks?.risks.find((r) => r.id === change.riskId);
  const assessment = risk?.assessments.find((a) => a.periodId === change.periodId);
  return {
    risk: change.riskId,
    period: change.periodId,
    likelihood: assessment?.likelihood ?? null,
    impact: assessment?.impact ?? null,
    note: assessment?.note ?? null,
    version,
  };
}

/** Refuses a register that no longer reads, with the reader's own messages. */
function requireReadable(row: Parameters<typeof storedPlan>[0], files: Record<string, string>) {
  const log = new ProblemLog();
  withRegisters(storedPlan(row), files, (name) => name, log);
  if (log.errors.length > 0) {
    throw new ValidationError(
      "bad assessment",
      log.errors.map((e) => ({ field: "assessment", message: e.message })),
    );
  }
}

/**
 * Writes the assessment when `version` is the one stored, appending the change to the audit
 * trail in the same transaction. Returns the assessment as it now is.
 */
export async function updateRiskAssessment(
  store: Store,
  change: AssessmentChange,
  by: Actor,
): Promise<AssessmentRecord> {
  return store.db.transaction().execute(async (trx) => {
    await store.dialect.lockWriters(trx);
    await requireOpenPeriod(trx, change.planId, change.periodId);
    const row = await trx
      .selectFrom("plans")
      .select(["id", "plan_yaml", "intentions_yaml", "registers_yaml", "history_csv"])
      .where("id", "=", change.planId)
      .executeTakeFirstOrThrow();
    const files: Record<string, string> = JSON.parse(row.registers_yaml ?? "{}");
    const text = files[FILE];
    if (text === undefined) throw new NotFoundError(`plan ${change.planId} keeps no risk register`);
    const version =
      (await assessmentVersions(trx, change.planId, change.periodId)).get(change.riskId) ?? 0;
    const before = recordOf(change, files, row, version);
    if (version !== change.version) {
      throw new ConflictError(
        `the assessment of risk ${change.riskId} in ${change.periodId} is at version ${version}, not ${change.version}: someone changed it`,
        before,
      );
    }
    const changed = { ...files, [FILE]: rewritten(text, change) };
    requireReadable(row, changed);
    await trx
      .updateTable("plans")
      .set({ registers_yaml: JSON.stringify(changed) })
      .where("id", "=", change.planId)
      .execute();
    const after = recordOf(change, changed, row, version + 1);
    await appendAudit(trx, {
      ...by,
      action: ACTION,
      entity: "risk-assessment",
      entityKey: entityKey(change.planId, change.riskId, change.periodId),
      before,
      after,
    });
    return after;
  });
}
