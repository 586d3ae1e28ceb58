/**
 * GET /api/plans/:plan/diff on every engine: two published periods compared as their
 * publications froze them, the same differences as `koers diff` finds in the plan's bundle.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { diffBundle } from "../app/diff.js";
import { closePeriod, publishPeriod, reopenPeriod } from "../app/lifecycle.js";
import { updateRealisation } from "../app/realisations.js";
import { loadBundle } from "../store/plans.js";
import { describeEachEngine } from "../testing/engines.js";
import { ACCOUNTS, PLAN, seed, signInCookie, testConfig } from "../testing/server.js";
import { buildServer } from "./server.js";

const by = (minute: number) => ({
  actor: "adviseur@example.org",
  at: new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString(),
});

describeEachEngine("comparing published reports", ({ store, config }) => {
  let app: FastifyInstance;
  let reader: string;
  let stranger: string;
  const diff = (query: string, cookie = reader) =>
    app.inject({ url: `/api/plans/${PLAN}/diff?${query}`, headers: { cookie } });
  const publish = async (period: string, minute: number) => {
    await closePeriod(store(), PLAN, period, by(minute));
    await publishPeriod(store(), PLAN, period, by(minute + 1), { chromium: null });
  };

  beforeAll(async () => {
    await seed(store());
    app = buildServer(testConfig(config()), store());
    reader = await signInCookie(app, ACCOUNTS.viewer.email);
    stranger = await signInCookie(app, ACCOUNTS.otherOrganisation.email);
    await publish("2025-04", 0);
  });
  afterAll(() => app?.close());

  it("answers 409 while a period has not been published", async () => {
    const response = await diff("from=2025-04&to=2025-10");
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toBe(
      "period 2025-10 of plan toeslagen-2025 has not been published: only published reports are compared",
    );
  });

  it("answers 404 for an unknown period, naming the plan's periods, and 400 without `to`", async () => {
    const unknown = await diff("from=2025-04&to=2025-11");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe(
      'unknown period "2025-11": plan toeslagen-2025 has 2025-04, 2025-10',
    );
    expect((await diff("from=2025-04")).statusCode).toBe(400);
  });

  it("is for the plan's readers only", async () => {
    expect((await diff("from=2025-04&to=2025-04", stranger)).statusCode).toBe(403);
    expect(
      (await app.inject({ url: `/api/plans/${PLAN}/diff?from=2025-04&to=2025-04` })).statusCode,
    ).toBe(401);
  });

  it("finds what the bundle comparison finds between the published periods", async () => {
    await publish("2025-10", 2);
    const response = await diff("from=2025-04&to=2025-10");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual(diffBundle(await loadBundle(store().db, PLAN), "2025-04", "2025-10"));
    expect(body.newExceptions).toEqual([]);
    expect(body.resolvedExceptions).toEqual([]);
    expect(body.targets).toEqual([
      {
        id: "klachten-ontvangen",
        path: ["Dienstverlening", "Aantal ontvangen klachten"],
        from: "≤ 567",
        to: "≤ 1.417",
      },
    ]);
    expect(body.explanations).toHaveLength(6);
    expect(body.intentions).toEqual([
      expect.objectContaining({ id: "inkoopbeheer-op-orde", from: "pending", to: "behind-plan" }),
    ]);
  });

  it("finds no differences between a publication and itself", async () => {
    const body = (await diff("from=2025-10&to=2025-10")).json();
    expect([
      body.newExceptions,
      body.resolvedExceptions,
      body.figures,
      body.targets,
      body.explanations,
      body.intentions,
    ]).toEqual([[], [], [], [], [], []]);
  });

  it("keeps comparing the published figures after the period is reopened and changed", async () => {
    await reopenPeriod(store(), PLAN, "2025-10", "a correction", by(10));
    await updateRealisation(
      store(),
      {
        planId: PLAN,
        indicatorId: "burgertevredenheid-tevreden",
        periodId: "2025-10",
        value: 60,
        version: 1,
      },
      by(11),
    );
    const body = (await diff("from=2025-04&to=2025-10")).json();
    expect(body.newExceptions).toEqual([]);
    expect(body.figures[0]).toMatchObject({ id: "burgertevredenheid-tevreden", from: 73, to: 75 });
  });
});
