/** SQL as PostgreSQL reads it: sources are tables or views of the database. */
import type { CalendarDate } from "../domain/plan.js";
import type { SqlDialect } from "./dialect.js";
import { isoDateText, quoteIdentifier, stringLiteral } from "./sql-text.js";

export class PostgresDialect implements SqlDialect {
  readonly engine = "postgres" as const;

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
    return `to_char(${expression}, 'YYYY-MM-DD')`;
  }

  asDate(expression: string): string {
    return `CAST((${expression}) AS DATE)`;
  }

  sourceView(name: string, relation: string): string {
    return `CREATE TEMP VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${relation}`;
  }

  /** A table named `schema.table` or `table`, each part quoted. */
  tableRelation(table: string): string {
    return table.split(".").map(quoteIdentifier).join(".");
  }
}
