/** The store on every engine: import and export, versions, locks and the audit chain. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { ConflictError, LockedError, ValidationError } from "../app/errors.js";
import { updateRealisation } from "../app/realisations.js";
import { readBundle } from "../bundle/read-bundle.js";
import { writeBundle } from "../bundle/write-bundle.js";
import { describeEachEngine } from "../testing/engines.js";
import { auditHead, GENESIS, verifyAudit } from "./audit.js";
import { importBundle, loadBundle, planIds } from "./plans.js";

const example = readBundle("examples/toeslagen-2025");
const by = { actor: "adviseur@example.org", at: "2026-11-01T09:00:00.000Z" };

function comparable(bundle: ReturnType<typeof readBundle>) {
  return {
    plan: bundle.plan,
    realisations: [...bundle.realisations].sort((a, b) =>
      `${a.indicatorId}${a.periodId}`.localeCompare(`${b.indicatorId}${b.periodId}`),
    ),
    explanations: bundle.explanations
      .map(({ file: _, ...e }) => e)
      .sort((a, b) =>
        `${a.periodId}${a.indicatorId}`.localeCompare(`${b.periodId}${b.indicatorId}`),
      ),
    sections: bundle.sections.map(({ file: _, ...s }) => s),
  };
}

describeEachEngine("the store", ({ store }) => {
  it("imports a bundle and exports the same plan, realisations, explanations and sections", async () => {
    await importBundle(store(), example, by);
    expect((await planIds(store().db)).map((p) => p.id)).toEqual(["toeslagen-2025"]);
    const dir = join(mkdtempSync(join(tmpdir(), "koers-export-")), "toeslagen-2025");
    writeBundle(await loadBundle(store().db, "toeslagen-2025"), dir);
    expect(comparable(readBundle(dir))).toEqual(comparable(example));
  });

  it("keeps the measurement history, the previous year's waves included, through the database and an export", async () => {
    const root = mkdtempSync(join(tmpdir(), "koers-history-"));
    const previous = join(root, "toeslagen-2024");
    mkdirSync(previous);
    for (const file of ["plan.yaml", "realisations.csv"]) {
      const text = readFileSync(join("examples/toeslagen-2025", file), "utf8");
      writeFileSync(join(previous, file), text.replaceAll("2025", "2024"));
    }
    const current = join(root, "toeslagen-2025");
    cpSync("examples/toeslagen-2025", current, { recursive: true });
    const planFile = join(current, "plan.yaml");
    writeFileSync(planFile, `previous: ../toeslagen-2024\n${readFileSync(planFile, "utf8")}`);
    writeFileSync(
      join(current, "history.csv"),
      "indicator,wave,value,sample_size,source\nburgertevredenheid-tevreden,Q2 2024,70,1200,Toeslagenmonitor\n",
    );
    const bundle = readBundle(current);
    const waves = (b: { plan: typeof bundle.plan }) =>
      (b.plan.history ?? []).map(({ name: _, ...m }) => m);
    expect(waves(bundle).length).toBeGreaterThan(20);
    await importBundle(store(), bundle, by, true);
    const stored = await loadBundle(store().db, "toeslagen-2025");
    expect(waves(stored)).toEqual(waves(bundle));
    const exported = join(root, "export");
    writeBundle(stored, exported);
    expect(readFileSync(join(exported, "plan.yaml"), "utf8")).not.toMatch(/^previous:/m);
    expect(waves(readBundle(exported))).toEqual(waves(bundle));
    await importBundle(store(), example, by, true);
  });

  it("refuses a second import of the same plan, and replaces it when asked", async () => {
    await expect(importBundle(store(), example, by)).rejects.toThrow(/already in the database/);
    await importBundle(store(), example, by, true);
    expect((await loadBundle(store().db, "toeslagen-2025")).realisations).toHaveLength(42);
  });

  it("updates a realisation at the version read, and refuses a stale version with the current record", async () => {
    const change = {
      planId: "toeslagen-2025",
      indicatorId: "burgerbelofte-1-ontevreden",
      periodId: "2025-10",
      value: 9.5,
      version: 1,
    };
    const after = await updateRealisation(store(), change, by);
    expect(after).toMatchObject({ value: 9.5, version: 2, updatedBy: by.actor });
    const stale = updateRealisation(store(), { ...change, value: 11 }, by);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ current: { value: 9.5, version: 2 } });
  });

  it("creates a realisation that was not there at version 0", async () => {
    const db = store().db;
    await db
      .deleteFrom("realisations")
      .where("indicator_id", "=", "productieverstoringen")
      .where("period_id", "=", "2025-10")
      .execute();
    const change = {
      planId: "toeslagen-2025",
      indicatorId: "productieverstoringen",
      periodId: "2025-10",
      value: "3",
      version: 0,
    };
    expect(await updateRealisation(store(), change, by)).toMatchObject({ value: 3, version: 1 });
  });

  it("reads a text value in Dutch notation when asked, and in English by default", async () => {
    const change = {
      planId: "toeslagen-2025",
      indicatorId: "klachten-ontvangen",
      periodId: "2025-04",
      value: "1.266",
      version: 1,
    };
    expect(
      await updateRealisation(store(), { ...change, notation: "nl" as const }, by),
    ).toMatchObject({ value: 1266, version: 2 });
    expect(await updateRealisation(store(), { ...change, version: 2 }, by)).toMatchObject({
      value: 1.266,
      version: 3,
    });
  });

  it("refuses a value the indicator cannot take, naming the field", async () => {
    const change = {
      planId: "toeslagen-2025",
      indicatorId: "productieverstoringen",
      periodId: "2025-10",
      value: "veel",
      version: 1,
    };
    await expect(updateRealisation(store(), change, by)).rejects.toBeInstanceOf(ValidationError);
    await expect(updateRealisation(store(), { ...change, value: "met" }, by)).rejects.toMatchObject(
      {
        fields: [{ field: "value", message: expect.stringContaining("no qualitative target") }],
      },
    );
  });

  it("refuses writes to a closed period", async () => {
    const db = store().db;
    await db
      .updateTable("periods")
      .set({ state: "closed" })
      .where("period_id", "=", "2025-04")
      .execute();
    const change = {
      planId: "toeslagen-2025",
      indicatorId: "productieverstoringen",
      periodId: "2025-04",
      value: 1,
      version: 1,
    };
    await expect(updateRealisation(store(), change, by)).rejects.toBeInstanceOf(LockedError);
    await db
      .updateTable("periods")
      .set({ state: "open" })
      .where("period_id", "=", "2025-04")
      .execute();
  });

  it("keeps an audit chain that verifies, and finds an entry altered in the database", async () => {
    const db = store().db;
    const intact = await verifyAudit(db);
    expect(intact).toMatchObject({ ok: true, entries: 8 });
    const head = await auditHead(db);
    expect(head).not.toBe(GENESIS);
    await sql`update audit_log set actor = ${"iemand-anders"} where seq = 3`.execute(db);
    expect(await verifyAudit(db)).toEqual({ ok: false, seq: 3, reason: "entry 3 was altered" });
  });
});
