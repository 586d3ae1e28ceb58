/** What the computation needs of an engine that runs SQL on source data. */
import type { DataSource } from "../domain/computation.js";
import { UserError } from "../domain/errors.js";
import type { EngineName, SqlDialect } from "./dialect.js";

/** A source as an engine reads it: a file pattern made absolute, or a table. */
export interface ResolvedSource {
  readonly name: string;
  /** Absolute paths of the files it reads; empty for a table. */
  readonly files: readonly string[];
  readonly table?: string;
  /** What the query reads in the FROM clause for this source. */
  readonly relation: string;
}

export interface QueryResult {
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  /** The statement as it ran, the sources' relations included. */
  readonly sql: string;
  readonly ms: number;
}

export interface ComputeEngine {
  readonly name: EngineName;
  readonly dialect: SqlDialect;
  version(): Promise<string>;
  /** Where this engine finds a declared source; a clear error when it cannot. */
  resolve(source: DataSource, bundleDir: string): ResolvedSource;
  /** Makes the sources (and only those) readable, and the statutory-term functions callable. */
  attach(sources: readonly ResolvedSource[], years: { from: number; to: number }): Promise<void>;
  /** Runs one query that reads the named sources (and only those), within the time limit. */
  query(sql: string, sources: readonly string[], timeoutMs: number): Promise<QueryResult>;
  /** The number of rows of a source. */
  rowCount(source: string): Promise<number>;
  close(): Promise<void>;
}

/** An engine's refusal or failure, with the engine's own message. */
export class EngineError extends UserError {
  constructor(
    readonly engine: EngineName,
    readonly engineMessage: string,
  ) {
    super(`${engine}: ${engineMessage}`);
  }
}

/** Wraps a query so that it reads the named sources, each under its own name, and no other. */
export function withSources(
  sql: string,
  names: readonly string[],
  attached: readonly ResolvedSource[],
  quote: (n: string) => string,
): string {
  const ctes = attached
    .filter((s) => names.includes(s.name))
    .map((s) => `${quote(s.name)} AS NOT MATERIALIZED (SELECT * FROM ${s.relation})`);
  return `WITH ${ctes.join(",\n")}\nSELECT * FROM (\n${sql}\n) AS q`;
}
