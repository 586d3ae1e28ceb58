/**
 * Bad input on every engine: broken JSON, wrong types, huge bodies and unknown ids are refused
 * with a problem; SQL and HTML in text fields are data, stored and returned exactly as sent.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../testing/engines.js";
import { ACCOUNTS, OWNED, PLAN, seed, signInCookie, testConfig } from "../testing/server.js";
import { buildServer } from "./server.js";

const URL = `/api/plans/${PLAN}/realisations/${OWNED}/2025-10`;

describeEachEngine("bad input", ({ store, config }) => {
  let app: FastifyInstance;
  let cookie: string;

  beforeAll(async () => {
    await seed(store());
    app = buildServer(testConfig(config()), store());
    cookie = await signInCookie(app, ACCOUNTS.editor.email);
  });
  afterAll(() => app?.close());

  const put = (payload: string, contentType = "application/json", url = URL) =>
    app.inject({
      method: "PUT",
      url,
      headers: { cookie, "content-type": contentType },
      payload,
    });

  const version = async () => (await app.inject({ url: URL, headers: { cookie } })).json().version;

  it("refuses malformed JSON with 400", async () => {
    const response = await put('{"value": 3, "version": ');
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
    expect(response.json()).toMatchObject({ status: 400, title: "Bad Request" });
  });

  it("refuses wrong types with 400 and every field that is wrong", async () => {
    const response = await put(JSON.stringify({ value: { n: 1 }, version: "1", colour: "red" }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: "urn:koers:problem:validation" });
    expect(response.json().errors).toEqual([
      { field: "colour", message: "is not allowed" },
      { field: "value", message: "must be number or string or null" },
      { field: "version", message: "must be integer" },
    ]);
  });

  it("refuses a missing field and a negative version", async () => {
    const response = await put(JSON.stringify({ version: -1 }));
    expect(response.json().errors).toEqual([
      { field: "value", message: "must have required property 'value'" },
      { field: "version", message: "must be >= 0" },
    ]);
  });

  it("refuses a form with 415, and plain text as a body that is no object", async () => {
    const form = await put("value=3&version=1", "application/x-www-form-urlencoded");
    expect(form.statusCode).toBe(415);
    const text = await put("value=3&version=1", "text/plain");
    expect(text.statusCode).toBe(400);
    expect(text.json().errors).toEqual([{ field: "body", message: "must be object" }]);
  });

  it("refuses a body over 1 MiB with 413, before reading it whole", async () => {
    const huge = JSON.stringify({ value: 3, source: "x".repeat(2 * 1024 * 1024), version: 1 });
    const response = await put(huge);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ type: "urn:koers:problem:too-large", status: 413 });
  });

  it.each([
    ["plan", `/api/plans/nope/realisations/${OWNED}/2025-10`, /no plan nope/],
    ["indicator", `/api/plans/${PLAN}/realisations/nope/2025-10`, /no indicator nope/],
    ["period", `/api/plans/${PLAN}/realisations/${OWNED}/2099-13`, /no period 2099-13/],
  ])("answers an unknown %s with 404, reading and writing", async (_, url, detail) => {
    const read = await app.inject({ url, headers: { cookie } });
    const written = await put(JSON.stringify({ value: 1, version: 1 }), "application/json", url);
    for (const response of [read, written]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().detail).toMatch(detail);
    }
  });

  it("answers unknown evaluations, reports and routes with 404", async () => {
    for (const url of [
      "/api/plans/nope/periods/2025-10/evaluation",
      `/api/plans/${PLAN}/periods/nope/evaluation`,
      `/api/plans/${PLAN}/periods/nope/report`,
      "/api/nothing-here",
    ]) {
      const response = await app.inject({ url, headers: { cookie } });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
  });

  it("stores SQL in a text field as text, and the table is still there", async () => {
    const sql = "'; drop table realisations; --";
    const response = await put(JSON.stringify({ value: 2, source: sql, version: await version() }));
    expect(response.statusCode).toBe(200);
    expect(response.json().source).toBe(sql);
    expect((await app.inject({ url: URL, headers: { cookie } })).json().source).toBe(sql);
    const rows = await store().db.selectFrom("realisations").select("plan_id").execute();
    expect(rows.length).toBeGreaterThan(40);
  });

  it("returns HTML in a text field verbatim as JSON, and escapes it in the report", async () => {
    const html = "<script>alert(1)</script>";
    const response = await put(
      JSON.stringify({ value: 2, source: html, version: await version() }),
    );
    expect(response.statusCode).toBe(200);
    const read = await app.inject({ url: URL, headers: { cookie } });
    expect(read.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(read.headers["x-content-type-options"]).toBe("nosniff");
    expect(read.body).toContain(`"source":"${html}"`);
    const report = await app.inject({
      url: `/api/plans/${PLAN}/periods/2025-10/report?format=html`,
      headers: { cookie },
    });
    expect(report.body).not.toContain(html);
    expect(report.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(report.headers["content-security-policy"]).toMatch(/^default-src 'none'/);
  });

  it("treats SQL in the sign-in e-mail address as an unknown address", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: "' or 1=1; --", password: "x" },
      remoteAddress: "192.0.2.200",
    });
    expect(response.statusCode).toBe(401);
  });

  it("refuses an unknown query parameter and a bad audit page", async () => {
    for (const url of [
      `/api/plans/${PLAN}/periods/2025-10/report?colour=red`,
      "/api/audit?after=-1",
    ]) {
      const response = await app.inject({ url, headers: { cookie } });
      expect(response.statusCode, url).toBe(400);
    }
  });
});
