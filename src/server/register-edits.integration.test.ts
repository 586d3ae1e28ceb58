/**
 * PUT a finding's status, a measure's status and due date, an article's lawfulness figures and a
 * register's narrative: each written into the stored register file at the version read,
 * audited, shown at once by the registers, refused when stale, bad, closed or not yours.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RegistersView } from "../app/registers-view.js";
import { importBundle, loadBundle } from "../store/plans.js";
import { describeEachEngine } from "../testing/engines.js";
import { OWNED_MEASURE, OWNED_RISK, registersExample } from "../testing/registers.js";
import { ACCOUNTS, PLAN, SETUP, seed, signInCookie, testConfig } from "../testing/server.js";
import { buildServer } from "./server.js";

const base = (period = "2025-10") => `/api/plans/${PLAN}/periods/${period}`;

const FIGURES = {
  basis: "expected",
  expenditure: "5000000000",
  receipts: "100000000.50",
  errors: "60000000",
  uncertainties: "0",
  outlook: null,
  statedTolerance: null,
  note: null,
};

describeEachEngine("changing register items", ({ store, config }) => {
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
    for (const name of ["owner", "otherOwner", "editor", "viewer"] as const) {
      cookies[name] = await signInCookie(app, ACCOUNTS[name].email);
    }
  });
  afterAll(() => app?.close());

  const put = (who: string, path: string, payload: object, period?: string) =>
    app.inject({
      method: "PUT",
      url: `${base(period)}${path}`,
      headers: { cookie: cookies[who] ?? "" },
      payload,
    });

  async function view(who = "owner"): Promise<RegistersView> {
    const response = await app.inject({
      url: `${base()}/registers`,
      headers: { cookie: cookies[who] ?? "" },
    });
    return response.json() as RegistersView;
  }

  async function audited(action: string) {
    const rows = await store()
      .db.selectFrom("audit_log")
      .selectAll()
      .where("action", "=", action)
      .orderBy("seq")
      .execute();
    return rows.map((r) => ({
      actor: r.actor,
      key: r.entity_key,
      before: JSON.parse(r.before ?? "null"),
      after: JSON.parse(r.after ?? "null"),
    }));
  }

  const registerFile = async (name: string) =>
    (await loadBundle(store().db, PLAN)).registerFiles?.[name] ?? "";

  describe("a finding's status", () => {
    const path = "/findings/inkoop/status";

    it("is the editors' to change: audited, shown at once, the flag gone", async () => {
      const finding = (await view("editor")).findings?.[0];
      expect(finding).toMatchObject({ state: "open", overdue: true, version: 0, writable: true });
      expect((await view("owner")).findings?.[0]?.writable).toBe(false);
      const body = { status: "resolved", note: "Contractregister in gebruik.", version: 0 };
      expect((await put("owner", path, body)).statusCode).toBe(403);
      const response = await put("editor", path, body);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        finding: "inkoop",
        period: "2025-10",
        status: "resolved",
        note: "Contractregister in gebruik.",
        version: 1,
      });
      expect((await view()).findings?.[0]).toMatchObject({
        state: "resolved",
        overdue: false,
        version: 1,
      });
      expect(await audited("update-finding-progress")).toEqual([
        {
          actor: ACCOUNTS.editor.email,
          key: `${PLAN}/inkoop/2025-10`,
          before: expect.objectContaining({ status: "open", version: 0 }),
          after: expect.objectContaining({ status: "resolved", version: 1 }),
        },
      ]);
      expect(await registerFile("findings.yaml")).toMatch(/^# ILLUSTRATION/);
    });

    it("refuses a stale version with the status as it now is, and a bad status", async () => {
      const stale = await put("editor", path, { status: "open", note: null, version: 0 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().current).toMatchObject({ status: "resolved", version: 1 });
      const bad = await put("editor", path, { status: "gesloten", note: null, version: 1 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe("status");
    });
  });

  describe("a measure's status and due date", () => {
    it("lets the measure's owner change it, and the risk's owner the risk's measures", async () => {
      const before = await view();
      const measure = before.findings?.[0]?.measures[0];
      expect(measure).toMatchObject({ title: OWNED_MEASURE, index: 0, version: 0, writable: true });
      const own = await put("owner", "/findings/inkoop/measures/0", {
        status: "done",
        due: null,
        version: 0,
      });
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json()).toMatchObject({ title: OWNED_MEASURE, status: "done", due: null });
      expect((await view()).findings?.[0]?.measures[0]).toMatchObject({
        status: "done",
        due: null,
        overdue: false,
        version: 1,
      });
      // The risk's measure is owned by someone else, but the risk is the owner's.
      const risk = await put("owner", `/risks/${OWNED_RISK}/measures/0`, {
        status: "in-progress",
        due: "2026-03-31",
        version: 0,
      });
      expect(risk.statusCode, risk.body).toBe(200);
      expect(await registerFile("risks.yaml")).toContain(
        "status: in-progress\n        due: 2026-03-31",
      );
      expect(await audited("update-measure")).toHaveLength(2);
    });

    it("refuses others' measures, unknown ones, a date that is none, and a stale version", async () => {
      const body = { status: "done", due: null, version: 0 };
      expect((await put("otherOwner", "/findings/inkoop/measures/0", body)).statusCode).toBe(403);
      expect((await put("owner", "/risks/personeel/measures/0", body)).statusCode).toBe(403);
      expect((await put("editor", "/risks/personeel/measures/3", body)).statusCode).toBe(404);
      expect((await put("editor", "/risks/geen/measures/0", body)).statusCode).toBe(404);
      const date = await put("editor", "/risks/personeel/measures/0", {
        ...body,
        due: "2025-02-30",
      });
      expect(date.statusCode).toBe(400);
      expect(date.json().errors).toEqual([
        {
          field: "due",
          message: expect.stringContaining('due "2025-02-30" is not a calendar date'),
        },
      ]);
      const stale = await put("owner", "/findings/inkoop/measures/0", body);
      expect(stale.statusCode).toBe(409);
      expect(stale.json().current).toMatchObject({ status: "done", version: 1 });
      expect((await view()).risks?.[0]?.measures[0]).toMatchObject({ status: "in-progress" });
    });
  });

  describe("an article's lawfulness figures", () => {
    const path = "/lawfulness/toeslag-klein/figures";

    it("are the editors' to change, written as given, and judged at once", async () => {
      const article = (await view("editor")).lawfulness?.find((a) => a.id === "toeslag-klein");
      expect(article).toMatchObject({ warning: true, version: 0, writable: true });
      expect((await put("owner", path, { ...FIGURES, version: 0 })).statusCode).toBe(403);
      const response = await put("editor", path, { ...FIGURES, version: 0 });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ receipts: "100000000.50", errors: "60000000" });
      const after = (await view()).lawfulness?.find((a) => a.id === "toeslag-klein");
      expect(after).toMatchObject({ warning: false, outlook: "within", version: 1 });
      expect(after?.figures).toMatchObject({ expenditure: "5000000000", uncertainties: "0" });
      expect(await registerFile("lawfulness.yaml")).toContain("receipts: 100000000.50");
      expect(await audited("update-lawfulness-figures")).toHaveLength(1);
    });

    it("refuses negative amounts by field, amounts in part and a stale version, saving nothing", async () => {
      const negative = await put("editor", path, {
        ...FIGURES,
        expenditure: "-5",
        errors: "-1",
        version: 1,
      });
      expect(negative.statusCode).toBe(400);
      expect(negative.json().errors).toEqual([
        { field: "expenditure", message: "-5 is negative: amounts are zero or more" },
        { field: "errors", message: "-1 is negative: amounts are zero or more" },
      ]);
      const words = await put("editor", path, { ...FIGURES, receipts: "veel", version: 1 });
      expect(words.json().errors[0].field).toBe("receipts");
      const part = await put("editor", path, { ...FIGURES, errors: null, version: 1 });
      expect(part.statusCode).toBe(400);
      expect(part.json().errors[0]).toMatchObject({
        field: "figures",
        message: expect.stringContaining("(missing errors)"),
      });
      const stale = await put("editor", path, { ...FIGURES, version: 0 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().current).toMatchObject({ errors: "60000000", version: 1 });
      expect(await audited("update-lawfulness-figures")).toHaveLength(1);
    });
  });

  describe("a register's narrative", () => {
    const path = "/registers/findings/narrative";

    it("is the editors' to write, rendered as the report renders it, and to remove", async () => {
      expect((await view()).narratives.findings).toMatchObject({ markdown: null, version: 0 });
      const text = "De bevinding is *opgelost*.\n\nHet register is in gebruik.";
      expect((await put("owner", path, { markdown: text, version: 0 })).statusCode).toBe(403);
      const response = await put("editor", path, { markdown: text, version: 0 });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        register: "findings",
        period: "2025-10",
        markdown: text,
        version: 1,
      });
      expect((await view()).narratives.findings?.html).toContain("<em>opgelost</em>");
      expect((await put("editor", path, { markdown: "x", version: 0 })).statusCode).toBe(409);
      const removed = await put("editor", path, { markdown: "  ", version: 1 });
      expect(removed.json()).toMatchObject({ markdown: null, version: 2 });
      expect(await registerFile("findings.yaml")).not.toContain("narrative");
      expect(
        (await put("editor", "/registers/overig/narrative", { markdown: "x", version: 0 }))
          .statusCode,
      ).toBe(400);
    });
  });

  it("refuses every change in a closed period, and a viewer everywhere", async () => {
    await store()
      .db.updateTable("periods")
      .set({ state: "closed" })
      .where("plan_id", "=", PLAN)
      .where("period_id", "=", "2025-04")
      .execute();
    const changes: [string, object][] = [
      ["/findings/inkoop/status", { status: "open", note: null, version: 0 }],
      ["/risks/personeel/measures/0", { status: "done", due: null, version: 0 }],
      ["/lawfulness/toeslag-klein/figures", { ...FIGURES, version: 0 }],
      ["/registers/risks/narrative", { markdown: "x", version: 0 }],
    ];
    for (const [path, body] of changes) {
      const closed = await put("editor", path, body, "2025-04");
      expect(closed.statusCode, path).toBe(409);
      expect(closed.json().lock).toMatchObject({ period: "2025-04", state: "closed" });
      expect((await put("viewer", path, body)).statusCode, path).toBe(403);
    }
  });
});
