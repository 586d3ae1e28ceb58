/**
 * PUT a risk's assessment: written into the stored risks.yaml at the version read, audited,
 * shown at once by the registers, refused when stale, closed, unreadable or not yours.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RegistersView, RiskView } from "../app/registers-view.js";
import { importBundle, loadBundle } from "../store/plans.js";
import { describeEachEngine } from "../testing/engines.js";
import { OWNED_RISK, registersExample } from "../testing/registers.js";
import { ACCOUNTS, PLAN, SETUP, seed, signInCookie, testConfig } from "../testing/server.js";
import { buildServer } from "./server.js";

const url = (risk: string, period = "2025-10") =>
  `/api/plans/${PLAN}/periods/${period}/risks/${risk}/assessment`;

describeEachEngine("changing a risk's assessment", ({ store, config }) => {
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    await seed(store());
    await importBundle(
      store(),
      registersExample(),
      { ...SETUP, at: "2026-01-06T09:00:00.000Z" },
      true,
    );
    app = buildServer(testConfig(config()), store());
    for (const name of ["owner", "otherOwner", "editor", "otherOrganisation"] as const) {
      cookies[name] = await signInCookie(app, ACCOUNTS[name].email);
    }
  });
  afterAll(() => app?.close());

  const put = (who: string, risk: string, payload: object, period?: string) =>
    app.inject({
      method: "PUT",
      url: url(risk, period),
      headers: { cookie: cookies[who] ?? "" },
      payload,
    });

  async function risk(id: string): Promise<RiskView> {
    const response = await app.inject({
      url: `/api/plans/${PLAN}/periods/2025-10/registers`,
      headers: { cookie: cookies.owner ?? "" },
    });
    const found = (response.json() as RegistersView).risks?.find((r) => r.id === id);
    if (!found) throw new Error(`no risk ${id}`);
    return found;
  }

  it("lets the risk's owner change it, audited, and the registers show it at once", async () => {
    expect(await risk(OWNED_RISK)).toMatchObject({ version: 0, writable: true, score: 9 });
    const response = await put("owner", OWNED_RISK, {
      likelihood: 4,
      impact: 4,
      note: "Leverancier stopt met ondersteuning.",
      version: 0,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      risk: OWNED_RISK,
      period: "2025-10",
      likelihood: 4,
      impact: 4,
      note: "Leverancier stopt met ondersteuning.",
      version: 1,
    });
    expect(await risk(OWNED_RISK)).toMatchObject({
      version: 1,
      score: 16,
      previousScore: 9,
      change: "rose",
      flagged: true,
    });
    const entry = await store()
      .db.selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "update-risk-assessment")
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      actor: ACCOUNTS.owner.email,
      entity_key: `${PLAN}/${OWNED_RISK}/2025-10`,
    });
    expect(JSON.parse(entry.before ?? "")).toMatchObject({ likelihood: 3, impact: 3, version: 0 });
    // What an export writes: the file changed in place, its comments kept.
    const risks = (await loadBundle(store().db, PLAN)).registerFiles?.["risks.yaml"] ?? "";
    expect(risks).toMatch(/^# ILLUSTRATION/);
    expect(risks).toContain("note: Leverancier stopt met ondersteuning.");
  });

  it("refuses a stale version with the assessment as it now is", async () => {
    const response = await put("editor", OWNED_RISK, {
      likelihood: 1,
      impact: 1,
      note: null,
      version: 0,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().current).toMatchObject({ likelihood: 4, impact: 4, version: 1 });
  });

  it("refuses what the register would not read, and a score out of range, saving nothing", async () => {
    const half = await put("editor", OWNED_RISK, {
      likelihood: 2,
      impact: null,
      note: null,
      version: 1,
    });
    expect(half.statusCode).toBe(400);
    expect(half.body).toContain("give likelihood and impact together, or neither");
    const seven = await put("editor", OWNED_RISK, {
      likelihood: 7,
      impact: 2,
      note: null,
      version: 1,
    });
    expect(seven.statusCode).toBe(400);
    expect(await risk(OWNED_RISK)).toMatchObject({ version: 1, score: 16 });
  });

  it("refuses a closed period, another owner's risk, another organisation and an unknown risk", async () => {
    await store()
      .db.updateTable("periods")
      .set({ state: "closed" })
      .where("plan_id", "=", PLAN)
      .where("period_id", "=", "2025-04")
      .execute();
    const closed = await put(
      "editor",
      OWNED_RISK,
      { likelihood: 1, impact: 1, note: null, version: 0 },
      "2025-04",
    );
    expect(closed.statusCode).toBe(409);
    expect(closed.json().lock).toMatchObject({ period: "2025-04", state: "closed" });
    const body = { likelihood: 1, impact: 1, note: null, version: 1 };
    expect((await put("otherOwner", OWNED_RISK, body)).statusCode).toBe(403);
    expect((await put("owner", "personeel", { ...body, version: 0 })).statusCode).toBe(403);
    expect((await put("otherOrganisation", OWNED_RISK, body)).statusCode).toBe(403);
    expect((await put("editor", "geen-risico", body)).statusCode).toBe(404);
    expect(await risk(OWNED_RISK)).toMatchObject({ version: 1, score: 16 });
  });
});
