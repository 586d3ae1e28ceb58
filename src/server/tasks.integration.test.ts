/**
 * The explanation workflow over HTTP on every engine: who sees and may take which step, the
 * refusals as problems (400 for bad input, 403, 404, 409 with the task as it is), the due date, and a
 * preview that renders Markdown as the report does, raw HTML escaped.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../testing/engines.js";
import { ACCOUNTS, OWNED, PLAN, seed, signInCookie, testConfig } from "../testing/server.js";
import { buildServer } from "./server.js";

const PERIOD = "2025-10";
const tasks = `/api/plans/${PLAN}/periods/${PERIOD}/tasks`;

describeEachEngine("the explanation workflow's API", ({ store, config }) => {
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    await seed(store());
    app = buildServer(testConfig(config()), store());
    for (const name of ["owner", "otherOwner", "editor", "viewer"] as const) {
      cookies[name] = await signInCookie(app, ACCOUNTS[name].email);
    }
    const figure = await app.inject({
      method: "PUT",
      url: `/api/plans/${PLAN}/realisations/${OWNED}/${PERIOD}`,
      headers: { cookie: cookies.owner },
      payload: { value: 9, version: 1 },
    });
    expect(figure.statusCode).toBe(200);
  });
  afterAll(() => app?.close());

  const step = (who: string, name: string, payload: object, subject = OWNED) =>
    app.inject({
      method: "POST",
      url: `${tasks}/${subject}/${name}`,
      headers: { cookie: cookies[who] ?? "" },
      payload,
    });

  it("lists a task per exception with what the reader may do", async () => {
    const response = await app.inject({ url: tasks, headers: { cookie: cookies.owner } });
    expect(response.statusCode).toBe(200);
    const mine = response.json().find((t: { subject: string }) => t.subject === OWNED);
    expect(mine).toMatchObject({ state: "to-do", version: 0, mayWrite: true, mayReview: false });
    expect(mine).not.toHaveProperty("markdown");
  });

  it("gives one task with the figures beside it; 404 for what is no exception", async () => {
    const one = await app.inject({ url: `${tasks}/${OWNED}`, headers: { cookie: cookies.owner } });
    expect(one.json().row.cells.map((c: { value: string }) => c.value)).toEqual(["1", "9"]);
    const none = await app.inject({
      url: `${tasks}/klachten-ontvangen`,
      headers: { cookie: cookies.owner },
    });
    expect(none.statusCode).toBe(404);
    expect(none.json().detail).toMatch(/klachten-ontvangen is no exception in period 2025-10/);
  });

  it("refuses a viewer, another owner and an unknown step", async () => {
    expect((await step("viewer", "save", { version: 0, markdown: "x" })).statusCode).toBe(403);
    expect((await step("otherOwner", "save", { version: 0, markdown: "x" })).statusCode).toBe(403);
    expect((await step("owner", "publish", { version: 0 })).statusCode).toBe(400);
  });

  it("answers a stale version with 409 and the task as it is", async () => {
    expect((await step("owner", "save", { version: 0, markdown: "Eerste." })).statusCode).toBe(200);
    const stale = await step("owner", "save", { version: 0, markdown: "Ook eerste." });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ state: "draft", version: 1, markdown: "Eerste." });
  });

  it("walks submit, return with a comment (400 without), and approve", async () => {
    expect((await step("owner", "submit", { version: 1 })).json()).toMatchObject({
      state: "submitted",
    });
    expect((await step("editor", "return", { version: 2 })).statusCode).toBe(400);
    expect(
      (await step("editor", "return", { version: 2, comment: "Korter." })).json(),
    ).toMatchObject({
      state: "returned",
      comment: "Korter.",
    });
    await step("owner", "submit", { version: 3 });
    expect((await step("editor", "approve", { version: 4 })).json()).toMatchObject({
      state: "approved",
      version: 5,
    });
    const report = await app.inject({
      url: `/api/plans/${PLAN}/periods/${PERIOD}/report?format=md`,
      headers: { cookie: cookies.viewer },
    });
    expect(report.body).toContain("Eerste.");
  });

  it("lets an editor move the due date, and no one else", async () => {
    const url = `/api/plans/${PLAN}/periods/${PERIOD}/explanations-due`;
    const refused = await app.inject({
      method: "PUT",
      url,
      headers: { cookie: cookies.owner },
      payload: { date: "2025-11-20" },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await app.inject({
      method: "PUT",
      url,
      headers: { cookie: cookies.editor },
      payload: { date: "2025-11-31" },
    });
    expect(bad.statusCode).toBe(400);
    const moved = await app.inject({
      method: "PUT",
      url,
      headers: { cookie: cookies.editor },
      payload: { date: "2025-11-20" },
    });
    expect(moved.statusCode).toBe(204);
    const list = await app.inject({ url: tasks, headers: { cookie: cookies.viewer } });
    expect(new Set(list.json().map((t: { due: string }) => t.due))).toEqual(
      new Set(["2025-11-20"]),
    );
  });

  it("previews Markdown as the report renders it, escaping raw HTML", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/markdown-preview",
      headers: { cookie: cookies.owner },
      payload: { markdown: "**Negen**<script>alert(1)</script>" },
    });
    expect(response.json().html).toBe(
      "<p><strong>Negen</strong>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    );
    const anonymous = await app.inject({
      method: "POST",
      url: "/api/markdown-preview",
      payload: { markdown: "x" },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
