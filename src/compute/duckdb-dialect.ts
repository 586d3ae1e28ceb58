/** SQL as DuckDB reads it: files are read where they lie, through read_parquet and read_csv. */
import type { SqlDialect } from "./dialect.js";
import { StandardSql, stringLiteral } from "./sql-text.js";

export class DuckDbDialect extends StandardSql implements SqlDialect {
  readonly engine = "duckdb" as const;

  isoDay(expression: string): string {
    return `strftime(${expression}, '%Y-%m-%d')`;
  }

  /** The relation that reads a file source: Parquet or CSV, one file or a pattern. */
  fileRelation(path: string): string {
    const file = stringLiteral(path);
    return /\.csv$/i.test(path)
      ? `read_csv(${file}, header = true, auto_detect = true)`
      : `read_parquet(${file})`;
  }
}
