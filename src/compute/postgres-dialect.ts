/** SQL as PostgreSQL reads it: sources are tables or views of the database. */
import type { SqlDialect } from "./dialect.js";
import { quoteIdentifier, StandardSql } from "./sql-text.js";

export class PostgresDialect extends StandardSql implements SqlDialect {
  readonly engine = "postgres" as const;

  isoDay(expression: string): string {
    return `to_char(${expression}, 'YYYY-MM-DD')`;
  }

  /** A table named `schema.table` or `table`, each part quoted. */
  tableRelation(table: string): string {
    return table.split(".").map(quoteIdentifier).join(".");
  }
}
