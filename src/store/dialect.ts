/**
 * How SQL is written for each engine, apart from the driver that runs it: the few places where
 * SQLite and PostgreSQL differ are here and nowhere else.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "./database.js";

export interface StoreDialect {
  readonly engine: "sqlite" | "postgres";
  /** The column type for bytes. */
  readonly binaryType: "blob" | "bytea";
  /**
   * Serialises writers for the rest of the transaction, so that the audit chain grows one
   * entry at a time and versions are checked against what is really there.
   */
  lockWriters(trx: Transaction<Database>): Promise<void>;
  /** A description of the engine and its version, for diagnostics. */
  version(db: Kysely<Database>): Promise<string>;
  /**
   * The schema Kysely's migration tables belong in. Unless told, Kysely takes them for present
   * when any schema has them, so a database shared with other schemas (or tests running side
   * by side, each in its own) would skip creating its own.
   */
  migrationSchema(db: Kysely<unknown>): Promise<string | undefined>;
}

/** The key of PostgreSQL's transaction-scoped advisory lock that serialises Koers's writers. */
const WRITER_LOCK = 7_343_711;

export class SqliteDialect implements StoreDialect {
  readonly engine = "sqlite";
  readonly binaryType = "blob";

  /** SQLite lets one writer at a time hold the database; the first write takes that lock. */
  async lockWriters(trx: Transaction<Database>): Promise<void> {
    await sql`update sign_in_failures set failures = failures where 0`.execute(trx);
  }

  async version(db: Kysely<Database>): Promise<string> {
    const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(db);
    return `SQLite ${rows[0]?.v}`;
  }

  /** SQLite has one schema per file. */
  async migrationSchema(): Promise<undefined> {
    return undefined;
  }
}

export class PostgresDialect implements StoreDialect {
  readonly engine = "postgres";
  readonly binaryType = "bytea";

  async lockWriters(trx: Transaction<Database>): Promise<void> {
    await sql`select pg_advisory_xact_lock(${WRITER_LOCK})`.execute(trx);
  }

  async version(db: Kysely<Database>): Promise<string> {
    const { rows } = await sql<{ v: string }>`select version() as v`.execute(db);
    return rows[0]?.v ?? "PostgreSQL";
  }

  async migrationSchema(db: Kysely<unknown>): Promise<string | undefined> {
    const { rows } = await sql<{ s: string | null }>`select current_schema() as s`.execute(db);
    return rows[0]?.s ?? undefined;
  }
}
