/**
 * A period's life cycle on every engine: closing locks its figures, publishing stores the
 * report files of that moment for good, with their SHA-256 and the audit head they carry, and
 * reopening needs a reason that the trail keeps.
 */
import JSZip from "jszip";
import { beforeAll, expect, it } from "vitest";
import { readBundle } from "../bundle/read-bundle.js";
import { findChromium } from "../report/pdf.js";
import { auditHead, verifyAudit } from "../store/audit.js";
import { importBundle } from "../store/plans.js";
import { describeEachEngine } from "../testing/engines.js";
import { ConflictError, LockedError, ValidationError } from "./errors.js";
import { closePeriod, publishPeriod, reopenPeriod } from "./lifecycle.js";
import { getPublished, publishedFile, sha256 } from "./publication.js";
import { updateRealisation } from "./realisations.js";

const PLAN = "toeslagen-2025";
const PERIOD = "2025-10";
/** The n-th minute of the test's day: every change has a time of its own. */
const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();
const advisor = (minute: number) => ({ actor: "adviseur@example.org", at: at(minute) });
const admin = (minute: number) => ({ actor: "beheerder@example.org", at: at(minute) });
const figure = (value: number, version: number) => ({
  planId: PLAN,
  indicatorId: "klachten-ontvangen",
  periodId: PERIOD,
  value,
  version,
});

