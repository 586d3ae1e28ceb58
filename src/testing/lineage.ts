/**
 * A copy of the small compute fixture with figures and a lineage.json written by hand, for the
 * tests of the report's lineage appendix that need no engine. The lineage is made up but has
 * the shape `koers compute --write` gives it.
 */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LineageEntry, lineageJson } from "../bundle/lineage-file.js";

export const SMALL_FIXTURE = fileURLToPath(new URL("../compute/fixtures/small", import.meta.url));

export const SHA_COMPLAINTS = "751b1160ca2efd78a6b420e1cff58f407ba0ada9b736505fc4fdb14a5bb2ad59";

/** The query of the complaints source, which its figures share, and a whole query of one. */
export const SQL_COMPLAINTS =
  "SELECT count(*) AS c1, count(*) AS c2, count(*) AS c5 FROM complaints";
export const SQL_SERIOUS = "select count(*) as value from complaints where serious";
const SQL_SURVEY = "SELECT count(*) AS c3, count(*) AS c4 FROM koers.survey";

/** A figure's lineage, read from the bundle's complaints.csv unless `overrides` says otherwise. */
export function entry(
  dir: string,
  indicator: string,
  period: string,
  value: string | null,
  overrides: Partial<LineageEntry> = {},
): LineageEntry {
  return {
    indicator,
    period,
    value,
    engine: "duckdb",
    engineVersion: "v1.5.6",
    sql: SQL_COMPLAINTS,
    columns: { value: "c2" },
    sources: [
      {
        name: "complaints",
        files: [
          {
            path: join(dir, "data", "complaints.csv"),
            bytes: 1406,
            modified: "2026-01-05T08:00:00.000Z",
            sha256: SHA_COMPLAINTS,
          },
        ],
        rows: 1208,
      },
    ],
    ms: 12,
    computedAt: "2026-01-05T09:00:00.000Z",
    ...overrides,
  };
}

/** The figures of realisations.csv; `vastgesteld` differs from its lineage, as if changed by hand. */
const REALISATIONS = `indicator,period,value
klachten-ontvangen,2025-04,3
klachten-ontvangen,2025-10,6
klachten-binnen-termijn,2025-10,66.7
klachten-ernstig,2025-10,2
tevreden,2025-10,33.33
vastgesteld,2025-10,70
`;

function lineageOf(dir: string): LineageEntry[] {
  return [
    entry(dir, "klachten-ernstig", "2025-10", "2", {
      sql: SQL_SERIOUS,
      columns: { value: "value" },
    }),
    entry(dir, "klachten-ontvangen", "2025-04", "3", { columns: { value: "c1" } }),
    entry(dir, "klachten-ontvangen", "2025-10", "6"),
    entry(dir, "klachten-binnen-termijn", "2025-10", "66.7", {
      columns: { numerator: "c5", denominator: "c6" },
    }),
    entry(dir, "tevreden", "2025-10", "33.33", {
      engine: "postgres",
      engineVersion: "16.4",
      sql: SQL_SURVEY,
      columns: { numerator: "c3", denominator: "c4" },
      sources: [{ name: "survey", table: "koers.survey", files: [], rows: 13 }],
    }),
    entry(dir, "vastgesteld", "2025-10", "66.67", { sql: "SELECT 1" }),
  ];
}

/**
 * The bundle's folder. `lineage`: the text of lineage.json (a function of the folder, for
 * absolute paths), or null for none.
 */
export function lineageBundle(
  lineage: ((dir: string) => string) | null = (dir) => lineageJson(lineageOf(dir)),
): string {
  const dir = mkdtempSync(join(tmpdir(), "koers-lineage-"));
  cpSync(SMALL_FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, "realisations.csv"), REALISATIONS);
  if (lineage) writeFileSync(join(dir, "lineage.json"), lineage(dir));
  return dir;
}
