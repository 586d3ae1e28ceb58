/** SQL as DuckDB reads it: files are read where they lie, through read_parquet and read_csv. */
import type { CalendarDate } from "../domain/plan.js";
import type { SqlDialect } from "./dialect.js";
import { isoDateText, quoteIdentifier, stringLiteral } from "./sql-text.js";

export class DuckDbDialect implements SqlDialect {
  readonly engine = "duckdb" as const;

  quoteIdentifier(name: string): string {
    return quoteIdentifier(name);
  }

  dateLiteral(date: CalendarDate): string {
    return `DATE '${isoDateText(date)}'`;
  }

  stringLiteral(text: string): string {
    return stringLiteral(text);
  }

  isoDay(expression: string): string {
    return `strftime(${expression}, '%Y-%m-%d')`;
  }

  asDate(expression: string): string {
    return `CAST((${expression}) AS DATE)`;
  }

  sourceView(name: string, relation: string): string {
    return `CREATE OR REPLACE TEMP VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${relation}`;
  }

  /** The relation that reads a file source: Parquet or CSV, one file or a pattern. */
  fileRelation(path: string): string {
    const file = stringLiteral(path);
    return /\.csv$/i.test(path)
      ? `read_csv(${file}, header = true, auto_detect = true)`
      : `read_parquet(${file})`;
  }
}
