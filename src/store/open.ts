/** Opens the database an engine's configuration names, migrated to the current schema. */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect as KyselyPostgres, SqliteDialect as KyselySqlite } from "kysely";
import pg from "pg";
import type { Database } from "./database.js";
import { PostgresDialect, SqliteDialect, type StoreDialect } from "./dialect.js";
import { migrate } from "./migrations.js";

export type StoreConfig =
  | { readonly engine: "sqlite"; readonly file: string }
  | {
      readonly engine: "postgres";
      readonly url: string;
      /** A schema of its own (tests); the default is the database's search path. */
      readonly schema?: string;
      readonly poolSize?: number;
    };

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  close(): Promise<void>;
}

function openSqlite(file: string): Store {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file);
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 10000");
  const db = new Kysely<Database>({ dialect: new KyselySqlite({ database }) });
  return { db, dialect: new SqliteDialect(), close: () => db.destroy() };
}

function openPostgres(config: Extract<StoreConfig, { engine: "postgres" }>): Store {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new KyselyPostgres({ pool }) });
  return { db, dialect: new PostgresDialect(), close: () => db.destroy() };
}

export async function openStore(config: StoreConfig): Promise<Store> {
  const store = connect(config);
  await migrate(store.db as Kysely<unknown>, store.dialect);
  return store;
}

function connect(config: StoreConfig): Store {
  switch (config.engine) {
    case "sqlite":
      return openSqlite(config.file);
    case "postgres":
      return openPostgres(config);
    default: {
      const unknown: never = config;
      throw new Error(`no such engine: ${JSON.stringify(unknown)}`);
    }
  }
}
