/** A whole query's named parameters (`:from`, `:until`, `:year`, `:period`) as literals. */
import type { SqlParameter } from "../domain/computation.js";
import type { Period, Plan } from "../domain/plan.js";
import type { SqlDialect } from "./dialect.js";

/** Not after another colon or a word character: `x::date` and `a:b` stay as they are. */
const PARAMETER = /(?<![:\w]):(from|until|year|period)\b/g;

export function boundSql(
  dialect: SqlDialect,
  sql: string,
  at: { plan: Plan; period: Period },
): string {
  const values: Record<SqlParameter, string> = {
    from: dialect.dateLiteral({ year: at.plan.year, month: 1, day: 1 }),
    until: dialect.dateLiteral(at.period.until),
    year: String(at.plan.year),
    period: dialect.stringLiteral(at.period.id),
  };
  return sql.replace(PARAMETER, (_, name: SqlParameter) => values[name]);
}
