/**
 * The queries for every figure that reads a source, one scan each: nearly all come from one
 * query grouped by day (day-query.ts); aggregates that cannot be added up over days (avg,
 * count distinct) for the year so far get a column of conditional aggregates
 * (`FILTER (WHERE …)`) per indicator and period, in a second query.
 */
import {
  type AggregateDefinition,
  type AggregateSpec,
  type PeriodRows,
  periodRows,
  type RowSelection,
} from "../domain/computation.js";
import type { Aggregation, Period } from "../domain/plan.js";
import { DayQuery } from "./day-query.js";
import type { SqlDialect } from "./dialect.js";

export interface SourceItem {
  readonly indicatorId: string;
  readonly aggregation: Aggregation;
  readonly definition: AggregateDefinition;
}

export type Role = "value" | "numerator" | "denominator";

export type { RowSelection };

export interface Part {
  readonly column: string;
  readonly fn: AggregateSpec["fn"];
  readonly rows: RowSelection;
}

export interface FigureParts {
  readonly indicatorId: string;
  readonly periodId: string;
  readonly parts: Partial<Record<Role, Part>>;
}

export interface SourceQuery {
  readonly source: string;
  readonly sql: string;
  readonly figures: readonly FigureParts[];
}

const ADDABLE: ReadonlySet<AggregateSpec["fn"]> = new Set(["count", "sum", "min", "max"]);

export function sourceQueries(
  dialect: SqlDialect,
  source: string,
  items: readonly SourceItem[],
  periods: readonly Period[],
  year: number,
): SourceQuery[] {
  const byDay = items.filter(groupsByDay);
  const rest = items.filter((i) => !groupsByDay(i));
  const relation = dialect.quoteIdentifier(source);
  return [
    ...(byDay.length ? [new DayQuery(dialect, periods, year).build(source, relation, byDay)] : []),
    ...(rest.length ? [filteredQuery(dialect, source, relation, rest, periods, year)] : []),
  ];
}

/** A wave is one day, whatever its aggregates; over several days only some add up. */
function groupsByDay(item: SourceItem): boolean {
  if (item.aggregation === "latest") return true;
  return specsOf(item).every(([, s]) => ADDABLE.has(s.fn) && !s.distinct);
}

export function aggregateText(spec: AggregateSpec, conditions: readonly string[]): string {
  const call = `${spec.fn}(${spec.distinct ? "DISTINCT " : ""}${spec.argument})`;
  const filtered = conditions.length ? `${call} FILTER (WHERE ${conditions.join(" AND ")})` : call;
  // A sum over no rows is nothing added up: zero, not unknown.
  return spec.fn === "sum" ? `COALESCE(${filtered}, 0)` : filtered;
}

export function specsOf(item: SourceItem): [Role, AggregateSpec][] {
  const { measure } = item.definition;
  return measure.kind === "value"
    ? [["value", measure.value]]
    : [
        ["numerator", measure.numerator],
        ["denominator", measure.denominator],
      ];
}

function filteredQuery(
  dialect: SqlDialect,
  source: string,
  relation: string,
  items: readonly SourceItem[],
  periods: readonly Period[],
  year: number,
): SourceQuery {
  const selects: string[] = [];
  const figures = items.flatMap((item) =>
    periods.map((period): FigureParts => {
      const rows = periodRows(item.aggregation, year, period.until);
      const parts: Partial<Record<Role, Part>> = {};
      for (const [role, spec] of specsOf(item)) {
        const conditions = [
          ...periodConditions(dialect, item.definition, rows, role),
          ...(item.definition.where ? [`(${item.definition.where})`] : []),
          ...(spec.where ? [`(${spec.where})`] : []),
        ];
        const column = `c${selects.length + 1}`;
        selects.push(
          `  -- ${item.indicatorId} ${period.id} ${role}\n  ${aggregateText(spec, conditions)} AS ${column}`,
        );
        parts[role] = { column, fn: spec.fn, rows: { kind: "one-row" } };
      }
      return { indicatorId: item.indicatorId, periodId: period.id, parts };
    }),
  );
  return { source, sql: `SELECT\n${selects.join(",\n")}\nFROM ${relation}`, figures };
}

function periodConditions(
  dialect: SqlDialect,
  definition: AggregateDefinition,
  rows: PeriodRows,
  role: Role,
): string[] {
  const date = dialect.asDate(definition.date);
  const until = dialect.dateLiteral(rows.until);
  switch (rows.kind) {
    case "year-to-date":
      return [`${date} BETWEEN ${dialect.dateLiteral(rows.from)} AND ${until}`];
    case "cohort": {
      const cohort = `(${definition.cohort}) = ${rows.cohortYear}`;
      return role === "denominator" ? [cohort] : [cohort, `${date} <= ${until}`];
    }
    case "latest-wave":
      throw new Error("a measurement wave is taken from the query grouped by day");
    default: {
      const never: never = rows;
      return never;
    }
  }
}
