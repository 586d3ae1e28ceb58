/**
 * How an indicator is computed from source data (plan.yaml's `sources` and `compute`), and
 * which rows make a period's figure. Pure: no I/O; the SQL is written in src/compute.
 */
import type { Aggregation, CalendarDate } from "./plan.js";

/**
 * A named data set a definition may read: files (Parquet or CSV), a database table, or both —
 * the same data where each engine finds it (DuckDB reads the files, PostgreSQL the table).
 */
export interface DataSource {
  readonly name: string;
  readonly path?: string;
  readonly table?: string;
  readonly description?: string;
}

/** One aggregate, with the condition its rows meet beyond the period's. */
export interface AggregateSpec {
  readonly fn: "count" | "sum" | "avg" | "min" | "max";
  readonly distinct: boolean;
  /** The aggregate's argument as written: `*` or an expression. */
  readonly argument: string;
  readonly where?: string;
}

export type Measure =
  | { readonly kind: "value"; readonly value: AggregateSpec }
  | {
      readonly kind: "ratio";
      readonly numerator: AggregateSpec;
      readonly denominator: AggregateSpec;
    };

/** The common form: a source, the date that places a row in a period, and what is counted. */
export interface AggregateDefinition {
  readonly kind: "aggregate";
  readonly source: string;
  readonly date: string;
  readonly where?: string;
  /** For `progress`: the expression that gives a row's cohort year. */
  readonly cohort?: string;
  readonly measure: Measure;
}

/** A whole query over named sources, with the period's parameters. */
export interface SqlDefinition {
  readonly kind: "sql";
  readonly sources: readonly string[];
  readonly sql: string;
}

export type ComputeDefinition = AggregateDefinition | SqlDefinition;

/** The parameters a whole query may use, as `:name`. */
export const SQL_PARAMETERS = ["from", "until", "year", "period"] as const;
export type SqlParameter = (typeof SQL_PARAMETERS)[number];

/** Which rows count for a period ending on `until`, by the indicator's aggregation. */
export type PeriodRows =
  | { readonly kind: "year-to-date"; readonly from: CalendarDate; readonly until: CalendarDate }
  | { readonly kind: "latest-wave"; readonly until: CalendarDate }
  | { readonly kind: "cohort"; readonly cohortYear: number; readonly until: CalendarDate };

export function periodRows(
  aggregation: Aggregation,
  year: number,
  until: CalendarDate,
): PeriodRows {
  switch (aggregation) {
    case "sum":
    case "rate":
      return { kind: "year-to-date", from: { year, month: 1, day: 1 }, until };
    case "latest":
      return { kind: "latest-wave", until };
    case "progress":
      return { kind: "cohort", cohortYear: year - 1, until };
    default: {
      const never: never = aggregation;
      return never;
    }
  }
}

const AGGREGATE = /^\s*(count|sum|avg|min|max)\s*\(\s*(distinct\s+)?([\s\S]+?)\s*\)\s*$/i;

/** Reads `count(*)`, `sum(amount)`, `count(distinct id)`…; undefined for anything else. */
export function parseAggregate(text: string, where?: string): AggregateSpec | undefined {
  const match = AGGREGATE.exec(text);
  if (!match?.[1] || !match[3]) return undefined;
  const argument = match[3];
  if (!balanced(argument)) return undefined;
  const fn = match[1].toLowerCase() as AggregateSpec["fn"];
  if (argument === "*" && (fn !== "count" || match[2])) return undefined;
  return { fn, distinct: Boolean(match[2]), argument, ...(where ? { where } : {}) };
}

/** Whether the parentheses of an expression close in order (quoted text aside). */
function balanced(expression: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (const ch of expression) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0 && quote === null;
}

/** A file a figure was computed from, as lineage keeps it. */
export interface SourceFile {
  readonly path: string;
  readonly bytes: number;
  readonly modified: string;
  readonly sha256: string;
}

/** A source as it was read for a figure. */
export interface SourceLineage {
  readonly name: string;
  readonly table?: string;
  readonly files: readonly SourceFile[];
  readonly rows: number;
}

/**
 * Which result rows of its query a part of a figure was taken from: the one row; or, of the rows
 * grouped by a day column (those whose `grouping` column is 0, when there is one), the days from
 * `from` (if given) up to `until` (if given) added up, or — a wave — the row of the latest day up
 * to `until` on which `presence` counted rows.
 */
export type RowSelection =
  | { readonly kind: "one-row" }
  | {
      readonly kind: "days";
      readonly column: string;
      readonly grouping: string | null;
      readonly from: string | null;
      readonly until: string | null;
    }
  | {
      readonly kind: "wave";
      readonly column: string;
      readonly grouping: string | null;
      readonly until: string;
      readonly presence: string;
    };

/** How a computed figure came about. */
export interface Lineage {
  readonly engine: string;
  readonly engineVersion: string;
  readonly sql: string;
  /** The result column of each part of the figure (`value`, or `numerator` and `denominator`). */
  readonly columns: Readonly<Record<string, string>>;
  /** For a part taken from several result rows: which rows; absent when the query gave one. */
  readonly rows?: Readonly<Record<string, Exclude<RowSelection, { kind: "one-row" }>>>;
  readonly sources: readonly SourceLineage[];
  /** How long the query ran, in milliseconds. */
  readonly ms: number;
  readonly computedAt: string;
}
