/**
 * The queries for every figure that reads a source, one scan each. Figures that add up over
 * the year (`sum`, `rate`, `progress`, with count, sum, min or max) come from one query grouped
 * by day: each indicator's aggregates per date of its date column (dates before the year as
 * one, the day before it; dates after the last period left out), and a period's figure adds up
 * the days up to its `until`. A source whose indicators place rows by different columns is
 * grouped by each (grouping sets), still in one scan. Measurement waves (`latest`) and aggregates that
 * cannot be added up (avg, count distinct) get a column of conditional aggregates
 * (`FILTER (WHERE …)`) per indicator and period, in a second query.
 */
import {
  type AggregateDefinition,
  type AggregateSpec,
  type PeriodRows,
  periodRows,
} from "../domain/computation.js";
import type { Aggregation, Period } from "../domain/plan.js";
import type { SqlDialect } from "./dialect.js";
import { isoDateText } from "./sql-text.js";

export interface SourceItem {
  readonly indicatorId: string;
  readonly aggregation: Aggregation;
  readonly definition: AggregateDefinition;
}

export type Role = "value" | "numerator" | "denominator";

/**
 * Which result rows a part adds up: the one row; or, of the rows grouped by a day column
 * (`grouping` is 0 on them), those with a day from `from` (if given) up to `until`, or all.
 */
export type RowSelection =
  | { readonly kind: "one-row" }
  | {
      readonly kind: "days";
      readonly column: string;
      readonly grouping: string | null;
      readonly from: string | null;
      readonly until: string | null;
    };

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
  const sliced = items.filter(canSlice);
  const rest = items.filter((i) => !canSlice(i));
  const relation = dialect.quoteIdentifier(source);
  return [
    ...(sliced.length
      ? [new SlicedQuery(dialect, periods, year).build(source, relation, sliced)]
      : []),
    ...(rest.length
      ? [new FilteredQuery(dialect).build(source, relation, rest, periods, year)]
      : []),
  ];
}

function canSlice(item: SourceItem): boolean {
  if (item.aggregation === "latest") return false;
  const { measure } = item.definition;
  const specs =
    measure.kind === "value" ? [measure.value] : [measure.numerator, measure.denominator];
  return specs.every((s) => ADDABLE.has(s.fn) && !s.distinct);
}

function aggregateText(spec: AggregateSpec, conditions: readonly string[]): string {
  const call = `${spec.fn}(${spec.distinct ? "DISTINCT " : ""}${spec.argument})`;
  const filtered = conditions.length ? `${call} FILTER (WHERE ${conditions.join(" AND ")})` : call;
  // A sum over no rows is nothing added up: zero, not unknown.
  return spec.fn === "sum" ? `COALESCE(${filtered}, 0)` : filtered;
}

function specsOf(item: SourceItem): [Role, AggregateSpec][] {
  const { measure } = item.definition;
  return measure.kind === "value"
    ? [["value", measure.value]]
    : [
        ["numerator", measure.numerator],
        ["denominator", measure.denominator],
      ];
}

class SlicedQuery {
  /** Day column per date expression, with its grouping flag. */
  private readonly days = new Map<string, { column: string; expression: string; date: string }>();
  private readonly aggregates: string[] = [];
  private withinYear = false;

  constructor(
    private readonly dialect: SqlDialect,
    private readonly periods: readonly Period[],
    private readonly year: number,
  ) {}

  build(source: string, relation: string, items: readonly SourceItem[]): SourceQuery {
    // Without a cohort, rows outside the year are not needed: a condition the scan can use
    // to skip them, and the day itself as the group.
    this.withinYear = items.every((i) => i.aggregation !== "progress");
    const figures = items.flatMap((item) => this.item(item));
    const keys = [...this.days.values()];
    const several = keys.length > 1;
    const inner = keys.flatMap(({ column, expression }) => [
      `  ${expression} AS ${column}`,
      ...(several ? [`  GROUPING(${expression}) AS g_${column}`] : []),
    ]);
    const groups = several
      ? `GROUPING SETS (${keys.map((k) => `(${k.expression})`).join(", ")})`
      : (keys[0]?.expression ?? "1");
    const where = this.withinYear
      ? `\nWHERE ${keys.map((k) => this.inYear(k.date)).join(" OR ")}`
      : "";
    const grouped = `SELECT\n${[...inner, ...this.aggregates].join(",\n")}\nFROM ${relation}${where}\nGROUP BY ${groups}`;
    // Days as ISO text, so both engines hand them over alike.
    const outer = keys.flatMap(({ column }) => [
      `CAST(${column} AS VARCHAR) AS ${column}`,
      ...(several ? [`g_${column}`] : []),
    ]);
    const sql = `SELECT ${[...outer, ...this.aggregates.map((_, i) => `a${i + 1}`)].join(", ")}\nFROM (\n${grouped}\n) AS grouped`;
    return { source, sql, figures: figures.map((f) => (several ? f : withoutGrouping(f))) };
  }

