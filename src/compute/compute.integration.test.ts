/**
 * Computing the small fixture (src/compute/fixtures/small) on both engines. Every expected
 * figure was counted by hand from the fixture's CSV files; see the comments.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeBundle, writeComputed } from "../app/compute.js";
import { readLineage } from "../bundle/lineage-file.js";
import { readBundle } from "../bundle/read-bundle.js";
import { decimalToString } from "../domain/decimal.js";
import { describeEachComputeEngine } from "../testing/compute-engines.js";
import { SMALL_TABLES } from "./fixtures/small-tables.js";

const FIXTURE = new URL("./fixtures/small", import.meta.url).pathname;
const NOW = new Date("2026-01-05T09:00:00Z");

const EXPECTED: Record<string, Record<string, string | null>> = {
  // received in 2025 up to until: ids 1, 2, 3 by 30 April; 4, 5, 6 after (7 is from 2024).
  "klachten-ontvangen": { "2025-04": "3", "2025-10": "6" },
  // handled by until, within 6 weeks of receipt (10 with a committee, or the postponed date):
  // April: 1 and 7 in time → 2/2; October: 1, 3, 4, 7 in time, 2 (due 1 May) and 5 late → 4/6.
  "klachten-binnen-termijn": { "2025-04": "100.0", "2025-10": "66.7" },
  // compensation of the complaints received: 0 + 25.50 + 10.00; then + 0 + 100.00 + 0.
  "klachten-bedrag": { "2025-04": "35.5", "2025-10": "135.5" },
  // serious and received by until: 2; then 2 and 5.
  "klachten-ernstig": { "2025-04": "1", "2025-10": "2" },
  // the latest wave on or before until: 15 April (4 of 5 answers ≥ 4), 15 July (1 of 3).
  tevreden: { "2025-04": "80.00", "2025-10": "33.33" },
  // the 2024 cohort (6 allowances) settled by until: 1 of 6; then 4 of 6.
  vastgesteld: { "2025-04": "16.67", "2025-10": "66.67" },
};

describeEachComputeEngine(
  "computing indicators from source data",
  FIXTURE,
  SMALL_TABLES,
  (context) => {
    it("computes every defined indicator for every period, as counted by hand", async () => {
      const engine = await context.open();
      try {
        const figures = await computeBundle(readBundle(context.dir()), engine, {
          period: "all",
          timeoutMs: 30_000,
          now: NOW,
        });
        const got: Record<string, Record<string, string | null>> = {};
        for (const f of figures) {
          got[f.indicatorId] = {
            ...got[f.indicatorId],
            [f.periodId]: f.value && decimalToString(f.value),
          };
        }
        expect(got).toEqual(EXPECTED);
      } finally {
        await engine.close();
      }
    });

    it("scans each source once for all its indicators and periods, and keeps the lineage", async () => {
      const engine = await context.open();
      try {
        const figures = await computeBundle(readBundle(context.dir()), engine, {
          period: "2025-10",
          timeoutMs: 30_000,
          now: NOW,
        });
        const complaints = figures.filter((f) =>
          ["klachten-ontvangen", "klachten-binnen-termijn", "klachten-bedrag"].includes(
            f.indicatorId,
          ),
        );
        expect(new Set(complaints.map((f) => f.lineage.sql)).size).toBe(1);
        const [first] = complaints;
        expect(first?.lineage.engine).toBe(context.engine);
        expect(first?.lineage.engineVersion).toMatch(
          context.engine === "duckdb" ? /^v1\./ : /^PostgreSQL \d+/,
        );
        expect(first?.lineage.computedAt).toBe(NOW.toISOString());
        expect(first?.lineage.sources).toHaveLength(1);
        const source = first?.lineage.sources[0];
        expect(source?.rows).toBe(8);
        if (context.engine === "duckdb") {
          expect(source?.files[0]?.path).toBe(join(context.dir(), "data", "complaints.csv"));
          expect(source?.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
          expect(first?.lineage.sql).toContain("read_csv(");
        } else {
          expect(source?.table).toMatch(/^koers_compute_[0-9a-f]+\.complaints$/);
        }
      } finally {
        await engine.close();
      }
    });

    it("writes realisations.csv and lineage.json, and evaluates the computed figures", async () => {
      const engine = await context.open();
      try {
        const bundle = readBundle(context.dir());
        const figures = await computeBundle(bundle, engine, {
          period: "all",
          timeoutMs: 30_000,
          now: NOW,
        });
        writeComputed(bundle, figures);
      } finally {
        await engine.close();
      }
      const again = readBundle(context.dir());
      const row = again.realisations.find(
        (r) => r.indicatorId === "klachten-binnen-termijn" && r.periodId === "2025-10",
      );
      expect(row?.value).toEqual({ kind: "number", value: { units: 667n, scale: 1 } });
      expect(row?.source).toContain(`berekend met ${context.engine}`);
      const lineage = readLineage(context.dir());
      expect(lineage).toHaveLength(12);
      expect(lineage.find((l) => l.indicator === "tevreden" && l.period === "2025-04")?.value).toBe(
        "80.00",
      );
    });
  },
);

describe("the fixture", () => {
  it("has the complaint that decides the October share: received 20 March, handled 2 May", () => {
    const text = readFileSync(join(FIXTURE, "data", "complaints.csv"), "utf8");
    expect(text).toContain("2,2025-03-20,false,,2025-05-02");
    expect(existsSync(join(FIXTURE, "realisations.csv"))).toBe(false);
  });
});
