/**
 * One query per source for every figure that reads it: each indicator × period is a column of
 * conditional aggregates (`FILTER (WHERE …)`), so a source is scanned once however many
 * indicators and periods use it.
 */
import {
  type AggregateDefinition,
  type AggregateSpec,
  type PeriodRows,
  periodRows,
} from "../domain/computation.js";
import type { Aggregation, Period } from "../domain/plan.js";
import type { SqlDialect } from "./dialect.js";

export interface SourceItem {
  readonly indicatorId: string;
  readonly aggregation: Aggregation;
  readonly definition: AggregateDefinition;
}

export type Role = "value" | "numerator" | "denominator";

/** Where a figure's parts are in the query's one result row. */
export interface FigureColumns {
  readonly indicatorId: string;
  readonly periodId: string;
  readonly columns: Partial<Record<Role, string>>;
}

export interface SourceQuery {
  readonly source: string;
  readonly sql: string;
  readonly figures: readonly FigureColumns[];
}

export function sourceQuery(
  dialect: SqlDialect,
  source: string,
  items: readonly SourceItem[],
  periods: readonly Period[],
  year: number,
): SourceQuery {
  const builder = new QueryBuilder(dialect);
  const figures = items.flatMap((item) =>
    periods.map((period) =>
      builder.figure(item, period, periodRows(item.aggregation, year, period.until)),
    ),
  );
  return { source, sql: builder.sql(dialect.quoteIdentifier(source)), figures };
}

class QueryBuilder {
  private readonly selects: string[] = [];
  private readonly waves = new Map<string, string>();
  private readonly waveSelects: string[] = [];

  constructor(private readonly dialect: SqlDialect) {}

  figure(item: SourceItem, period: Period, rows: PeriodRows): FigureColumns {
    const { definition } = item;
    const label = `${item.indicatorId} ${period.id}`;
    const { measure } = definition;
    const columns: Partial<Record<Role, string>> =
      measure.kind === "value"
        ? { value: this.column(measure.value, definition, rows, "value", label) }
        : {
            numerator: this.column(measure.numerator, definition, rows, "numerator", label),
            denominator: this.column(measure.denominator, definition, rows, "denominator", label),
          };
    return { indicatorId: item.indicatorId, periodId: period.id, columns };
  }

  private column(
    spec: AggregateSpec,
    definition: AggregateDefinition,
    rows: PeriodRows,
    role: Role,
    label: string,
  ): string {
    const conditions = [
      ...this.periodConditions(definition, rows, role),
      ...(definition.where ? [`(${definition.where})`] : []),
      ...(spec.where ? [`(${spec.where})`] : []),
    ];
    const name = `c${this.selects.length + 1}`;
    const aggregate = `${spec.fn}(${spec.distinct ? "DISTINCT " : ""}${spec.argument}) FILTER (WHERE ${conditions.join(" AND ")})`;
    // A sum over no rows is nothing added up: zero, not unknown.
    const expression = spec.fn === "sum" ? `COALESCE(${aggregate}, 0)` : aggregate;
    this.selects.push(`  -- ${label} ${role}\n  ${expression} AS ${name}`);
    return name;
  }

  private periodConditions(
    definition: AggregateDefinition,
    rows: PeriodRows,
    role: Role,
  ): string[] {
    const date = this.dialect.asDate(definition.date);
    const until = this.dialect.dateLiteral(rows.until);
    switch (rows.kind) {
      case "year-to-date":
        return [`${date} BETWEEN ${this.dialect.dateLiteral(rows.from)} AND ${until}`];
      case "latest-wave":
        return [`${date} = waves.${this.wave(definition, until)}`];
      case "cohort": {
        const cohort = `(${definition.cohort}) = ${rows.cohortYear}`;
        return role === "denominator" ? [cohort] : [cohort, `${date} <= ${until}`];
      }
      default: {
        const never: never = rows;
        return never;
      }
    }
  }

  /** The latest date on or before `until` that has rows: the period's measurement wave. */
  private wave(definition: AggregateDefinition, until: string): string {
    const date = this.dialect.asDate(definition.date);
    const where = definition.where ? ` AND (${definition.where})` : "";
    const key = `${date}|${until}|${where}`;
    const known = this.waves.get(key);
    if (known) return known;
    const name = `w${this.waves.size + 1}`;
    this.waves.set(key, name);
    this.waveSelects.push(`  max(${date}) FILTER (WHERE ${date} <= ${until}${where}) AS ${name}`);
    return name;
  }

  sql(relation: string): string {
    const select = `SELECT\n${this.selects.join(",\n")}\nFROM ${relation}`;
    if (this.waveSelects.length === 0) return select;
    return `WITH waves AS (\nSELECT\n${this.waveSelects.join(",\n")}\nFROM ${relation}\n)\n${select} CROSS JOIN waves`;
  }
}