  private inYear(date: string): string {
    const first = this.dialect.dateLiteral({ year: this.year, month: 1, day: 1 });
    return `${date} BETWEEN ${first} AND ${this.dialect.dateLiteral(this.lastUntil())}`;
  }

  private lastUntil() {
    return this.periods.at(-1)?.until ?? { year: this.year, month: 12, day: 31 };
  }

  private item(item: SourceItem): FigureParts[] {
    const { definition } = item;
    const day = this.day(definition.date);
    const columns = specsOf(item).map(([role, spec]) => {
      const conditions = [
        ...(definition.cohort ? [`(${definition.cohort}) = ${this.year - 1}`] : []),
        ...(definition.where ? [`(${definition.where})`] : []),
        ...(spec.where ? [`(${spec.where})`] : []),
      ];
      const column = `a${this.aggregates.length + 1}`;
      this.aggregates.push(
        `  -- ${item.indicatorId} ${role}\n  ${aggregateText(spec, conditions)} AS ${column}`,
      );
      return [role, spec, column] as const;
    });
    return this.periods.map((period) => {
      const rows = periodRows(item.aggregation, this.year, period.until);
      const parts: Partial<Record<Role, Part>> = {};
      for (const [role, spec, column] of columns) {
        parts[role] = { column, fn: spec.fn, rows: this.selection(rows, role, day) };
      }
      return { indicatorId: item.indicatorId, periodId: period.id, parts };
    });
  }

  private selection(rows: PeriodRows, role: Role, day: string): RowSelection {
    const grouping = `g_${day}`;
    const until = isoDateText(rows.until);
    if (rows.kind === "cohort") {
      return role === "denominator"
        ? { kind: "days", column: day, grouping, from: null, until: null }
        : { kind: "days", column: day, grouping, from: null, until };
    }
    const from = isoDateText({ year: this.year, month: 1, day: 1 });
    return { kind: "days", column: day, grouping, from, until };
  }

  /** The row's day: any date before the year as the day before it; none after the last period. */
  private day(dateExpression: string): string {
    const date = this.dialect.asDate(dateExpression);
    const known = this.days.get(date);
    if (known) return known.column;
    const column = `d${this.days.size + 1}`;
    const first = this.dialect.dateLiteral({ year: this.year, month: 1, day: 1 });
    const before = this.dialect.dateLiteral({ year: this.year - 1, month: 12, day: 31 });
    const last = this.dialect.dateLiteral(this.lastUntil());
    const expression = this.withinYear
      ? date
      : `CASE WHEN ${date} < ${first} THEN ${before} WHEN ${date} <= ${last} THEN ${date} END`;
    this.days.set(date, { column, expression, date });
    return column;
  }
}

/** With one day column, every row is grouped by it: no grouping flag to read. */
function withoutGrouping(figure: FigureParts): FigureParts {
  const parts: Partial<Record<Role, Part>> = {};
  for (const [role, part] of Object.entries(figure.parts) as [Role, Part][]) {
    parts[role] =
      part.rows.kind === "days" ? { ...part, rows: { ...part.rows, grouping: null } } : part;
  }
  return { ...figure, parts };
}

class FilteredQuery {
  private readonly selects: string[] = [];
  private readonly waves = new Map<string, string>();
  private readonly waveSelects: string[] = [];

  constructor(private readonly dialect: SqlDialect) {}

  build(
    source: string,
    relation: string,
    items: readonly SourceItem[],
    periods: readonly Period[],
    year: number,
  ): SourceQuery {
    const figures = items.flatMap((item) =>
      periods.map((period) =>
        this.figure(item, period, periodRows(item.aggregation, year, period.until)),
      ),
    );
    const select = `SELECT\n${this.selects.join(",\n")}\nFROM ${relation}`;
    const sql = this.waveSelects.length
      ? `WITH waves AS (\nSELECT\n${this.waveSelects.join(",\n")}\nFROM ${relation}\n)\n${select} CROSS JOIN waves`
      : select;
    return { source, sql, figures };
  }

  private figure(item: SourceItem, period: Period, rows: PeriodRows): FigureParts {
    const parts: Partial<Record<Role, Part>> = {};
    for (const [role, spec] of specsOf(item)) {
      const conditions = [
        ...this.periodConditions(item.definition, rows, role),
        ...(item.definition.where ? [`(${item.definition.where})`] : []),
        ...(spec.where ? [`(${spec.where})`] : []),
      ];
      const column = `c${this.selects.length + 1}`;
      this.selects.push(
        `  -- ${item.indicatorId} ${period.id} ${role}\n  ${aggregateText(spec, conditions)} AS ${column}`,
      );
      parts[role] = { column, fn: spec.fn, rows: { kind: "one-row" } };
    }
    return { indicatorId: item.indicatorId, periodId: period.id, parts };
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
}
