/** SQL text both engines read alike: quoted names, literals. */
import { isoDate } from "../domain/format.js";
import type { CalendarDate } from "../domain/plan.js";

/** ANSI quoting, shared by both engines. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function stringLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** What both engines write alike: quoted names, literals, a value as a date. */
export abstract class StandardSql {
  quoteIdentifier(name: string): string {
    return quoteIdentifier(name);
  }

  dateLiteral(date: CalendarDate): string {
    return `DATE '${isoDate(date)}'`;
  }

  stringLiteral(text: string): string {
    return stringLiteral(text);
  }

  asDate(expression: string): string {
    return `CAST((${expression}) AS DATE)`;
  }
}
