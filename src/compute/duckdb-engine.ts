/**
 * DuckDB, embedded: reads the declared files where they lie. Once they are attached the engine
 * is locked: no other file can be read or written, and its settings cannot be changed back.
 */
import { dirname, isAbsolute, resolve } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { DataSource } from "../domain/computation.js";
import { DuckDbDialect } from "./duckdb-dialect.js";
import type { ResolvedSource } from "./engine.js";
import { type ComputeEngine, EngineError, type QueryResult, withSources } from "./engine.js";
import { sourceFiles } from "./source-files.js";
import { statutoryTermsSql } from "./statutory-sql.js";

export class DuckDbEngine implements ComputeEngine {
  readonly name = "duckdb" as const;
  readonly dialect = new DuckDbDialect();
  private sources: readonly ResolvedSource[] = [];

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(): Promise<DuckDbEngine> {
    const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
    return new DuckDbEngine(instance, await instance.connect());
  }

  async version(): Promise<string> {
    const reader = await this.connection.runAndReadAll("SELECT version() AS v");
    return String(reader.getRowObjects()[0]?.v ?? "unknown");
  }

  resolve(source: DataSource, bundleDir: string): ResolvedSource {
    if (source.path === undefined) {
      throw new EngineError(
        "duckdb",
        `source "${source.name}" names a table (${source.table}) but no file; DuckDB reads files (path)`,
      );
    }
    const files = sourceFiles(source.name, source.path, bundleDir);
    const pattern = isAbsolute(source.path) ? source.path : resolve(bundleDir, source.path);
    return { name: source.name, files, relation: this.dialect.fileRelation(pattern) };
  }

  async attach(
    sources: readonly ResolvedSource[],
    years: { from: number; to: number },
  ): Promise<void> {
    for (const statement of statutoryTermsSql("duckdb", years))
      await this.connection.run(statement);
    const files = sources.flatMap((s) => s.files);
    const directories = [...new Set(files.map((f) => `${dirname(f)}/`))];
    const list = (items: readonly string[]) =>
      `[${items.map((i) => this.dialect.stringLiteral(i)).join(", ")}]`;
    await this.connection.run(`SET allowed_paths = ${list(files)}`);
    // A pattern (`payments/*.parquet`) is listed through its directory.
    if (sources.some((s) => s.relation.includes("*"))) {
      await this.connection.run(`SET allowed_directories = ${list(directories)}`);
    }
    await this.connection.run("SET enable_external_access = false");
    await this.connection.run("SET lock_configuration = true");
    this.sources = sources;
  }

  async query(sql: string, names: readonly string[], timeoutMs: number): Promise<QueryResult> {
    const wrapped = withSources(sql, names, this.sources, (n) => this.dialect.quoteIdentifier(n));
    const started = performance.now();
    const timer = setTimeout(() => this.connection.interrupt(), timeoutMs);
    try {
      const statements = await this.connection.extractStatements(sql);
      if (statements.count !== 1) {
        throw new EngineError(
          "duckdb",
          `a definition is one query, but this holds ${statements.count} statements`,
        );
      }
      const reader = await this.connection.runAndReadAll(wrapped);
      return { rows: reader.getRowObjects(), sql: wrapped, ms: performance.now() - started };
    } catch (error) {
      if (error instanceof EngineError) throw error;
      const elapsed = performance.now() - started;
      const message = error instanceof Error ? error.message : String(error);
      throw new EngineError(
        "duckdb",
        elapsed >= timeoutMs
          ? `stopped after the time limit of ${timeoutMs / 1000} s (${message})`
          : message,
      );
    } finally {
      clearTimeout(timer);
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
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
