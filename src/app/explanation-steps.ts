/**
 * Steps in the explanation workflow: save a draft, submit, return with a comment, approve. Each
 * is taken at the version read, only while the period is open, and goes into the audit trail;
 * approving writes the text into `explanations`, which is what the report uses.
 */
import type { Transaction } from "kysely";
import { allowedFrom, stepResult, type TaskStep } from "../domain/explanation-task.js";
import { appendAudit } from "../store/audit.js";
import type { Database, ExplanationTaskTable } from "../store/database.js";
import type { Store } from "../store/open.js";
import type { Actor } from "../store/plans.js";
import type { Account } from "./accounts.js";
import { requireCan } from "./authorization.js";
import { ConflictError, ValidationError } from "./errors.js";
import type { TaskDetail } from "./explanation-tasks.js";
import { requireOpenPeriod } from "./realisations.js";

/** Far above any explanation in a report, and a bound on what one request may store. */
export const MAX_MARKDOWN = 20_000;
export const MAX_COMMENT = 2_000;

export interface StepInput {
  readonly step: TaskStep;
  /** The version read; 0 while nothing has been written. */
  readonly version: number;
  /** For `save`: the text. */
  readonly markdown?: string | undefined;
  /** For `return`: why. */
  readonly comment?: string | undefined;
}

export interface StepResult {
  readonly subject: string;
  readonly state: ExplanationTaskTable["state"];
  readonly version: number;
  readonly markdown: string;
  readonly comment: string | null;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

function requireAllowed(account: Account, organisation: string, task: TaskDetail, step: TaskStep) {
  const action =
    step === "return" || step === "approve" ? "review-explanations" : "write-explanations";
  requireCan(account, action, { organisation, indicatorOwner: task.owner ?? undefined });
}

function checkInput(input: StepInput, text: string): void {
  if (input.step === "save" && (input.markdown ?? "").length > MAX_MARKDOWN) {
    throw new ValidationError("explanation too long", [
      { field: "markdown", message: `at most ${MAX_MARKDOWN} characters` },
    ]);
  }
  if (input.step === "submit" && text.trim() === "") {
    throw new ValidationError("nothing to submit", [
      { field: "markdown", message: "write the explanation before submitting it" },
    ]);
  }
  if (input.step === "return" && (input.comment ?? "").trim() === "") {
    throw new ValidationError("a returned explanation needs a comment", [
      { field: "comment", message: "say what the owner should change" },
    ]);
  }
  if ((input.comment ?? "").length > MAX_COMMENT) {
    throw new ValidationError("comment too long", [
      { field: "comment", message: `at most ${MAX_COMMENT} characters` },
    ]);
  }
}

async function currentRow(
  trx: Transaction<Database>,
  key: { plan_id: string; period_id: string; subject_id: string },
) {
  return trx
    .selectFrom("explanation_tasks")
    .selectAll()
    .where("plan_id", "=", key.plan_id)
    .where("period_id", "=", key.period_id)
    .where("subject_id", "=", key.subject_id)
    .executeTakeFirst();
}

function result(row: ExplanationTaskTable): StepResult {
  return {
    subject: row.subject_id,
    state: row.state,
    version: Number(row.version),
    markdown: row.markdown,
    comment: row.comment,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

async function approve(trx: Transaction<Database>, row: ExplanationTaskTable, by: Actor) {
  const where = { plan_id: row.plan_id, period_id: row.period_id, indicator_id: row.subject_id };
  const before = await trx
    .selectFrom("explanations")
    .selectAll()
    .where("plan_id", "=", where.plan_id)
    .where("period_id", "=", where.period_id)
    .where("indicator_id", "=", where.indicator_id)
    .executeTakeFirst();
  const approved = {
    ...where,
    markdown: row.markdown,
    version: Number(before?.version ?? 0) + 1,
    updated_by: by.actor,
    updated_at: by.at,
  };
  if (before) {
    await trx
      .updateTable("explanations")
      .set(approved)
      .where("plan_id", "=", where.plan_id)
      .where("period_id", "=", where.period_id)
      .where("indicator_id", "=", where.indicator_id)
      .execute();
  } else {
    await trx.insertInto("explanations").values(approved).execute();
  }
}

/**
 * Takes one step on `task` (as read from the period's tasks) for `account`. Refuses a stale
 * version or a step its state does not allow with a ConflictError that carries the task as it is.
 */
export async function takeStep(
  store: Store,
  where: { readonly planId: string; readonly periodId: string; readonly organisation: string },
  task: TaskDetail,
  input: StepInput,
  account: Account,
  at: string,
): Promise<StepResult> {
  requireAllowed(account, where.organisation, task, input.step);
  const by = { actor: account.email, at };
  const key = { plan_id: where.planId, period_id: where.periodId, subject_id: task.subject };
  return store.db.transaction().execute(async (trx) => {
    await store.dialect.lockWriters(trx);
    await requireOpenPeriod(trx, where.planId, where.periodId);
    const current = await currentRow(trx, key);
    const version = Number(current?.version ?? 0);
    const state = current?.state ?? task.state;
    const before = {
      state,
      version,
      markdown: current && current.state !== "to-do" ? current.markdown : task.markdown,
      comment: current?.comment ?? null,
    };
    if (version !== input.version) {
      throw new ConflictError(
        `the explanation of ${task.subject} is at version ${version}, not ${input.version}: someone changed it`,
        before,
      );
    }
    const next = stepResult(state, input.step);
    if (!next) {
      throw new ConflictError(
        `an explanation that is ${state} cannot be ${STEP_WORD[input.step]}; that needs ${allowedFrom(input.step).join(" or ")}`,
        before,
      );
    }
    const markdown = input.step === "save" ? (input.markdown ?? "") : before.markdown;
    checkInput(input, markdown);
    const row: ExplanationTaskTable = {
      ...key,
      state: next,
      markdown,
      comment: input.step === "return" ? (input.comment ?? "").trim() : before.comment,
      version: version + 1,
      updated_by: by.actor,
      updated_at: by.at,
      reminded_at: current?.reminded_at ?? null,
    };
    await upsert(trx, key, row, current !== undefined);
    if (next === "approved") await approve(trx, row, by);
    await appendAudit(trx, {
      ...by,
      action: `${input.step}-explanation`,
      entity: "explanation",
      entityKey: `${where.planId}/${where.periodId}/${task.subject}`,
      before,
      after: { state: row.state, version: row.version, markdown, comment: row.comment },
    });
    return result(row);
  });
}

const STEP_WORD: Record<TaskStep, string> = {
  save: "saved",
  submit: "submitted",
  return: "returned",
  approve: "approved",
};

async function upsert(
  trx: Transaction<Database>,
  key: { plan_id: string; period_id: string; subject_id: string },
  row: ExplanationTaskTable,
  exists: boolean,
): Promise<void> {
  if (!exists) {
    await trx.insertInto("explanation_tasks").values(row).execute();
    return;
  }
  await trx
    .updateTable("explanation_tasks")
    .set(row)
    .where("plan_id", "=", key.plan_id)
    .where("period_id", "=", key.period_id)
    .where("subject_id", "=", key.subject_id)
    .execute();
}
