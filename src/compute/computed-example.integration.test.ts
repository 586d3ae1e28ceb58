/**
 * The computed example (examples/toeslagen-2025-computed) on generated demo data: Koers's
 * figures equal an independent computation in plain TypeScript over the same rows
 * (demo-data/reference-figures.ts), and PostgreSQL gives the same figures as DuckDB.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeBundle } from "../app/compute.js";
import { readBundle } from "../bundle/read-bundle.js";
import { decimalToNumber } from "../domain/decimal.js";
import { indicatorsOf } from "../domain/plan.js";
import { PG_URL, pgAvailable } from "../testing/engines.js";
import { exampleFigures } from "./demo-data/example-figures.js";
import { generateDemoData } from "./demo-data/generate.js";
import { readDemoRows } from "./demo-data/read-rows.js";
import { STATUTORY_DEADLINES } from "./demo-data/statutory-deadlines.js";
import { DuckDbEngine } from "./duckdb-engine.js";
import type { ComputeEngine } from "./engine.js";
import { PostgresEngine } from "./postgres-engine.js";

const EXAMPLE = new URL("../../examples/toeslagen-2025-computed", import.meta.url).pathname;
const NOW = new Date("2026-01-05T09:00:00Z");
const UNTIL: Record<string, string> = { "2025-04": "2025-04-30", "2025-10": "2025-10-31" };

const root = mkdtempSync(join(tmpdir(), "koers-computed-example-"));
const bundleDir = join(root, "bundle");

beforeAll(async () => {
  cpSync(EXAMPLE, bundleDir, { recursive: true });
  await generateDemoData(join(bundleDir, "data"), { scale: 0.01, seed: 7 });
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function computed(
  engine: ComputeEngine,
  dir = bundleDir,
): Promise<Map<string, number | null>> {
  try {
    const figures = await computeBundle(readBundle(dir), engine, {
      period: "all",
      timeoutMs: 120_000,
      now: NOW,
    });
    return new Map(
      figures.map((f) => [`${f.indicatorId} ${f.periodId}`, f.value && decimalToNumber(f.value)]),
    );
  } finally {
    await engine.close();
  }
}

describe("the computed example at scale 0.01", () => {
  it("equals the figures computed in plain TypeScript over the same rows, to the figure's decimals", async () => {
    const koers = await computed(await DuckDbEngine.open());
    const rows = await readDemoRows(join(bundleDir, "data"));
    const decimals = new Map(
      indicatorsOf(readBundle(bundleDir).plan.nodes).map((i) => [i.id, i.decimals ?? 2]),
    );
    let compared = 0;
    for (const [period, until] of Object.entries(UNTIL)) {
      for (const [id, expected] of Object.entries(
        exampleFigures(rows, until, STATUTORY_DEADLINES),
      )) {
        const got = koers.get(`${id} ${period}`);
        expect(got, `${id} ${period}`).not.toBeNull();
        const places = decimals.get(id) ?? 2;
        expect(
          Math.abs((got ?? Number.NaN) - expected),
          `${id} ${period}: ${got} vs ${expected}`,
        ).toBeLessThanOrEqual(0.5 * 10 ** -places + 1e-9);
        compared++;
      }
    }
    expect(compared).toBe(40);
  }, 120_000);
});

describe.skipIf(!pgAvailable && process.env.KOERS_REQUIRE_PG !== "1")(
  "the computed example on PostgreSQL",
  () => {
    const schema = `koers_example_${process.pid}`;
    const role = "koers_compute_test";
    const tablesDir = join(root, "tables");

    beforeAll(async () => {
      cpSync(EXAMPLE, tablesDir, { recursive: true });
      await generateDemoData(join(tablesDir, "data"), { scale: 0.001, seed: 7 });
      await loadIntoPostgres(join(tablesDir, "data"), schema, role);
      // The same plan, each source also named as its table.
      const plan = join(tablesDir, "plan.yaml");
      writeFileSync(
        plan,
        readFileSync(plan, "utf8").replace(
          /path: data\/(\w+)\.parquet/g,
          `path: data/$1.parquet\n    table: ${schema}.$1`,
        ),
      );
    }, 300_000);

    afterAll(async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS ${schema}_terms CASCADE`);
      await client.end();
    });

    it("gives the same figures as DuckDB from the same generated rows", async () => {
      const duckdb = await computed(await DuckDbEngine.open(), tablesDir);
      const postgres = await computed(
        await PostgresEngine.open({ url: PG_URL, role, schema: `${schema}_terms` }),
        tablesDir,
      );
      expect(postgres.size).toBe(40);
      expect(Object.fromEntries(postgres)).toEqual(Object.fromEntries(duckdb));
    }, 180_000);
  },
);

const PG_TYPES: Record<string, string> = {
  BIGINT: "bigint",
  INTEGER: "integer",
  SMALLINT: "smallint",
  TINYINT: "smallint",
  VARCHAR: "text",
  DATE: "date",
  BOOLEAN: "boolean",
};

/** Every Parquet file of `dir` as a table of `schema`, readable by `role`. */
async function loadIntoPostgres(dir: string, schema: string, role: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const duck = await instance.connect();
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(
      `DO $$ BEGIN CREATE ROLE ${role} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
    );
    for (const s of [schema, `${schema}_terms`]) {
      await client.query(`CREATE SCHEMA ${s}`);
      await client.query(`GRANT USAGE ON SCHEMA ${s} TO ${role}`);
      await client.query(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT ON TABLES TO ${role}`,
      );
    }
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
      files: { name: string; file: string }[];
    };
    for (const { name, file } of manifest.files) {
      const relation = `read_parquet('${join(dir, file)}')`;
      const described = (
        await duck.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`)
      ).getRowObjects();
      const columns = described.map(
        (c) => [String(c.column_name), pgType(String(c.column_type))] as const,
      );
      await client.query(
        `CREATE TABLE ${schema}.${name} (${columns.map(([n, t]) => `${n} ${t}`).join(", ")})`,
      );
      const texts = columns.map(([n]) => `CAST(${n} AS VARCHAR) AS ${n}`).join(", ");
      const rows = (await duck.runAndReadAll(`SELECT ${texts} FROM ${relation}`)).getRows();
      for (let start = 0; start < rows.length; start += 20_000) {
        const batch = rows.slice(start, start + 20_000);
        const arrays = columns.map((_, i) =>
          batch.map((r) => (r[i] === null ? null : String(r[i]))),
        );
        const unnest = columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(", ");
        await client.query(`INSERT INTO ${schema}.${name} SELECT * FROM unnest(${unnest})`, arrays);
      }
    }
  } finally {
    await client.end();
    duck.closeSync();
    instance.closeSync();
  }
}

function pgType(duckType: string): string {
  return (
    PG_TYPES[duckType] ??
    (duckType.startsWith("DECIMAL") ? duckType.replace("DECIMAL", "numeric") : "text")
  );
}
