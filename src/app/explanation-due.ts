/** The date a period's explanations are due: set by an editor, or two weeks after the period. */
import { parseIsoDate } from "../domain/calendar.js";
import { appendAudit } from "../store/audit.js";
import type { Store } from "../store/open.js";
import type { Actor } from "../store/plans.js";
import { NotFoundError, ValidationError } from "./errors.js";

/** Sets the due date; null goes back to the default. */
export async function setExplanationsDue(
  store: Store,
  key: { readonly planId: string; readonly periodId: string },
  date: string | null,
  by: Actor,
): Promise<void> {
  if (date !== null && !parseIsoDate(date)) {
    throw new ValidationError("bad date", [
      { field: "date", message: `${date} is not a date as YYYY-MM-DD` },
    ]);
  }
  await store.db.transaction().execute(async (trx) => {
    await store.dialect.lockWriters(trx);
    const period = await trx
      .selectFrom("periods")
      .select("explanations_due")
      .where("plan_id", "=", key.planId)
      .where("period_id", "=", key.periodId)
      .executeTakeFirst();
    if (!period) throw new NotFoundError(`plan ${key.planId} has no period ${key.periodId}`);
    await trx
      .updateTable("periods")
      .set({ explanations_due: date })
      .where("plan_id", "=", key.planId)
      .where("period_id", "=", key.periodId)
      .execute();
    await appendAudit(trx, {
      ...by,
      action: "set-explanations-due",
      entity: "period",
      entityKey: `${key.planId}/${key.periodId}`,
      before: { explanationsDue: period.explanations_due },
      after: { explanationsDue: date },
    });
  });
}
