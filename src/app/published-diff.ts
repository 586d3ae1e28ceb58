/**
 * Comparing two published reports of a plan: each period as its latest publication froze it
 * (open-data CSV and Markdown of the same publication), never as the database has it now.
 */
import { diffPeriods, type PeriodSnapshot } from "../domain/diff.js";
import { findPeriod, type Plan } from "../domain/plan.js";
import { publishedSnapshot } from "../report/read-published.js";
import type { Store } from "../store/open.js";
import type { DiffJson } from "./diff.js";
import { ConflictError, NotFoundError } from "./errors.js";
import { getPublished, publishedFile } from "./publication.js";

function intentionIds(plan: Plan): Map<string, string> {
  return new Map(
    (plan.intentions ?? []).map((i) => [i.group ? `${i.group}: ${i.title}` : i.title, i.id]),
  );
}

async function snapshot(store: Store, plan: Plan, periodId: string): Promise<PeriodSnapshot> {
  if (!findPeriod(plan, periodId)) {
    const known = plan.periods.map((p) => p.id).join(", ");
    throw new NotFoundError(`unknown period "${periodId}": plan ${plan.id} has ${known}`);
  }
  const files = await getPublished(store, plan.id, periodId);
  const latest = files.filter((f) => f.format === "csv").at(-1);
  if (!latest) {
    throw new ConflictError(
      `period ${periodId} of plan ${plan.id} has not been published: only published reports are compared`,
      null,
    );
  }
  const text = async (format: "csv" | "md") =>
    Buffer.from(
      (await publishedFile(store, plan.id, periodId, format, latest.publishedAt)).content,
    ).toString("utf8");
  return publishedSnapshot({
    periodId,
    csv: await text("csv"),
    markdown: await text("md"),
    language: plan.language,
    intentionIds: intentionIds(plan),
  });
}

export async function diffPublished(
  store: Store,
  plan: Plan,
  from: string,
  to: string,
): Promise<DiffJson> {
  const before = await snapshot(store, plan, from);
  const after = await snapshot(store, plan, to);
  return { plan: plan.id, ...diffPeriods(before, after) };
}
