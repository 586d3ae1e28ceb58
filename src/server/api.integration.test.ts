/** The API on every engine: evaluations, versions, reports, its description and headers. */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, koers } from "../testing/cli.js";
import { describeEachEngine } from "../testing/engines.js";
import { ACCOUNTS, OWNED, PLAN, seed, signInCookie, testConfig } from "../testing/server.js";
import { buildServer } from "./server.js";

const realisation = (indicator: string, period: string) =>
  `/api/plans/${PLAN}/realisations/${indicator}/${period}`;

describeEachEngine("the API", ({ store, config }) => {
  let app: FastifyInstance;
  let cookie: string;

  beforeAll(async () => {
    ensureBuilt();
    await seed(store());
    app = buildServer(testConfig(config()), store());
    cookie = await signInCookie(app, ACCOUNTS.editor.email);
  }, 120_000);
  afterAll(() => app?.close());

  it("evaluates a period exactly as `koers evaluate --json`", async () => {
    const cli = koers("evaluate", "examples/toeslagen-2025", "--period", "2025-10", "--json");
    expect(cli.status).toBe(0);
    const response = await app.inject({
      url: `/api/plans/${PLAN}/periods/2025-10/evaluation`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(`${JSON.stringify(response.json(), null, 2)}\n`).toBe(cli.stdout);
  });

  describe("versions", () => {
    it("gives version 0 for a realisation not there yet, and creates it at version 0", async () => {
      await store()
        .db.deleteFrom("realisations")
        .where("indicator_id", "=", OWNED)
        .where("period_id", "=", "2025-04")
        .execute();
      const absent = await app.inject({ url: realisation(OWNED, "2025-04"), headers: { cookie } });
      expect(absent.json()).toMatchObject({ value: null, version: 0 });
      const created = await app.inject({
        method: "PUT",
        url: realisation(OWNED, "2025-04"),
        headers: { cookie },
        payload: { value: 4, version: 0 },
      });
      expect(created.statusCode).toBe(200);
      expect(created.json()).toMatchObject({
        value: 4,
        version: 1,
        updatedBy: ACCOUNTS.editor.email,
      });
    });

    it("answers a change with the new version, and a stale one with 409 and the current record", async () => {
      const put = (value: number | string, version: number) =>
        app.inject({
          method: "PUT",
          url: realisation(OWNED, "2025-04"),
          headers: { cookie },
          payload: { value, source: "Incidentregistratie", version },
        });
      const changed = await put(5, 1);
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ value: 5, version: 2, source: "Incidentregistratie" });
      const stale = await put(6, 1);
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({
        type: "urn:koers:problem:conflict",
        current: { value: 5, version: 2 },
      });
      const bad = await put("veel", 2);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual([{ field: "value", message: '"veel" is not a number' }]);
    });

    it("refuses a change in a period that is not open, naming the lock", async () => {
      const periods = store()
        .db.updateTable("periods")
        .where("plan_id", "=", PLAN)
        .where("period_id", "=", "2025-04");
      await periods.set({ state: "closed" }).execute();
      const locked = await app.inject({
        method: "PUT",
        url: realisation(OWNED, "2025-04"),
        headers: { cookie },
        payload: { value: 7, version: 2 },
      });
      await periods.set({ state: "open" }).execute();
      expect(locked.statusCode).toBe(409);
      expect(locked.json()).toMatchObject({
        type: "urn:koers:problem:locked",
        lock: { plan: PLAN, period: "2025-04", state: "closed" },
      });
    });
  });

  describe("reports", () => {
    const report = (format: string) =>
      app.inject({
        url: `/api/plans/${PLAN}/periods/2025-10/report?format=${format}`,
        headers: { cookie },
      });

    it.each([
      ["html", "text/html; charset=utf-8", undefined],
      ["md", "text/markdown; charset=utf-8", undefined],
      ["csv", "text/csv; charset=utf-8", `attachment; filename="${PLAN}-2025-10.csv"`],
      [
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        `attachment; filename="${PLAN}-2025-10.docx"`,
      ],
    ])("serves %s as %s", async (format, type, disposition) => {
      const response = await report(format);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe(type);
      expect(response.headers["content-disposition"]).toBe(disposition);
      expect(response.rawPayload.length).toBeGreaterThan(1000);
    });

    it("answers PDF without Chromium with a 503 problem", async () => {
      const chromium = process.env.KOERS_CHROMIUM;
      process.env.KOERS_CHROMIUM = "/nonexistent/chromium";
      const response = await report("pdf").finally(() => {
        if (chromium === undefined) delete process.env.KOERS_CHROMIUM;
        else process.env.KOERS_CHROMIUM = chromium;
      });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ type: "urn:koers:problem:unavailable" });
      expect(response.json().detail).toMatch(/PDF output needs Chromium/);
    });

    it("refuses a format it does not know", async () => {
      expect((await report("odt")).statusCode).toBe(400);
    });
  });

  describe("an indicator's page", () => {
    const indicator = (path: string) =>
      app.inject({ url: `/api/plans/${PLAN}/indicators/${path}`, headers: { cookie } });

    it("gives its definition, periods, explanations and chart in the language asked for", async () => {
      const response = await indicator("klachten-ontvangen?language=en");
      expect(response.statusCode).toBe(200);
      const page = response.json();
      expect(Object.keys(page).sort()).toEqual([
        "chart",
        "explanations",
        "indicator",
        "language",
        "periods",
        "plan",
      ]);
      expect(page.periods.map((p: { value: string }) => p.value)).toEqual(["434", "1,266"]);
      expect(page.periods[0].entry).toMatchObject({ version: 1, updatedBy: "test-setup" });
      expect(page.chart.svg).toMatch(/^<svg /);
    });

    it("answers 404 for an indicator the plan does not have, 400 for a language it does not know", async () => {
      const unknown = await indicator("onbekend");
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ type: "urn:koers:problem:not-found" });
      expect((await indicator("klachten-ontvangen?language=fr")).statusCode).toBe(400);
    });
  });

  describe("users and the audit trail", () => {
    it("lets an admin add a user, who can sign in; refuses a second one and a short password", async () => {
      const admin = await signInCookie(app, ACCOUNTS.admin.email);
      const add = (payload: object) =>
        app.inject({ method: "POST", url: "/api/users", headers: { cookie: admin }, payload });
      const user = { email: "Nieuw@Example.org", role: "owner", organisation: "Dienst Toeslagen" };
      const added = await add({ ...user, password: "een lang wachtwoord" });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toEqual({
        email: "nieuw@example.org",
        roles: [{ role: "owner", organisation: "dienst-toeslagen" }],
      });
      await signInCookie(app, "nieuw@example.org", "een lang wachtwoord");
      const again = await add({ ...user, password: "een ander wachtwoord" });
      expect(again.statusCode).toBe(409);
      expect(again.json().current).toEqual(added.json());
      const short = await add({ ...user, email: "kort@example.org", password: "kort" });
      expect(short.statusCode).toBe(400);
      expect(short.json().errors).toEqual([
        { field: "password", message: "must NOT have fewer than 12 characters" },
      ]);
    });

    it("pages through the audit trail, which records users without their password", async () => {
      const page = async (query: string) =>
        (await app.inject({ url: `/api/audit?${query}`, headers: { cookie } })).json().entries;
      const all = await page("limit=1000");
      expect(all.map((e: { seq: number }) => e.seq)).toEqual(
        all.map((_: unknown, i: number) => i + 1),
      );
      expect(await page("after=2&limit=3")).toEqual(all.slice(2, 5));
      const added = all.find((e: { entityKey: string }) => e.entityKey === "nieuw@example.org");
      expect(added).toMatchObject({ action: "add-user", actor: ACCOUNTS.admin.email });
      expect(JSON.stringify(all)).not.toMatch(/wachtwoord|scrypt|password/i);
    });
  });

  describe("the description", () => {
    it("is an OpenAPI document listing every route", async () => {
      const response = await app.inject({ url: "/api/openapi.json" });
      expect(response.statusCode).toBe(200);
      const document = JSON.parse(response.body);
      expect(document.openapi).toBe("3.1.0");
      expect(Object.keys(document.paths).sort()).toEqual([
        "/api/audit",
        "/api/markdown-preview",
        "/api/plans",
        "/api/plans/{plan}/diff",
        "/api/plans/{plan}/indicators/{indicator}",
        "/api/plans/{plan}/periods/{period}/check",
        "/api/plans/{plan}/periods/{period}/close",
        "/api/plans/{plan}/periods/{period}/dashboard",
        "/api/plans/{plan}/periods/{period}/evaluation",
        "/api/plans/{plan}/periods/{period}/explanations-due",
        "/api/plans/{plan}/periods/{period}/findings/{finding}/status",
        "/api/plans/{plan}/periods/{period}/findings/{item}/measures/{measure}",
        "/api/plans/{plan}/periods/{period}/lawfulness/{article}/figures",
        "/api/plans/{plan}/periods/{period}/publish",
        "/api/plans/{plan}/periods/{period}/published",
        "/api/plans/{plan}/periods/{period}/published/{format}",
        "/api/plans/{plan}/periods/{period}/realisations",
        "/api/plans/{plan}/periods/{period}/registers",
        "/api/plans/{plan}/periods/{period}/registers/{register}/narrative",
        "/api/plans/{plan}/periods/{period}/reopen",
        "/api/plans/{plan}/periods/{period}/report",
        "/api/plans/{plan}/periods/{period}/risks/{item}/measures/{measure}",
        "/api/plans/{plan}/periods/{period}/risks/{risk}/assessment",
        "/api/plans/{plan}/periods/{period}/tasks",
        "/api/plans/{plan}/periods/{period}/tasks/{subject}",
        "/api/plans/{plan}/periods/{period}/tasks/{subject}/{step}",
        "/api/plans/{plan}/realisations",
        "/api/plans/{plan}/realisations/{indicator}/{period}",
        "/api/session",
        "/api/users",
        "/api/users/{email}/blocked",
        "/api/users/{email}/password",
        "/api/users/{email}/roles",
        "/api/users/{email}/roles/{role}",
      ]);
      expect(Object.keys(document.paths["/api/session"]).sort()).toEqual(["delete", "get", "post"]);
      expect(
        document.paths["/api/plans/{plan}/realisations/{indicator}/{period}"].put.requestBody,
      ).toBeDefined();
    });

    it("is browsable at /api/docs", async () => {
      const response = await app.inject({ url: "/api/docs/" });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^text\/html/);
      expect(response.body).toMatch(/swagger/i);
    });
  });

  it("sends security headers with every answer", async () => {
    for (const url of ["/api/plans", "/api/session", "/api/openapi.json"]) {
      const response = await app.inject({ url, headers: { cookie } });
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["content-security-policy"]).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(response.headers["cache-control"]).toBe("no-store");
    }
  });
});
