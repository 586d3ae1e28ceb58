/**
 * A draft is never published: a period whose report would hold a drafted paragraph in place of
 * an approved explanation is refused, on every engine, and nothing is stored.
 */
import { beforeAll, expect, it } from "vitest";
import { readBundle } from "../bundle/read-bundle.js";
import { auditHead } from "../store/audit.js";
import { importBundle } from "../store/plans.js";
import { describeEachEngine } from "../testing/engines.js";
import { ConflictError } from "./errors.js";
import { closePeriod, publishPeriod } from "./lifecycle.js";
import { getPublished } from "./publication.js";
import { updateRealisation } from "./realisations.js";

const PLAN = "toeslagen-2025";
const PERIOD = "2025-10";
const by = { actor: "adviseur@example.org", at: "2025-11-03T09:00:00.000Z" };

describeEachEngine("publishing with a draft", ({ store }) => {
  beforeAll(async () => {
    await importBundle(store(), readBundle("examples/toeslagen-2025"), by);
    // Nine serious disruptions where fewer than eight are allowed: a new exception, unexplained.
    await updateRealisation(
      store(),
      {
        planId: PLAN,
        indicatorId: "productieverstoringen",
        periodId: PERIOD,
        value: 9,
        version: 1,
      },
      by,
    );
    await closePeriod(store(), PLAN, PERIOD, by);
  });

  it("is refused, naming the exception, and stores nothing", async () => {
    const head = await auditHead(store().db);
    const refused = publishPeriod(store(), PLAN, PERIOD, by, { chromium: null });
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toThrow(
      /period 2025-10 cannot be published: exception 6 \(productieverstoringen\) has no approved explanation, only a draft/,
    );
    expect(await getPublished(store(), PLAN, PERIOD)).toEqual([]);
    expect(await auditHead(store().db)).toBe(head);
  });
});
