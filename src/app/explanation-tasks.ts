/**
 * The explanation workflow's tasks: one per exception of a period (indicator or intention), for
 * the owner the plan names, with the state of its text and its due date. Tasks are read from
 * the period's report model, so they carry the report's own note numbers and headings.
 */
import type { Kysely } from "kysely";
import type { Bundle } from "../bundle/read-bundle.js";
import { parseIsoDate } from "../domain/calendar.js";
import {
  addDays,
  DEFAULT_DUE_AFTER_DAYS,
  daysUntil,
  type TaskState,
} from "../domain/explanation-task.js";
import { isoDate } from "../domain/format.js";
import { type CalendarDate, indicatorsOf, type Language, type Period } from "../domain/plan.js";
import type { Fact, IndicatorRow } from "../report/model.js";
import type { Database, ExplanationTaskTable } from "../store/database.js";
import type { Account } from "./accounts.js";
import { can } from "./authorization.js";
import { NotFoundError } from "./errors.js";
import { requirePeriod } from "./period.js";
import { buildReport } from "./report.js";

export interface TaskSummary {
  readonly subject: string;
  readonly kind: "indicator" | "intention";
  readonly note: number;
  readonly heading: string;
  /** As the plan names the owner; an e-mail address links it to an account. */
  readonly owner: string | null;
  readonly state: TaskState;
  /** YYYY-MM-DD. */
  readonly due: string;
  /** Negative when overdue. */
  readonly daysLeft: number;
  /** 0 while nothing has been written. */
  readonly version: number;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
  /** The editor's comment when it was last returned. */
  readonly comment: string | null;
  readonly mayWrite: boolean;
  readonly mayReview: boolean;
}

export interface TaskDetail extends TaskSummary {
  /** The text being written; to begin with, the approved one if there is one. */
  readonly markdown: string;
  /** The text the report uses; null until one is approved. */
  readonly approved: string | null;
  /** While none is approved: a paragraph drafted from the figures, to start from. */
  readonly draft: string | null;
  /** The approved explanation of the nearest earlier period, to build on. */
  readonly previous: { readonly period: string; readonly markdown: string } | null;
  readonly facts: readonly Fact[];
  /** The indicator's figures in every period so far; null for an intention. */
  readonly row: IndicatorRow | null;
  readonly periods: readonly string[];
}

export interface TaskScope {
  readonly db: Kysely<Database>;
  readonly bundle: Bundle;
  readonly organisation: string;
  readonly periodId: string;
  /** The reader's calendar date, for days left. */
  readonly today: string;
}

export function dueDate(period: Period, stored: string | null): string {
  return stored ?? isoDate(addDays(period.until, DEFAULT_DUE_AFTER_DAYS));
}

function ownerOf(bundle: Bundle, subject: string): { kind: TaskSummary["kind"]; owner?: string } {
  const indicator = indicatorsOf(bundle.plan.nodes).find((i) => i.id === subject);
  if (indicator)
    return { kind: "indicator", ...(indicator.owner ? { owner: indicator.owner } : {}) };
  const intention = bundle.plan.intentions?.find((i) => i.id === subject);
  return { kind: "intention", ...(intention?.owner ? { owner: intention.owner } : {}) };
}

/** A YYYY-MM-DD the workflow itself wrote or checked (a due date, the server's today). */
export function calendar(text: string): CalendarDate {
  const date = parseIsoDate(text);
  if (!date) throw new Error(`not a date: ${text}`);
  return date;
}

async function storedTasks(scope: TaskScope): Promise<Map<string, ExplanationTaskTable>> {
  const rows = await scope.db
    .selectFrom("explanation_tasks")
    .selectAll()
    .where("plan_id", "=", scope.bundle.plan.id)
    .where("period_id", "=", scope.periodId)
    .execute();
  return new Map(rows.map((r) => [r.subject_id, r]));
}

async function storedDue(scope: TaskScope): Promise<string | null> {
  const row = await scope.db
    .selectFrom("periods")
    .select("explanations_due")
    .where("plan_id", "=", scope.bundle.plan.id)
    .where("period_id", "=", scope.periodId)
    .executeTakeFirst();
  return row?.explanations_due ?? null;
}

function approvedText(bundle: Bundle, periodId: string, subject: string): string | null {
  return (
    bundle.explanations.find((e) => e.periodId === periodId && e.indicatorId === subject)
      ?.markdown ?? null
  );
}

/** The period's tasks, in note order, with what `account` may do with each. */
export async function periodTasks(
  scope: TaskScope,
  account: Account,
  language?: Language,
): Promise<TaskDetail[]> {
  const period = requirePeriod(scope.bundle, scope.periodId);
  const { model } = buildReport(scope.bundle, scope.periodId, language);
  const [stored, due] = await Promise.all([storedTasks(scope), storedDue(scope)]);
  const dueOn = dueDate(period, due);
  const earlier = scope.bundle.plan.periods.slice(
    0,
    scope.bundle.plan.periods.findIndex((p) => p.id === period.id),
  );
  return model.explanations.map((block) => {
    const subject = block.indicatorId;
    const row = stored.get(subject);
    const approved = approvedText(scope.bundle, period.id, subject);
    const { kind, owner } = ownerOf(scope.bundle, subject);
    const resource = { organisation: scope.organisation, indicatorOwner: owner };
    const previousPeriod = earlier.findLast((p) => approvedText(scope.bundle, p.id, subject));
    const indicatorRow = model.table.rows.find(
      (r): r is IndicatorRow => r.kind === "indicator" && r.id === subject,
    );
    return {
      subject,
      kind,
      note: block.note,
      heading: block.heading,
      owner: owner ?? null,
      state: row?.state ?? (approved === null ? "to-do" : "approved"),
      due: dueOn,
      daysLeft: daysUntil(calendar(scope.today), calendar(dueOn)),
      version: row ? Number(row.version) : 0,
      updatedBy: row?.updated_by ?? null,
      updatedAt: row?.updated_at ?? null,
      comment: row?.comment ?? null,
      mayWrite: can(account, "write-explanations", resource),
      mayReview: can(account, "review-explanations", resource),
      markdown: row && row.state !== "to-do" ? row.markdown : (approved ?? ""),
      approved,
      draft: block.draft,
      previous: previousPeriod
        ? {
            period: previousPeriod.label,
            markdown: approvedText(scope.bundle, previousPeriod.id, subject) ?? "",
          }
        : null,
      facts: block.facts,
      row: indicatorRow ?? null,
      periods: model.table.headers.periods,
    };
  });
}

/** The summary of each task, for the board and the owner's list. */
export function summaries(tasks: readonly TaskDetail[]): TaskSummary[] {
  return tasks.map(({ markdown, approved, previous, facts, row, periods, ...summary }) => summary);
}

export function requireTask(tasks: readonly TaskDetail[], subject: string, periodId: string) {
  const task = tasks.find((t) => t.subject === subject);
  if (!task) {
    throw new NotFoundError(
      `${subject} is no exception in period ${periodId}: it has no explanation to write`,
    );
  }
  return task;
}
