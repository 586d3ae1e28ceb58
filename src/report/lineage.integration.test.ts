/**
 * From source data to the report's appendix: the small fixture computed with DuckDB and
 * written as `koers compute --write` writes it, then reported, with the lineage it left.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport, renderReport } from "../app/report.js";
import { readBundle } from "../bundle/read-bundle.js";
import { computedSmallBundle } from "../testing/computed-bundle.js";

describe("the report of a computed bundle", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await computedSmallBundle();
  }, 60_000);

  it("ends with the appendix on the origin of every computed figure of the period", async () => {
    const bundle = readBundle(dir);
    const { model } = buildReport(bundle, "2025-10");
    const computed = bundle.lineage?.filter((e) => e.period === "2025-10") ?? [];
    expect(model.lineage?.figures.map((f) => f.indicatorId).sort()).toEqual(
      computed.map((e) => e.indicator).sort(),
    );
    // One query per source read with aggregates (complaints, survey, settlements), one whole query.
    expect(model.lineage?.queries).toHaveLength(4);

    const html = (await renderReport(model, "html")) as string;
    const { document } = parseHTML(html);
    const section = document.querySelector("main > section:last-of-type");
    expect(section?.querySelector("h2")?.textContent).toBe("Herkomst van de berekende cijfers");
    const complaints = readFileSync(join(dir, "data", "complaints.csv"));
    const sha256 = createHash("sha256").update(complaints).digest("hex");
    const hashes = [...(section?.querySelectorAll("code.sha256") ?? [])].map((c) => c.textContent);
    expect(hashes).toContain(sha256);
    expect(section?.textContent).toContain("data/complaints.csv");
    expect(section?.querySelector("pre > code")?.textContent).toMatch(/FROM "complaints"/);
  });

  it("has the appendix in the English Markdown report too", async () => {
    const { model } = buildReport(readBundle(dir), "2025-10", "en");
    const markdown = (await renderReport(model, "md")) as string;
    expect(markdown).toContain("## Origin of the computed figures");
    expect(markdown).toMatch(/Computed with: \*\*DuckDB v?\d/);
    expect(markdown).toContain("#### Query 1");
  });
});
