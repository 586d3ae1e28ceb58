/**
 * Uploading realisations as an Excel workbook through the API, on every engine: a preview
 * writes nothing, a bad workbook changes nothing, a good one writes every row with its audit.
 */
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { auditHead, verifyAudit } from "../store/audit.js";
import { describeEachEngine } from "../testing/engines.js";
import {
  ACCOUNTS,
  OWNED,
  OWNED_BY_OTHER,
  PLAN,
  seed,
  signInCookie,
  testConfig,
} from "../testing/server.js";
import { XLSX_TYPE } from "./routes/upload.js";
import { buildServer } from "./server.js";

const HEADER = ["indicator", "period", "value", "source"];

async function workbook(rows: readonly (readonly ExcelJS.CellValue[])[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Blad1");
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describeEachEngine("uploading an Excel workbook over HTTP", ({ store, config }) => {
  let app: FastifyInstance;
  let editor: string;
  let owner: string;
  beforeAll(async () => {
    await seed(store());
    app = buildServer(testConfig(config()), store());
    editor = await signInCookie(app, ACCOUNTS.editor.email);
    owner = await signInCookie(app, ACCOUNTS.owner.email);
  });
  afterAll(() => app?.close());

  const upload = (payload: Buffer, { preview = false, cookie = editor } = {}) =>
    app.inject({
      method: "POST",
      url: `/api/plans/${PLAN}/realisations${preview ? "?preview=true" : ""}`,
      headers: { cookie, "content-type": XLSX_TYPE },
      payload,
    });
  /** Every stored figure of the plan and the audit trail's head, to see that nothing moved. */
  const snapshot = async () => ({
    rows: await store()
      .db.selectFrom("realisations")
      .selectAll()
      .where("plan_id", "=", PLAN)
      .orderBy("indicator_id")
      .orderBy("period_id")
      .execute(),
    head: await auditHead(store().db),
  });
  const figure = async (indicator: string) =>
    (
      await app.inject({
        url: `/api/plans/${PLAN}/realisations/${indicator}/2025-10`,
        headers: { cookie: editor },
      })
    ).json();

  const good = () =>
    workbook([
      HEADER,
      [OWNED, "2025-10", 5, "Incidentregistratie"],
      [],
      ["klachten-ontvangen", "2025-10", { formula: "1000+301", result: 1301 }, "Klachten"],
    ]);

  it("previews what a workbook would change and writes nothing", async () => {
    const before = await snapshot();
    const response = await upload(await good(), { preview: true });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 2, inserted: 0, updated: 2, unchanged: 0 });
    expect(response.json().changes).toEqual([
      expect.objectContaining({
        key: `${PLAN}/${OWNED}/2025-10`,
        before: expect.objectContaining({ value: 2 }),
        after: expect.objectContaining({ value: 5 }),
      }),
      expect.objectContaining({
        key: `${PLAN}/klachten-ontvangen/2025-10`,
        after: expect.objectContaining({ value: 1301 }),
      }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("changes nothing for a bad workbook, and lists every problem by sheet and row", async () => {
    const before = await snapshot();
    const response = await upload(
      await workbook([
        HEADER,
        [OWNED, "2025-10", 4],
        ["onbekend", "2025-10", 1],
        [],
        ["klachten-ontvangen", "2025-10", "veel"],
      ]),
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      type: "urn:koers:problem:validation",
      detail: "the upload has 2 problems; nothing was written",
    });
    expect(response.json().errors).toEqual([
      {
        field: "sheet Blad1, row 3",
        message: 'unknown indicator "onbekend" (column indicator): not in plan.yaml',
      },
      {
        field: "sheet Blad1, row 5",
        message: '"veel" is not a number (column value, indicator "klachten-ontvangen")',
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("answers bytes that are not a workbook with one problem, and changes nothing", async () => {
    const before = await snapshot();
    const response = await upload(Buffer.from(`indicator,period,value\n${OWNED},2025-10,4\n`));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      {
        field: "file",
        message: "not an Excel workbook (.xlsx): save it as one, or upload a CSV file",
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an owner's workbook that names another owner's indicator", async () => {
    const before = await snapshot();
    const response = await upload(
      await workbook([HEADER, [OWNED, "2025-10", 6], [OWNED_BY_OTHER, "2025-10", 1]]),
      { cookie: owner },
    );
    expect(response.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a body of any other type with 415", async () => {
    const response = await app.inject({
      method: "POST",
      url: `/api/plans/${PLAN}/realisations`,
      headers: { cookie: editor, "content-type": "text/plain" },
      payload: `indicator,period,value\n${OWNED},2025-10,4\n`,
    });
    expect(response.statusCode).toBe(415);
  });

  it("refuses a workbook over its limit with 413", async () => {
    const response = await upload(Buffer.alloc(9 * 1024 * 1024));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ type: "urn:koers:problem:too-large" });
  });

  it("writes every row of a good workbook, a version up, each change audited", async () => {
    const versionBefore = (await figure(OWNED)).version;
    const seq = Number(
      (
        await store()
          .db.selectFrom("audit_log")
          .select("seq")
          .orderBy("seq", "desc")
          .executeTakeFirstOrThrow()
      ).seq,
    );
    const response = await upload(await good());
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 2, inserted: 0, updated: 2, unchanged: 0 });
    expect(await figure(OWNED)).toMatchObject({
      value: 5,
      source: "Incidentregistratie",
      version: versionBefore + 1,
      updatedBy: ACCOUNTS.editor.email,
    });
    expect(await figure("klachten-ontvangen")).toMatchObject({ value: 1301 });
    const audit = await store()
      .db.selectFrom("audit_log")
      .selectAll()
      .where("seq", ">", seq)
      .orderBy("seq")
      .execute();
    expect(audit.map((e) => [e.actor, e.action, e.entity_key])).toEqual([
      [ACCOUNTS.editor.email, "upload-realisation", `${PLAN}/${OWNED}/2025-10`],
      [ACCOUNTS.editor.email, "upload-realisation", `${PLAN}/klachten-ontvangen/2025-10`],
    ]);
    expect(await verifyAudit(store().db)).toMatchObject({ ok: true });
  });

  it("describes both content types in the OpenAPI document", async () => {
    const document = (await app.inject({ url: "/api/openapi.json" })).json();
    const content = document.paths["/api/plans/{plan}/realisations"].post.requestBody?.content;
    expect(Object.keys(content ?? {}).sort()).toEqual([XLSX_TYPE, "text/csv"].sort());
  });
});
