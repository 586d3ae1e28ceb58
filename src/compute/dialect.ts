/**
 * How to write SQL for an engine, kept apart from the drivers that run it. Both engines take
 * the same definitions; what differs between them is said here and nowhere else.
 */
import type { CalendarDate } from "../domain/plan.js";
import { DuckDbDialect } from "./duckdb-dialect.js";
import { PostgresDialect } from "./postgres-dialect.js";

export type EngineName = "duckdb" | "postgres";
export const ENGINES: readonly EngineName[] = ["duckdb", "postgres"];

export interface SqlDialect {
  readonly engine: EngineName;
  quoteIdentifier(name: string): string;
  dateLiteral(date: CalendarDate): string;
  stringLiteral(text: string): string;
  /** The expression's value as a calendar date. */
  asDate(expression: string): string;
  /** A date as ISO text (YYYY-MM-DD), whatever the session's date style. */
  isoDay(expression: string): string;
}

export function dialectFor(engine: EngineName): SqlDialect {
  switch (engine) {
    case "duckdb":
      return new DuckDbDialect();
    case "postgres":
      return new PostgresDialect();
    default: {
      const never: never = engine;
      throw new Error(`no SQL dialect for ${String(never)}`);
    }
  }
}
