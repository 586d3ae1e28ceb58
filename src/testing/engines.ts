/**
 * Runs a suite against every database engine: SQLite always, PostgreSQL when a server answers.
 * Without one, the PostgreSQL suites are skipped with one line, unless KOERS_REQUIRE_PG=1 (CI),
 * where they fail. Each suite gets an empty database of its own.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, it } from "vitest";
import { openStore, type Store, type StoreConfig } from "../store/open.js";
import { firstToAsk } from "./once.js";

export const PG_URL =
  process.env.KOERS_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether a PostgreSQL server answers at PG_URL, asked once per test file. */
export const pgAvailable = await postgresAnswers();

/** A fresh, empty database on `engine`, and how to drop it again. */
export async function freshConfig(
  engine: "sqlite" | "postgres",
): Promise<{ config: StoreConfig; drop: () => Promise<void> }> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "koers-db-"));
    return {
      config: { engine, file: join(dir, "koers.db") },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `koers_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return {
    config: { engine, url: PG_URL, schema, poolSize: 25 },
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

export interface EngineContext {
  readonly engine: "sqlite" | "postgres";
  /** The suite's store, opened before its tests and closed after. */
  store(): Store;
  config(): StoreConfig;
}

/** describe.each over the engines, with a store of its own per engine. */
export function describeEachEngine(name: string, fn: (context: EngineContext) => void): void {
  for (const engine of ["sqlite", "postgres"] as const) {
    if (engine === "postgres" && !pgAvailable) {
      if (process.env.KOERS_REQUIRE_PG === "1") {
        describe(`${name} [postgres]`, () => {
          it("has PostgreSQL to run on", () => {
            throw new Error(
              `PostgreSQL is required (KOERS_REQUIRE_PG=1) but ${PG_URL} does not answer`,
            );
          });
        });
      } else {
        if (firstToAsk("skip-postgres")) {
          process.stderr.write(
            `koers tests: PostgreSQL at ${PG_URL} does not answer — skipping the PostgreSQL suites (set KOERS_TEST_DATABASE_URL)\n`,
          );
        }
        describe.skipIf(true)(`${name} [postgres]`, () =>
          fn({
            engine,
            store: () => {
              throw new Error("skipped");
            },
            config: () => {
              throw new Error("skipped");
            },
          }),
        );
      }
      continue;
    }
    describe(`${name} [${engine}]`, () => {
      let store: Store | undefined;
      let config: StoreConfig | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const fresh = await freshConfig(engine);
        config = fresh.config;
        drop = fresh.drop;
        store = await openStore(config);
      });
      afterAll(async () => {
        await store?.close();
        await drop?.();
      });
      fn({
        engine,
        store: () => {
          if (!store) throw new Error("the store is not open yet");
          return store;
        },
        config: () => {
          if (!config) throw new Error("the store is not open yet");
          return config;
        },
      });
    });
  }
}
