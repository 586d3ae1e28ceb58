/**
 * Changing a risk's assessment for a period: one edit of the stored risks.yaml (see
 * register-writes.ts for how it is written, read again and audited).
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../store/database.js";
import type { Store } from "../store/open.js";
import type { Actor } from "../store/plans.js";
import { editRegister, itemIndex, registerVersions } from "./register-writes.js";

type Db = Kysely<Database> | Transaction<Database>;

export const ASSESSMENT_ACTION = "update-risk-assessment";

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

/** The key of a risk's assessment in a period among the register's versions. */
export const assessmentKey = (riskId: string, periodId: string) => `${riskId}/${periodId}`;

/** Each risk's assessment version in the period, by risk id; a risk not changed is at 0. */
export async function assessmentVersions(
  db: Db,
  planId: string,
  periodId: string,
): Promise<{ get(riskId: string): number | undefined }> {
  const versions = await registerVersions(db, planId, [ASSESSMENT_ACTION]);
  return { get: (riskId) => versions.of(ASSESSMENT_ACTION, assessmentKey(riskId, periodId)) };
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
  const { planId, riskId, periodId } = change;
  return editRegister(
    store,
    {
      planId,
      periodId,
      file: "risks.yaml",
      action: ASSESSMENT_ACTION,
      entity: "risk-assessment",
      key: assessmentKey(riskId, periodId),
      what: `the assessment of risk ${riskId} in ${periodId}`,
      version: change.version,
      field: "assessment",
      edit(doc) {
        const index = itemIndex(doc, "risks", riskId, `plan ${planId} has no risk ${riskId}`);
        const assessment = {
          ...(change.likelihood !== null ? { likelihood: change.likelihood } : {}),
          ...(change.impact !== null ? { impact: change.impact } : {}),
          ...(change.note ? { note: change.note } : {}),
        };
        doc.setIn(["risks", index, "assessments", periodId], doc.createNode(assessment));
      },
      record(plan) {
        const risk = plan.registers?.risks?.risks.find((r) => r.id === riskId);
        const assessment = risk?.assessments.find((a) => a.periodId === periodId);
        return {
          risk: riskId,
          period: periodId,
          likelihood: assessment?.likelihood ?? null,
          impact: assessment?.impact ?? null,
          note: assessment?.note ?? null,
        };
      },
    },
    by,
  );
}
