/**
 * GET the registers of a period: each item judged as the report judges it, with its history
 * over the periods up to that one; the example's own registers and the illustrative ones.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RegistersView } from "../app/registers-view.js";
import { importBundle } from "../store/plans.js";
import { describeEachEngine } from "../testing/engines.js";
import { OWNED_MEASURE, OWNED_RISK, registersExample } from "../testing/registers.js";
import {
  ACCOUNTS,
  OTHER_PLAN,
  PLAN,
  SETUP,
  seed,
  signInCookie,
  testConfig,
} from "../testing/server.js";
import { buildServer } from "./server.js";

describeEachEngine("the registers of a period", ({ store, config }) => {
  let app: FastifyInstance;
  let viewer: string;

  beforeAll(async () => {
    await seed(store());
    app = buildServer(testConfig(config()), store());
    viewer = await signInCookie(app, ACCOUNTS.viewer.email);
  });
  afterAll(() => app?.close());

  async function registers(period: string, query = ""): Promise<RegistersView> {
    const response = await app.inject({
      url: `/api/plans/${PLAN}/periods/${period}/registers${query}`,
      headers: { cookie: viewer },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  it("gives the example's registers as the report states them, without amounts", async () => {
    const view = await registers("2025-10");
    expect(view.language).toBe("nl");
    expect(view.periods.map((p) => p.id)).toEqual(["2025-04", "2025-10"]);
    expect(view.risks?.map((r) => [r.id, r.score, r.change])).toEqual([
      ["personeelstekort", null, "not-scored"],
      ["iv-wendbaarheid", null, "not-scored"],
      ["maatschappelijke-druk", null, "not-scored"],
    ]);
    const [finding] = view.findings ?? [];
    expect(finding).toMatchObject({ id: "inkoopbeheer", state: "open", overdue: false });
    expect(finding?.history.map((h) => h.state)).toEqual(["open", "open"]);
    const [article] = view.lawfulness ?? [];
    expect(article).toMatchObject({ id: "huurtoeslag", tolerance: null, outlook: "exceeds" });
    expect(view.toleranceWarnings.map((w) => w.id)).toEqual(["huurtoeslag"]);
  });

  it("gives only the periods up to the one asked for", async () => {
    const view = await registers("2025-04", "?language=en");
    expect(view.language).toBe("en");
    expect(view.periods.map((p) => p.id)).toEqual(["2025-04"]);
    expect(view.lawfulness?.[0]).toMatchObject({ outlook: null, warning: false });
    expect(view.toleranceWarnings).toEqual([]);
  });

  it("scores risks, flags a rise and an overdue finding, and computes tolerances", async () => {
    // Imported later than the seed, as the plans read once per import notice.
    await importBundle(
      store(),
      registersExample(),
      { ...SETUP, at: "2026-01-06T09:00:00.000Z" },
      true,
    );
    const view = await registers("2025-10");
    const risk = view.risks?.find((r) => r.id === "personeel");
    expect(risk).toMatchObject({ score: 16, previousScore: 12, change: "rose", flagged: true });
    expect(risk?.history.map((h) => [h.period, h.score, h.change])).toEqual([
      ["2025-04", 12, "new"],
      ["2025-10", 16, "rose"],
    ]);
    expect(risk?.measures[0]).toMatchObject({ due: "2025-09-30", overdue: true });
    expect(view.risks?.find((r) => r.id === OWNED_RISK)?.owner).toBe(ACCOUNTS.owner.email);
    const finding = view.findings?.[0];
    expect(finding).toMatchObject({ overdue: true, resolveBy: "2025-06-30" });
    expect(finding?.measures[0]).toMatchObject({
      title: OWNED_MEASURE,
      owner: ACCOUNTS.owner.email,
    });
    expect(finding?.history.map((h) => [h.state, h.overdue])).toEqual([
      ["open", false],
      ["open", true],
    ]);
    const small = view.lawfulness?.find((a) => a.id === "toeslag-klein");
    expect(small?.tolerance).toMatchObject({
      boundBy: "chapter",
      effectivePercent: "3%",
      exceeds: true,
      excess: { value: "30000000.00" },
    });
    expect(small?.history.map((h) => [h.period, h.outlook, h.excess?.value ?? null])).toEqual([
      ["2025-04", null, null],
      ["2025-10", "exceeds", "30000000.00"],
    ]);
    expect(view.toleranceWarnings.map((w) => w.id)).toContain("toeslag-klein");
    const dashboard = await app.inject({
      url: `/api/plans/${PLAN}/periods/2025-10/dashboard`,
      headers: { cookie: viewer },
    });
    expect(dashboard.json().toleranceWarnings).toMatchObject({
      heading: "Vroegsignalering",
      rows: view.toleranceWarnings,
    });
  });

  it("refuses another organisation's reader, and an unknown period", async () => {
    const other = await signInCookie(app, ACCOUNTS.otherOrganisation.email);
    const refused = await app.inject({
      url: `/api/plans/${PLAN}/periods/2025-10/registers`,
      headers: { cookie: other },
    });
    expect(refused.statusCode).toBe(403);
    const own = await app.inject({
      url: `/api/plans/${OTHER_PLAN}/periods/2025-10/registers`,
      headers: { cookie: other },
    });
    expect(own.statusCode).toBe(200);
    // The English example keeps the Dutch example's registers, with the same ids.
    const ids = (items: readonly { id: string }[] | null) => items?.map((i) => i.id);
    const view = own.json() as RegistersView;
    expect(ids(view.risks)).toEqual([
      "personeelstekort",
      "iv-wendbaarheid",
      "maatschappelijke-druk",
    ]);
    expect(ids(view.findings)).toEqual(["inkoopbeheer"]);
    expect(ids(view.lawfulness)).toEqual(["huurtoeslag"]);
    expect(view.lawfulness?.[0]).toMatchObject({ outlook: "exceeds", warning: true });
    const unknown = await app.inject({
      url: `/api/plans/${PLAN}/periods/2025-13/registers`,
      headers: { cookie: viewer },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
