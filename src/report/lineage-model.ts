/**
 * The appendix on the origin of the computed figures: for each figure of the reported period
 * that `koers compute` wrote, the engine, the files read with their SHA-256, the rows, and the
 * query, each distinct query numbered once (the figures of one source share one query).
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { type LineageEntry, stillComputed } from "../bundle/lineage-file.js";
import type { SourceLineage } from "../domain/computation.js";
import { decimalFromNumber } from "../domain/decimal.js";
import { formatNumber } from "../domain/format.js";
import type { Language } from "../domain/plan.js";
import { LINEAGE_TEXTS, type LineageTexts } from "./lineage-texts.js";
import type { Fact, IndicatorRow, TableRow } from "./model.js";
import { dateText } from "./texts.js";

/** The lineage a report is given: the entries of lineage.json and the bundle folder they are in. */
export interface ReportLineage {
  readonly entries: readonly LineageEntry[];
  /** The bundle folder, so that files inside it are shown by their path within it. */
  readonly dir: string;
}

/** One file read for a figure; a source read from a table has one row without a file. */
export interface LineageFileRow {
  readonly source: string;
  readonly file: string;
  /** Empty for a table. */
  readonly size: string;
  /** Empty for a table; otherwise the whole hash, so that it can be compared. */
  readonly sha256: string;
  readonly rows: string;
}

export interface LineageFigure {
  readonly anchor: string;
  readonly indicatorId: string;
  readonly heading: string;
  /** The figure, the engine and version, and when it was computed. */
  readonly facts: readonly Fact[];
  /** The query the figure came from, and the result columns it was taken from. */
  readonly query: {
    readonly number: number;
    readonly anchor: string;
    readonly label: string;
    readonly columns: string;
  };
  readonly caption: string;
  readonly files: readonly LineageFileRow[];
}

export interface LineageQuery {
  readonly number: number;
  readonly anchor: string;
  readonly heading: string;
  /** The headings of the figures computed with it. */
  readonly usedFor: readonly string[];
  readonly sql: string;
}

export interface LineageAppendix {
  readonly anchor: string;
  readonly heading: string;
  readonly introduction: string;
  readonly figures: readonly LineageFigure[];
  readonly queriesHeading: string;
  readonly queriesIntroduction: string;
  readonly queries: readonly LineageQuery[];
  readonly labels: {
    readonly resultOf: string;
    readonly usedFor: string;
    readonly columns: LineageTexts["columns"];
  };
}

export interface LineageContext {
  readonly periodId: string;
  readonly periodLabel: string;
  /** The period as running text says it, with the year. */
  readonly periodPhrase: string;
  readonly language: Language;
}

const ANCHOR = "herkomst";

/**
 * The appendix for the reported period, its figures in table order; null when none of its
 * figures was computed. A figure changed by hand after it was computed is left out: its
 * lineage no longer tells how the figure in the report came about.
 */
export function lineageAppendix(
  rows: readonly TableRow[],
  lineage: ReportLineage | undefined,
  context: LineageContext,
): LineageAppendix | null {
  if (!lineage) return null;
  const byIndicator = new Map(
    lineage.entries.filter((e) => e.period === context.periodId).map((e) => [e.indicator, e]),
  );
  const computed = rows.flatMap((row) => {
    const entry = row.kind === "indicator" ? byIndicator.get(row.id) : undefined;
    return entry && row.kind === "indicator" && stillComputed(entry, row.current.figure)
      ? [{ row, entry }]
      : [];
  });
  if (computed.length === 0) return null;
  const t = LINEAGE_TEXTS[context.language];
  const numbers = new Map<string, number>();
  for (const { entry } of computed)
    if (!numbers.has(entry.sql)) numbers.set(entry.sql, numbers.size + 1);
  const figures = computed.map(({ row, entry }, i) =>
    lineageFigure(row, entry, numbers.get(entry.sql) as number, i + 1, lineage.dir, context, t),
  );
  return {
    anchor: ANCHOR,
    heading: t.heading,
    introduction: t.introduction(context.periodPhrase),
    figures,
    queriesHeading: t.queriesHeading,
    queriesIntroduction: t.queriesIntroduction,
    queries: [...numbers].map(([sql, number]) => ({
      number,
      anchor: queryAnchor(number),
      heading: t.query(number),
      usedFor: figures.filter((f) => f.query.number === number).map((f) => f.heading),
      sql,
    })),
    labels: { resultOf: t.facts.resultOf, usedFor: t.usedFor, columns: t.columns },
  };
}

function queryAnchor(number: number): string {
  return `${ANCHOR}-query-${number}`;
}

function lineageFigure(
  row: IndicatorRow,
  entry: LineageEntry,
  query: number,
  index: number,
  dir: string,
  context: LineageContext,
  t: LineageTexts,
): LineageFigure {
  const count = (n: number) => formatNumber(decimalFromNumber(n), context.language);
  return {
    anchor: `${ANCHOR}-${index}`,
    indicatorId: row.id,
    heading: t.figureHeading(row.title, context.periodLabel),
    facts: [
      { label: t.facts.figure, value: row.current.value },
      { label: t.facts.computedWith, value: engineText(entry.engine, entry.engineVersion) },
      { label: t.facts.computedAt, value: instantText(entry.computedAt, context.language, t) },
    ],
    query: {
      number: query,
      anchor: queryAnchor(query),
      label: t.query(query),
      columns: Object.entries(entry.columns)
        .map(([role, column]) => t.column(role, column, entry.rows?.[role]))
        .join(", "),
    },
    caption: t.caption(row.title, context.periodLabel),
    files: entry.sources.flatMap((s) => fileRows(s, dir, count, t)),
  };
}

function fileRows(
  source: SourceLineage,
  dir: string,
  count: (n: number) => string,
  t: LineageTexts,
): LineageFileRow[] {
  const rows = count(source.rows);
  if (source.files.length === 0) {
    const file = source.table ? t.table(source.table) : "";
    return [{ source: source.name, file, size: "", sha256: "", rows }];
  }
  return source.files.map((f) => ({
    source: source.name,
    file: shownPath(f.path, dir),
    size: t.bytes(count(f.bytes)),
    sha256: f.sha256,
    rows,
  }));
}

/**
 * A file inside the bundle by its path within it (`data/complaints.csv`), which stays true when
 * the bundle moves; a file elsewhere by its whole path. Not the bare name: partitioned data
 * has many files of one name.
 */
function shownPath(path: string, dir: string): string {
  if (!isAbsolute(path)) return path;
  const inside = relative(resolve(dir), path);
  return inside && !inside.startsWith("..") && !isAbsolute(inside)
    ? inside.split(sep).join("/")
    : path;
}

const ENGINE_NAMES: Readonly<Record<string, string>> = {
  duckdb: "DuckDB",
  postgres: "PostgreSQL",
};

function engineText(engine: string, version: string): string {
  return `${ENGINE_NAMES[engine] ?? engine} ${version}`.trim();
}

/** An ISO instant in words, in UTC; as written when it is not one. */
function instantText(iso: string, language: Language, t: LineageTexts): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const date = dateText(
    {
      year: instant.getUTCFullYear(),
      month: instant.getUTCMonth() + 1,
      day: instant.getUTCDate(),
    },
    language,
  );
  const time = instant.toISOString().slice(11, 16);
  return t.instant(date, time);
}
