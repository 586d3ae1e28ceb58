/**
 * One query grouped by day for a source's figures: each indicator's aggregates per date of its
 * date column. A period's figure for the year so far adds up the days from 1 January to its
 * `until`; a cohort's, the days up to `until` (or all, for its denominator); a measurement wave
 * is the latest day up to `until` on which the indicator's rows occur. Indicators that place
 * rows by different columns share the scan through grouping sets.
 */
import { type PeriodRows, periodRows } from "../domain/computation.js";
import { isoDate } from "../domain/format.js";
import type { Period } from "../domain/plan.js";
import type { SqlDialect } from "./dialect.js";
import {
  aggregateText,
  type FigureParts,
  type Part,
  type Role,
  type RowSelection,
  type SourceItem,
  type SourceQuery,
  specsOf,
} from "./source-query.js";

interface Day {
  readonly column: string;
  readonly date: string;
  /** Whether every indicator on this day column counts only days of the year. */
  withinYear: boolean;
}

export class DayQuery {
  private readonly days = new Map<string, Day>();
  private readonly aggregates: string[] = [];
  private readonly presences = new Map<string, { name: string; text: string }>();
  private everyRow = false;

  constructor(
    private readonly dialect: SqlDialect,
    private readonly periods: readonly Period[],
    private readonly year: number,
  ) {}

  build(source: string, relation: string, items: readonly SourceItem[]): SourceQuery {
    const figures = items.flatMap((item) => this.item(item));
    const keys = [...this.days.values()];
    const several = keys.length > 1;
    const inner = keys.flatMap(({ column, date }) => [
      `  ${date} AS ${column}`,
      ...(several ? [`  GROUPING(${date}) AS g_${column}`] : []),
    ]);
    const groups = several
      ? `GROUPING SETS (${keys.map((k) => `(${k.date})`).join(", ")})`
      : (keys[0]?.date ?? "1");
    // A cohort's denominator counts every row; otherwise rows the periods never reach are
    // left out, which lets the scan skip them.
    const where = this.everyRow ? "" : `\nWHERE ${keys.map((k) => this.reached(k)).join(" OR ")}`;
    const columns = [...this.aggregates, ...[...this.presences.values()].map((p) => p.text)];
    const grouped = `SELECT\n${[...inner, ...columns].join(",\n")}\nFROM ${relation}${where}\nGROUP BY ${groups}`;
    // Days as ISO text, so that both engines hand them over alike.
    const outer = [
      ...keys.flatMap(({ column }) => [
        `${this.dialect.isoDay(column)} AS ${column}`,
        ...(several ? [`g_${column}`] : []),
      ]),
      ...this.aggregates.map((_, i) => `a${i + 1}`),
      ...[...this.presences.values()].map((p) => p.name),
    ];
    const sql = `SELECT ${outer.join(", ")}\nFROM (\n${grouped}\n) AS grouped`;
    return { source, sql, figures: several ? figures : figures.map(withoutGrouping) };
  }

  private reached(day: Day): string {
    const last = this.dialect.dateLiteral(
      this.periods.at(-1)?.until ?? { year: this.year, month: 12, day: 31 },
    );
    if (!day.withinYear) return `${day.date} <= ${last}`;
    return `${day.date} BETWEEN ${this.dialect.dateLiteral({ year: this.year, month: 1, day: 1 })} AND ${last}`;
  }

  private item(item: SourceItem): FigureParts[] {
    const { definition } = item;
    const latest = item.aggregation === "latest";
    if (item.aggregation === "progress") this.everyRow = true;
    const day = this.day(
      definition.date,
      item.aggregation === "sum" || item.aggregation === "rate",
    );
    const presence = latest ? this.presence(definition.where) : null;
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
        parts[role] = { column, fn: spec.fn, rows: this.selection(rows, role, day, presence) };
      }
      return { indicatorId: item.indicatorId, periodId: period.id, parts };
    });
  }

  private selection(
    rows: PeriodRows,
    role: Role,
    day: string,
    presence: string | null,
  ): RowSelection {
    const grouping = `g_${day}`;
    const until = isoDate(rows.until);
    switch (rows.kind) {
      case "year-to-date":
        return { kind: "days", column: day, grouping, from: isoDate(rows.from), until };
      case "cohort":
        return {
          kind: "days",
          column: day,
          grouping,
          from: null,
          until: role === "denominator" ? null : until,
        };
      case "latest-wave":
        return { kind: "wave", column: day, grouping, until, presence: presence ?? "" };
      default: {
        const never: never = rows;
        return never;
      }
    }
  }

  private day(dateExpression: string, withinYear: boolean): string {
    const date = this.dialect.asDate(dateExpression);
    const known = this.days.get(date);
    if (known) {
      known.withinYear &&= withinYear;
      return known.column;
    }
    const column = `d${this.days.size + 1}`;
    this.days.set(date, { column, date, withinYear });
    return column;
  }

  /** A count of the rows a wave's indicator reads, per day: a wave is a day that has some. */
  private presence(where: string | undefined): string {
    const key = where ?? "";
    const known = this.presences.get(key);
    if (known) return known.name;
    const name = `p${this.presences.size + 1}`;
    const count = where ? `count(*) FILTER (WHERE (${where}))` : "count(*)";
    this.presences.set(key, { name, text: `  ${count} AS ${name}` });
    return name;
  }
}

/** With one day column, every row is grouped by it: there is no grouping column to read. */
function withoutGrouping(figure: FigureParts): FigureParts {
  const parts: Partial<Record<Role, Part>> = {};
  for (const [role, part] of Object.entries(figure.parts) as [Role, Part][]) {
    parts[role] =
      part.rows.kind === "one-row" ? part : { ...part, rows: { ...part.rows, grouping: null } };
  }
  return { ...figure, parts };
}
