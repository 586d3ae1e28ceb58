/** The period life cycle and CSV upload through the API, on every engine. */
import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../testing/engines.js";
import { ACCOUNTS, OWNED, PLAN, seed, signInCookie, testConfig } from "../testing/server.js";
import { buildServer } from "./server.js";

describeEachEngine("periods and uploads over HTTP", ({ store, config }) => {
  let app: FastifyInstance;
  let editor: string;
  let admin: string;
  beforeAll(async () => {
    await seed(store());
    app = buildServer(testConfig(config()), store());
    editor = await signInCookie(app, ACCOUNTS.editor.email);
    admin = await signInCookie(app, ACCOUNTS.admin.email);
  });
  afterAll(() => app?.close());

  const upload = (csv: string) =>
    app.inject({
      method: "POST",
      url: `/api/plans/${PLAN}/realisations`,
      headers: { cookie: editor, "content-type": "text/csv" },
      payload: csv,
    });
  const figure = async (indicator: string) =>
    (
      await app.inject({
        url: `/api/plans/${PLAN}/realisations/${indicator}/2025-10`,
        headers: { cookie: editor },
      })
    ).json();

  it("uploads every row of a valid file, in either dialect", async () => {
    const response = await upload(
      `indicator;period;value;source\n${OWNED};2025-10;3;Incidentregistratie\nklachten-ontvangen;2025-10;1.300;Klachtenregistratie\n`,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 2, updated: 2 });
    expect(await figure("klachten-ontvangen")).toMatchObject({ value: 1300, version: 2 });
  });

  it("writes nothing when any row is bad, and lists every problem by line", async () => {
    const before = await figure(OWNED);
    const response = await upload(
      `indicator,period,value\n${OWNED},2025-10,4\nonbekend,2025-10,1\n${OWNED},2025-13,2\nklachten-ontvangen,2025-10,veel\n`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const lines = (response.json().errors as { field: string }[]).map((e) => e.field);
    expect(lines).toEqual(["line 3", "line 4", "line 5"]);
    expect(await figure(OWNED)).toEqual(before);
  });

  it("locks a closed period, publishes it with checksums, and reopens it with a reason", async () => {
    const close = await app.inject({
      method: "POST",
      url: `/api/plans/${PLAN}/periods/2025-10/close`,
      headers: { cookie: editor },
    });
    expect(close.statusCode, close.body).toBe(200);
    const put = await app.inject({
      method: "PUT",
      url: `/api/plans/${PLAN}/realisations/${OWNED}/2025-10`,
      headers: { cookie: editor },
      payload: { value: 1, version: (await figure(OWNED)).version },
    });
    expect(put.statusCode).toBe(409);
    expect(put.json().lock).toEqual({ plan: PLAN, period: "2025-10", state: "closed" });

    const publish = await app.inject({
      method: "POST",
      url: `/api/plans/${PLAN}/periods/2025-10/publish`,
      headers: { cookie: editor },
    });
    expect(publish.statusCode, publish.body).toBe(200);
    const files = (
      await app.inject({
        url: `/api/plans/${PLAN}/periods/2025-10/published`,
        headers: { cookie: editor },
      })
    ).json() as {
      format: string;
      sha256: string;
    }[];
    expect(files.map((f) => f.format)).toEqual(
      expect.arrayContaining(["csv", "docx", "html", "md"]),
    );
    const html = await app.inject({
      url: `/api/plans/${PLAN}/periods/2025-10/published/html`,
      headers: { cookie: editor },
    });
    expect(createHash("sha256").update(html.rawPayload).digest("hex")).toBe(
      files.find((f) => f.format === "html")?.sha256,
    );
    expect(html.body).toMatch(/Controlegetal audittrail: [0-9a-f]{64}/);

    const noReason = await app.inject({
      method: "POST",
      url: `/api/plans/${PLAN}/periods/2025-10/reopen`,
      headers: { cookie: admin },
      payload: { reason: "" },
    });
    expect(noReason.statusCode).toBe(400);
    const reopen = await app.inject({
      method: "POST",
      url: `/api/plans/${PLAN}/periods/2025-10/reopen`,
      headers: { cookie: admin },
      payload: { reason: "een correctie van de eigenaar" },
    });
    expect(reopen.statusCode, reopen.body).toBe(200);
    expect(reopen.json()).toMatchObject({ state: "open" });
  });
});
