/** SQL text both engines read alike: quoted names, literals. */
import type { CalendarDate } from "../domain/plan.js";

/** ANSI quoting, shared by both engines. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function stringLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function isoDateText({ year, month, day }: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** What both engines write alike: quoted names, literals, a value as a date. */
export abstract class StandardSql {
  quoteIdentifier(name: string): string {
    return quoteIdentifier(name);
  }

  dateLiteral(date: CalendarDate): string {
    return `DATE '${isoDateText(date)}'`;
  }

  stringLiteral(text: string): string {
    return stringLiteral(text);
  }

  asDate(expression: string): string {
    return `CAST((${expression}) AS DATE)`;
  }
}
