import { expect, it } from "vitest";
import { readBundle } from "../bundle/read-bundle.js";
import { evaluatePeriod } from "../domain/evaluate.js";
import { importBundle } from "../store/plans.js";
import { describeEachEngine } from "../testing/engines.js";
import { PlanCache } from "./plan-cache.js";
import { updateRealisation } from "./realisations.js";

const by = { actor: "adviseur@example.org", at: "2026-11-01T09:00:00.000Z" };

describeEachEngine("the plan cache", ({ store }) => {
  it("reads a plan once, and again after any change to the database", async () => {
    await importBundle(store(), readBundle("examples/toeslagen-2025"), by);
    const cache = new PlanCache(store());
    let computed = 0;
    const exceptions = () =>
      cache.derive("toeslagen-2025", "2025-10", (bundle) => {
        computed++;
        return evaluatePeriod(bundle.plan, bundle.realisations, "2025-10").exceptions.length;
      });
    expect(await exceptions()).toBe(5);
    expect(await exceptions()).toBe(5);
    expect(computed).toBe(1);
    await updateRealisation(
      store(),
      {
        planId: "toeslagen-2025",
        indicatorId: "geen-terugvordering",
        periodId: "2025-10",
        value: 94,
        version: 1,
      },
      by,
    );
    expect(await exceptions()).toBe(4);
    expect(computed).toBe(2);
    await expect(cache.bundle("no-such-plan")).rejects.toThrow(/no plan no-such-plan/);
  });
});
