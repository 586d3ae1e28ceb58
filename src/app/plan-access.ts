/**
 * Reading stored plans for someone signed in: which plans they may see, and a plan, indicator
 * or period by id, refused with NotFoundError when there is no such thing.
 */
import type { Kysely } from "kysely";
import type { Bundle } from "../bundle/read-bundle.js";
import {
  findPeriod,
  type Indicator,
  indicatorsOf,
  type Period,
  type Plan,
} from "../domain/plan.js";
import type { Database, PeriodState } from "../store/database.js";
import type { Account } from "./accounts.js";
import { can, requireCan } from "./authorization.js";
import { NotFoundError } from "./errors.js";
import type { PlanCache } from "./plan-cache.js";
import { type RealisationRecord, realisationRecord } from "./realisations.js";

/**
 * A readable plan's definition without its figures — enough to authorize and check ids — as
 * authorization judges it: found, then allowed.
 */
export async function readablePlanDefinition(
  plans: PlanCache,
  account: Account,
  planId: string,
): Promise<{ readonly organisation: string; readonly plan: Plan; readonly seq: number }> {
  const definition = await plans.definition(planId);
  requireCan(account, "read-plan", { organisation: definition.organisation });
  return definition;
}

/** A readable plan with all its figures and texts, for evaluations and reports. */
export async function readableBundle(
  plans: PlanCache,
  account: Account,
  planId: string,
): Promise<Bundle & { readonly seq: number }> {
  const { seq } = await readablePlanDefinition(plans, account, planId);
  return { ...(await plans.bundle(planId, seq)), seq };
}

export function requireIndicator(plan: Plan, indicatorId: string): Indicator {
  const indicator = indicatorsOf(plan.nodes).find((i) => i.id === indicatorId);
  if (!indicator) throw new NotFoundError(`plan ${plan.id} has no indicator ${indicatorId}`);
  return indicator;
}

export function requirePeriodOf(plan: Plan, periodId: string): Period {
  const period = findPeriod(plan, periodId);
  if (!period) throw new NotFoundError(`plan ${plan.id} has no period ${periodId}`);
  return period;
}

export interface PlanSummary {
  readonly id: string;
  readonly title: string;
  readonly organisation: string;
  readonly year: number;
  readonly periods: readonly { readonly id: string; readonly state: PeriodState }[];
}

/** The plans `account` may read, with their periods and the state of each. */
export async function readablePlans(
  db: Kysely<Database>,
  account: Account,
): Promise<PlanSummary[]> {
  const plans = (
    await db
      .selectFrom("plans")
      .select(["id", "title", "organisation_id", "year"])
      .orderBy("id")
      .execute()
  ).filter((p) => can(account, "read-plan", { organisation: p.organisation_id }));
  if (plans.length === 0) return [];
  const periods = await db
    .selectFrom("periods")
    .select(["plan_id", "period_id", "state"])
    .where(
      "plan_id",
      "in",
      plans.map((p) => p.id),
    )
    .orderBy("plan_id")
    .orderBy("position")
    .execute();
  return plans.map((p) => ({
    id: p.id,
    title: p.title,
    organisation: p.organisation_id,
    year: Number(p.year),
    periods: periods
      .filter((q) => q.plan_id === p.id)
      .map((q) => ({ id: q.period_id, state: q.state })),
  }));
}

/** A realisation with its version; version 0 and no value when there is none yet. */
export async function readRealisation(
  db: Kysely<Database>,
  planId: string,
  indicatorId: string,
  periodId: string,
): Promise<RealisationRecord> {
  const row = await db
    .selectFrom("realisations")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("indicator_id", "=", indicatorId)
    .where("period_id", "=", periodId)
    .executeTakeFirst();
  return realisationRecord(indicatorId, periodId, row);
}

export interface EntryRow {
  readonly indicator: string;
  readonly title: string;
  readonly groups: readonly string[];
  readonly unit: string;
  readonly qualitative: boolean;
  /** Whether the account may change this figure (its role, or owning the indicator). */
  readonly writable: boolean;
  readonly record: RealisationRecord;
}

/** Every indicator's figure in a period, for the data-entry grid, in plan order. */
export async function entryRows(
  db: Kysely<Database>,
  account: Account,
  organisation: string,
  plan: Plan,
  periodId: string,
): Promise<EntryRow[]> {
  const rows = await db
    .selectFrom("realisations")
    .selectAll()
    .where("plan_id", "=", plan.id)
    .where("period_id", "=", periodId)
    .execute();
  const byIndicator = new Map(rows.map((r) => [r.indicator_id, r]));
  return indicatorsOf(plan.nodes).map((indicator) => ({
    indicator: indicator.id,
    title: indicator.title,
    groups: indicator.path.slice(0, -1),
    unit: indicator.unit,
    qualitative: indicator.target.kind === "qualitative",
    writable: can(account, "write-figures", { organisation, indicatorOwner: indicator.owner }),
    record: realisationRecord(indicator.id, periodId, byIndicator.get(indicator.id)),
  }));
}
