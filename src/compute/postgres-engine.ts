/**
 * PostgreSQL, where the data lives: each query runs in a read-only transaction with a statement
 * time limit, as a role that may read the sources, and only after its plan has been checked to
 * read no table but the declared ones.
 */
import pg from "pg";
import type { DataSource } from "../domain/computation.js";
import type { ResolvedSource } from "./engine.js";
import { type ComputeEngine, EngineError, type QueryResult, withSources } from "./engine.js";
import { PostgresDialect } from "./postgres-dialect.js";
import { statutoryTermsSql } from "./statutory-sql.js";

export interface PostgresOptions {
  readonly url: string;
  /** The role the queries run as (SET ROLE); needed when the connecting user is a superuser. */
  readonly role?: string;
  /** Where the statutory-term functions are kept. */
  readonly schema?: string;
}

export class PostgresEngine implements ComputeEngine {
  readonly name = "postgres" as const;
  readonly dialect = new PostgresDialect();
  private sources: readonly ResolvedSource[] = [];
  private readonly schema: string;

  private constructor(
    private readonly client: pg.Client,
    private readonly options: PostgresOptions,
  ) {
    this.schema = options.schema ?? "koers";
  }

  static async open(options: PostgresOptions): Promise<PostgresEngine> {
    const client = new pg.Client({ connectionString: options.url });
    await client.connect();
    const engine = new PostgresEngine(client, options);
    await engine.checkRole();
    return engine;
  }

  /** A superuser can read the server's files from SQL; definitions must run as a lesser role. */
  private async checkRole(): Promise<void> {
    const { role } = this.options;
    const result = await this.client.query<{ super: boolean }>(
      "SELECT rolsuper AS super FROM pg_roles WHERE rolname = $1",
      [role ?? (await this.client.query<{ u: string }>("SELECT current_user AS u")).rows[0]?.u],
    );
    const row = result.rows[0];
    if (!row) throw new EngineError("postgres", `role "${role}" does not exist`);
    if (row.super) {
      throw new EngineError(
        "postgres",
        `definitions do not run as a superuser, who can read any file of the server; set KOERS_COMPUTE_ROLE to a role that may only read the sources${role ? ` (${role} is a superuser)` : ""}`,
      );
    }
  }

  async version(): Promise<string> {
    const result = await this.client.query<{ v: string }>(
      "SELECT current_setting('server_version') AS v",
    );
    return `PostgreSQL ${result.rows[0]?.v ?? "unknown"}`;
  }

  resolve(source: DataSource): ResolvedSource {
    if (source.table === undefined) {
      throw new EngineError(
        "postgres",
        `source "${source.name}" names a file (${source.path}) but no table; PostgreSQL reads tables (table)`,
      );
    }
    return {
      name: source.name,
      files: [],
      table: source.table,
      relation: this.dialect.tableRelation(source.table),
    };
  }

  async attach(
    sources: readonly ResolvedSource[],
    years: { from: number; to: number },
  ): Promise<void> {
    for (const source of sources) {
      const found = await this.client.query<{ r: string | null }>("SELECT to_regclass($1) AS r", [
        source.table,
      ]);
      if (!found.rows[0]?.r)
        throw new EngineError(
          "postgres",
          `source "${source.name}": table ${source.table} does not exist`,
        );
    }
    await this.client.query("BEGIN");
    try {
      for (const statement of statutoryTermsSql("postgres", years, { schema: this.schema })) {
        await this.client.query(statement);
      }
      await this.client.query("COMMIT");
    } catch (error) {
      await this.client.query("ROLLBACK");
      throw error;
    }
    this.sources = sources;
  }

  async query(sql: string, names: readonly string[], timeoutMs: number): Promise<QueryResult> {
    const wrapped = withSources(sql, names, this.sources, (n) => this.dialect.quoteIdentifier(n));
    const started = performance.now();
    await this.client.query("BEGIN READ ONLY");
    try {
      await this.client.query(
        `SET LOCAL statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`,
      );
      await this.client.query(
        "SELECT set_config('search_path', current_setting('search_path') || ', ' || $1, true)",
        [this.schema],
      );
      if (this.options.role)
        await this.client.query(
          `SET LOCAL ROLE ${this.dialect.quoteIdentifier(this.options.role)}`,
        );
      await this.checkRelations(wrapped, names);
      const result = await this.client.query({ text: wrapped });
      return {
        rows: result.rows as Record<string, unknown>[],
        sql: wrapped,
        ms: performance.now() - started,
      };
    } catch (error) {
      if (error instanceof EngineError) throw error;
      throw new EngineError("postgres", error instanceof Error ? error.message : String(error));
    } finally {
      await this.client.query("ROLLBACK");
    }
  }

  /** Refuses a query whose plan reads a table that is not a declared source. */
  private async checkRelations(sql: string, names: readonly string[]): Promise<void> {
    const plan = await this.client.query<{ "QUERY PLAN": unknown }>({
      text: `EXPLAIN (VERBOSE, FORMAT JSON) ${sql}`,
    });
    const read = new Set<string>();
    collectRelations(plan.rows[0]?.["QUERY PLAN"], read);
    const allowed = new Set<string>();
    for (const source of this.sources.filter((s) => names.includes(s.name))) {
      const table = source.table ?? "";
      allowed.add(table);
      allowed.add(table.split(".").at(-1) ?? table);
    }
    allowed.add(`${this.schema}.koers_holidays`);
    const other = [...read].filter(
      (r) => !allowed.has(r) && !allowed.has(r.split(".").at(-1) ?? r),
    );
    if (other.length) {
      throw new EngineError(
        "postgres",
        `the query reads ${other.join(", ")}, which is not a declared source`,
      );
    }
  }

  async rowCount(source: string): Promise<number> {
    const { rows } = await this.query(
      `SELECT count(*) AS n FROM ${this.dialect.quoteIdentifier(source)}`,
      [source],
      600_000,
    );
    return Number(rows[0]?.n);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

function collectRelations(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRelations(item, into);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const record = node as Record<string, unknown>;
  const relation = record["Relation Name"];
  if (typeof relation === "string") {
    const schema = record.Schema;
    into.add(typeof schema === "string" ? `${schema}.${relation}` : relation);
  }
  for (const value of Object.values(record)) collectRelations(value, into);
}