describeEachEngine("the period life cycle", ({ store }) => {
  const lastEntry = () =>
    store().db.selectFrom("audit_log").selectAll().orderBy("seq", "desc").executeTakeFirstOrThrow();

  beforeAll(async () => {
    await importBundle(store(), readBundle("examples/toeslagen-2025"), advisor(0));
  });

  it("refuses to publish an open period, storing nothing", async () => {
    const head = await auditHead(store().db);
    const refused = publishPeriod(store(), PLAN, PERIOD, advisor(1), { chromium: null });
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toThrow(/is open: only a closed period can be published/);
    expect(await getPublished(store(), PLAN, PERIOD)).toEqual([]);
    expect(await auditHead(store().db)).toBe(head);
  });

  it("closes a period: a write is refused with a lock naming plan, period and state", async () => {
    expect(await closePeriod(store(), PLAN, PERIOD, advisor(2))).toMatchObject({
      state: "closed",
      changedBy: "adviseur@example.org",
      changedAt: at(2),
    });
    const write = updateRealisation(store(), figure(1300, 1), advisor(3));
    await expect(write).rejects.toBeInstanceOf(LockedError);
    await expect(write).rejects.toMatchObject({
      lock: { plan: PLAN, period: PERIOD, state: "closed" },
    });
    expect(await lastEntry()).toMatchObject({
      action: "close-period",
      entity_key: `${PLAN}/${PERIOD}`,
      before: JSON.stringify({ state: "open" }),
      after: JSON.stringify({ state: "closed" }),
    });
    await expect(closePeriod(store(), PLAN, PERIOD, advisor(3))).rejects.toThrow(
      /is closed: only an open period can be closed/,
    );
  });

  let published: Awaited<ReturnType<typeof getPublished>>;
  let head: string;

  it("publishes html, md, csv and docx with the SHA-256 of the stored bytes and the audit head", async () => {
    head = await auditHead(store().db);
    const publication = await publishPeriod(store(), PLAN, PERIOD, advisor(4), { chromium: null });
    expect(publication.status.state).toBe("published");
    expect(publication.withoutPdf).toMatch(/without PDF/);
    published = await getPublished(store(), PLAN, PERIOD);
    expect(published.map((f) => f.format).sort()).toEqual(["csv", "docx", "html", "md"]);
    for (const listed of published) {
      expect(listed).toMatchObject({ auditHead: head, publishedAt: at(4) });
      const file = await publishedFile(store(), PLAN, PERIOD, listed.format);
      expect(sha256(file.content)).toBe(listed.sha256);
      expect(file.content.length).toBe(listed.bytes);
    }
    expect(publication.files.map((f) => f.sha256).sort()).toEqual(
      published.map((f) => f.sha256).sort(),
    );
  });

  it("prints the audit head of the moment before its own entry in the html, md and docx", async () => {
    const text = async (format: string) =>
      Buffer.from((await publishedFile(store(), PLAN, PERIOD, format)).content).toString("utf8");
    expect(await text("html")).toContain(
      `<p>Controlegetal audittrail: ${head} (gepubliceerd 2 november 2026)</p>`,
    );
    expect(await text("md")).toContain(`Controlegetal audittrail: ${head}`);
    const docx = await JSZip.loadAsync(
      (await publishedFile(store(), PLAN, PERIOD, "docx")).content,
    );
    expect(await docx.file("word/document.xml")?.async("string")).toContain(head);
    const entry = await lastEntry();
    expect(entry).toMatchObject({ action: "publish-period", prev_hash: head });
    expect(JSON.parse(entry.after ?? "{}")).toMatchObject({ state: "published", auditHead: head });
    expect(await verifyAudit(store().db, head)).toMatchObject({ ok: true });
  });

  it("reopens only with a reason, which the period and the audit trail keep", async () => {
    for (const reason of ["", "   "]) {
      const refused = reopenPeriod(store(), PLAN, PERIOD, reason, admin(5));
      await expect(refused).rejects.toBeInstanceOf(ValidationError);
      await expect(refused).rejects.toMatchObject({ fields: [{ field: "reason" }] });
    }
    const reason = "Cijfer klachten bleek dubbel geteld";
    expect(await reopenPeriod(store(), PLAN, PERIOD, `  ${reason} `, admin(6))).toMatchObject({
      state: "open",
      reason,
      changedBy: "beheerder@example.org",
    });
    expect(await lastEntry()).toMatchObject({
      action: "reopen-period",
      actor: "beheerder@example.org",
      before: JSON.stringify({ state: "published" }),
      after: JSON.stringify({ state: "open", reason }),
    });
    await expect(reopenPeriod(store(), PLAN, PERIOD, reason, admin(7))).rejects.toThrow(
      /is open: only a closed or published period can be reopened/,
    );
  });

  it("never changes published files: later writes and a second publication only add rows", async () => {
    const before = await Promise.all(
      published.map((f) => publishedFile(store(), PLAN, PERIOD, f.format, f.publishedAt)),
    );
    await updateRealisation(store(), figure(1300, 1), advisor(8));
    await closePeriod(store(), PLAN, PERIOD, advisor(9));
    await publishPeriod(store(), PLAN, PERIOD, advisor(10), { chromium: null });
    const all = await getPublished(store(), PLAN, PERIOD);
    expect(all).toHaveLength(8);
    expect(all.slice(0, 4)).toEqual(published);
    const latest = await publishedFile(store(), PLAN, PERIOD, "csv");
    expect(latest.publishedAt).toBe(at(10));
    expect(Buffer.from(latest.content).toString("utf8")).toContain("1300");
    for (const file of before) {
      const again = await publishedFile(store(), PLAN, PERIOD, file.format, file.publishedAt);
      expect(Buffer.from(again.content).equals(Buffer.from(file.content))).toBe(true);
    }
    expect(await verifyAudit(store().db, head)).toMatchObject({ ok: true });
  });

  it("renders again when the database changes meanwhile: the head printed directly precedes the publication", async () => {
    await reopenPeriod(store(), PLAN, PERIOD, "Nog een correctie", admin(14));
    await closePeriod(store(), PLAN, PERIOD, advisor(15));
    const april = { ...figure(450, 1), periodId: "2025-04" };
    // The figure of another period is written while the report is being rendered.
    const [publication, written] = await Promise.all([
      publishPeriod(store(), PLAN, PERIOD, advisor(16), { chromium: null }),
      updateRealisation(store(), april, advisor(17)),
    ]);
    // Whichever committed first, the head the report carries is the entry just before the
    // publication: a figure written while it rendered made it render again.
    const entries = await store()
      .db.selectFrom("audit_log")
      .selectAll()
      .orderBy("seq", "desc")
      .limit(2)
      .execute();
    expect(entries.map((e) => e.action).sort()).toEqual(["publish-period", "update-realisation"]);
    expect(written.version).toBe(2);
    const publish = entries.find((e) => e.action === "publish-period");
    const printed = publish?.prev_hash;
    expect(publication.files.every((f) => f.auditHead === printed)).toBe(true);
    const html = (await publishedFile(store(), PLAN, PERIOD, "html")).content;
    expect(Buffer.from(html).toString("utf8")).toContain(`Controlegetal audittrail: ${printed}`);
  });

  it.skipIf(!findChromium())("stores a PDF too when Chromium is there", async () => {
    await closePeriod(store(), PLAN, "2025-04", advisor(18));
    const publication = await publishPeriod(store(), PLAN, "2025-04", advisor(19));
    expect(publication.withoutPdf).toBeNull();
    const pdf = await publishedFile(store(), PLAN, "2025-04", "pdf");
    expect(Buffer.from(pdf.content).subarray(0, 5).toString()).toBe("%PDF-");
    expect(sha256(pdf.content)).toBe(pdf.sha256);
  });
});
