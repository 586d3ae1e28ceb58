/**
 * Uploading realisations as CSV on every engine: all rows with versions and one audit entry
 * each, or, on any problem or a locked period, nothing at all.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { generateBundle } from "../../bench/generate.js";
import { readBundle } from "../bundle/read-bundle.js";
import { auditHead, verifyAudit } from "../store/audit.js";
import { importBundle } from "../store/plans.js";
import { describeEachEngine } from "../testing/engines.js";
import { LockedError, ValidationError } from "./errors.js";
import { closePeriod } from "./lifecycle.js";
import { uploadRealisations } from "./upload.js";

const PLAN = "toeslagen-2025";
const by = { actor: "eigenaar@example.org", at: "2026-11-03T10:00:00.000Z" };

describeEachEngine("uploading realisations", ({ store }) => {
  /** Rows as stored, in a fixed order, to compare the database before and after. */
  const rows = () =>
    store()
      .db.selectFrom("realisations")
      .selectAll()
      .where("plan_id", "=", PLAN)
      .orderBy("indicator_id")
      .orderBy("period_id")
      .execute();
  const row = (indicator: string, period: string) =>
    store()
      .db.selectFrom("realisations")
      .selectAll()
      .where("plan_id", "=", PLAN)
      .where("indicator_id", "=", indicator)
      .where("period_id", "=", period)
      .executeTakeFirstOrThrow();
  const auditSeq = async () =>
    Number(
      (
        await store()
          .db.selectFrom("audit_log")
          .select("seq")
          .orderBy("seq", "desc")
          .executeTakeFirst()
      )?.seq ?? 0,
    );

  beforeAll(async () => {
    await importBundle(store(), readBundle("examples/toeslagen-2025"), {
      actor: "adviseur@example.org",
      at: "2026-11-03T09:00:00.000Z",
    });
    await store()
      .db.deleteFrom("realisations")
      .where("indicator_id", "=", "kto-tevreden-telefonie")
      .execute();
  });

  it("writes every row in the Dutch dialect, a version up, with one audit entry per change", async () => {
    const before = await row("klachten-ontvangen", "2025-10");
    const seq = await auditSeq();
    const csv = [
      "indicator;period;value;source",
      "klachten-ontvangen;2025-10;1.301;Klachtenregistratie",
      "kto-tevreden-telefonie;2025-10;81,5%;Klanttevredenheidsonderzoek",
      "rechtmatige-toekenning;2025-10;n.v.t.;Rechtmatigheidsonderzoek 2025 (na jaarafsluiting)",
    ].join("\r\n");
    const result = await uploadRealisations(store(), PLAN, csv, by);
    expect(result).toMatchObject({ rows: 3, inserted: 1, updated: 1, unchanged: 1 });
    expect(result.changes).toHaveLength(2);
    expect(await row("klachten-ontvangen", "2025-10")).toMatchObject({
      value: "1301",
      source: "Klachtenregistratie",
      updated_by: by.actor,
    });
    expect(Number((await row("klachten-ontvangen", "2025-10")).version)).toBe(
      Number(before.version) + 1,
    );
    expect(await row("kto-tevreden-telefonie", "2025-10")).toMatchObject({ value: "81.5" });
    expect(Number((await row("kto-tevreden-telefonie", "2025-10")).version)).toBe(1);
    const audit = await store()
      .db.selectFrom("audit_log")
      .selectAll()
      .where("seq", ">", seq)
      .orderBy("seq")
      .execute();
    expect(audit.map((e) => [e.action, e.entity_key])).toEqual([
      ["upload-realisation", `${PLAN}/klachten-ontvangen/2025-10`],
      ["upload-realisation", `${PLAN}/kto-tevreden-telefonie/2025-10`],
    ]);
    expect(JSON.parse(audit[0]?.before ?? "null")).toMatchObject({ value: 1266 });
    expect(JSON.parse(audit[0]?.after ?? "null")).toMatchObject({ value: 1301 });
    expect(audit[1]?.before).toBeNull();
    expect(await verifyAudit(store().db)).toMatchObject({ ok: true });
  });

  it("writes nothing when rows are bad, and names every bad line", async () => {
    const before = await rows();
    const head = await auditHead(store().db);
    const csv = [
      "indicator,period,value",
      "klachten-ontvangen,2025-10,1400",
      "bestaat-niet,2025-10,3",
      "kto-tevreden-telefonie,2025-10,81,5",
      "klachten-ontvangen,2025-13,1400",
      "kto-tevreden-telefonie,2025-04,80",
    ].join("\n");
    const upload = uploadRealisations(store(), PLAN, csv, by);
    await expect(upload).rejects.toBeInstanceOf(ValidationError);
    const error = (await upload.catch((e: unknown) => e)) as ValidationError;
    expect(error.message).toBe("the upload has 3 problems; nothing was written");
    expect(error.fields.map((f) => f.field)).toEqual(["line 3", "line 4", "line 5"]);
    expect(error.fields[0]?.message).toMatch(/unknown indicator "bestaat-niet"/);
    expect(error.fields[1]?.message).toMatch(/has 4 fields where the header has 3/);
    expect(error.fields[2]?.message).toMatch(/unknown period "2025-13"/);
    expect(await rows()).toEqual(before);
    expect(await auditHead(store().db)).toBe(head);
  });

  it("refuses an upload into a closed period and writes none of its rows", async () => {
    await closePeriod(store(), PLAN, "2025-04", by);
    const before = await rows();
    const head = await auditHead(store().db);
    const csv =
      "indicator,period,value\nklachten-ontvangen,2025-10,1500\nkto-tevreden-telefonie,2025-04,80\n";
    const upload = uploadRealisations(store(), PLAN, csv, by);
    await expect(upload).rejects.toBeInstanceOf(LockedError);
    await expect(upload).rejects.toMatchObject({
      lock: { plan: PLAN, period: "2025-04", state: "closed" },
    });
    expect(await rows()).toEqual(before);
    expect(await auditHead(store().db)).toBe(head);
  });
  it("previews what a file would change and writes nothing", async () => {
    const db = store().db;
    const count = async () =>
      Number(
        (
          await db
            .selectFrom("audit_log")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const csv = "indicator,period,value\nproductieverstoringen,2025-10,7\n";
    const preview = await uploadRealisations(store(), PLAN, csv, by, { preview: true });
    expect(preview.changes).toEqual([
      expect.objectContaining({
        key: `${PLAN}/productieverstoringen/2025-10`,
        after: expect.objectContaining({ value: 7 }),
      }),
    ]);
    expect(await count()).toBe(before);
    const stored = await db
      .selectFrom("realisations")
      .select("value")
      .where("plan_id", "=", PLAN)
      .where("indicator_id", "=", "productieverstoringen")
      .where("period_id", "=", "2025-10")
      .executeTakeFirstOrThrow();
    expect(stored.value).not.toBe("7");
  });
});

describeEachEngine("a large upload", ({ store }) => {
  it("writes 5,000 rows in one transaction, each with its audit entry", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "koers-upload-")), "bundle");
    const generated = generateBundle(dir, { groups: 5, subgroups: 5, indicatorsPerSubgroup: 20 });
    const bundle = readBundle(dir);
    await importBundle(store(), { ...bundle, realisations: [] }, by);
    const lines = readFileSync(join(dir, "realisations.csv"), "utf8").split("\n");
    const csv = lines.slice(0, 5001).join("\n");
    const started = performance.now();
    const result = await uploadRealisations(store(), generated.planId, csv, by);
    const seconds = (performance.now() - started) / 1000;
    expect(result).toMatchObject({ rows: 5000, inserted: 5000, updated: 0, unchanged: 0 });
    process.stdout.write(`upload of 5,000 rows: ${seconds.toFixed(2)} s\n`);
    const count = await store()
      .db.selectFrom("realisations")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(5000);
    expect(await verifyAudit(store().db)).toMatchObject({ ok: true, entries: 5001 });
  }, 60_000);
});
