/**
 * Runs a suite against both compute engines: DuckDB always, PostgreSQL when a server answers
 * (required with KOERS_REQUIRE_PG=1). Each suite gets a copy of a fixture bundle; on PostgreSQL
 * its CSV sources are loaded into tables of a schema of its own, read through a role that may
 * read only those tables.
 */
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, it } from "vitest";
import { DuckDbEngine } from "../compute/duckdb-engine.js";
import type { ComputeEngine } from "../compute/engine.js";
import { PostgresEngine } from "../compute/postgres-engine.js";
import { PG_URL, pgAvailable } from "./engines.js";

export interface ComputeContext {
  readonly engine: "duckdb" | "postgres";
  /** The suite's copy of the fixture bundle. */
  dir(): string;
  open(): Promise<ComputeEngine>;
}

/** Columns and types of the fixture's sources, to create them as tables. */
export type TableTypes = Readonly<Record<string, Readonly<Record<string, string>>>>;

const ROLE = "koers_compute_test";
const FIXTURE_SCHEMA = "koers_fixture";

export function describeEachComputeEngine(
  name: string,
  fixture: string,
  tables: TableTypes,
  fn: (context: ComputeContext) => void,
): void {
  describe(`${name} [duckdb]`, () => {
    let dir = "";
    beforeAll(() => {
      dir = copyFixture(fixture, FIXTURE_SCHEMA);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    fn({ engine: "duckdb", dir: () => dir, open: () => DuckDbEngine.open() });
  });
  if (!pgAvailable && process.env.KOERS_REQUIRE_PG !== "1") {
    process.stderr.write(
      `koers tests: PostgreSQL at ${PG_URL} does not answer — skipping "${name} [postgres]"\n`,
    );
    return;
  }
  describe(`${name} [postgres]`, () => {
    if (!pgAvailable) {
      it("has PostgreSQL to run on", () => {
        throw new Error(
          `PostgreSQL is required (KOERS_REQUIRE_PG=1) but ${PG_URL} does not answer`,
        );
      });
      return;
    }
    const schema = `koers_compute_${randomBytes(5).toString("hex")}`;
    const terms = `${schema}_terms`;
    let dir = "";
    beforeAll(async () => {
      dir = copyFixture(fixture, schema);
      await loadTables(dir, schema, terms, tables);
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await admin(async (c) => {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.query(`DROP SCHEMA IF EXISTS ${terms} CASCADE`);
      });
    });
    fn({
      engine: "postgres",
      dir: () => dir,
      open: () => PostgresEngine.open({ url: PG_URL, role: ROLE, schema: terms }),
    });
  });
}

function copyFixture(fixture: string, schema: string): string {
  const dir = mkdtempSync(join(tmpdir(), "koers-compute-"));
  cpSync(fixture, dir, { recursive: true });
  const plan = join(dir, "plan.yaml");
  writeFileSync(plan, readFileSync(plan, "utf8").replaceAll(`${FIXTURE_SCHEMA}.`, `${schema}.`));
  return dir;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The fixture's CSV files as tables, and a role that may read them and call the term functions. */
async function loadTables(
  dir: string,
  schema: string,
  terms: string,
  tables: TableTypes,
): Promise<void> {
  await admin(async (c) => {
    await c.query(
      `DO $$ BEGIN CREATE ROLE ${ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
    );
    for (const s of [schema, terms]) {
      await c.query(`CREATE SCHEMA ${s}`);
      await c.query(`GRANT USAGE ON SCHEMA ${s} TO ${ROLE}`);
      await c.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT ON TABLES TO ${ROLE}`);
    }
    for (const [table, columns] of Object.entries(tables)) {
      const names = Object.keys(columns);
      await c.query(
        `CREATE TABLE ${schema}.${table} (${names.map((n) => `${n} ${columns[n]}`).join(", ")})`,
      );
      const [header = "", ...lines] = readFileSync(join(dir, "data", `${table}.csv`), "utf8")
        .trim()
        .split("\n");
      const order = header.split(",");
      for (const line of lines) {
        const cells = line.split(",");
        const values = names.map((n) => {
          const cell = cells[order.indexOf(n)] ?? "";
          return cell === "" ? null : cell;
        });
        await c.query(
          `INSERT INTO ${schema}.${table} (${names.join(", ")}) VALUES (${names.map((_, i) => `$${i + 1}`).join(", ")})`,
          values,
        );
      }
    }
  });
}
