/** Reads realisations.csv in either dialect of FORMAT.md, logging every problem with its line. */
import { CsvError, parse } from "csv-parse/sync";
import { type Decimal, parseDecimal } from "../domain/decimal.js";
import {
  type Indicator,
  indicatorsOf,
  type Plan,
  type Realisation,
  type RealisedValue,
} from "../domain/plan.js";
import type { ProblemLog } from "./problems.js";

export type Dialect = "," | ";";

const REQUIRED = ["indicator", "period", "value"] as const;
const MISSING = /^(n\.?b\.?|n\.?v\.?t\.?)$/i;
const COMMA_NUMBER = /^-?\d+(?:\.\d+)?$/;
const SEMICOLON_NUMBER = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;

/** The dialect is told by the header: a `;` in it makes the Dutch spreadsheet dialect. */
export function detectDialect(text: string): Dialect {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  return header.includes(";") ? ";" : ",";
}

/** A number in the dialect's notation as an exact decimal, or why it is not one. */
export function parseNumber(
  text: string,
  dialect: Dialect,
): { value: Decimal } | { error: string } {
  if (dialect === ",") {
    if (COMMA_NUMBER.test(text)) return { value: parseDecimal(text) as Decimal };
    const hint = /^-?\d+,\d+$/.test(text)
      ? ` (this file is comma-separated: write ${text.replace(",", ".")})`
      : "";
    return { error: `"${text}" is not a number${hint}` };
  }
  if (SEMICOLON_NUMBER.test(text)) {
    return { value: parseDecimal(text.replaceAll(".", "").replace(",", ".")) as Decimal };
  }
  const hint = /^-?\d+\.\d+$/.test(text)
    ? ` (this file is ;-separated: a point only groups thousands, as in 1.417; write ${text.replace(".", ",")} for a decimal)`
    : "";
  return { error: `"${text}" is not a number${hint}` };
}

interface Row {
  readonly line: number;
  readonly cells: readonly string[];
}

export function readRealisations(
  text: string,
  file: string,
  plan: Plan,
  log: ProblemLog,
): Realisation[] {
  const dialect = detectDialect(text.replace(/^\uFEFF/, ""));
  const rows = parseRows(text, file, dialect, log);
  if (!rows || rows.length === 0) {
    if (rows)
      log.error(file, 1, "the file is empty: it needs a header row indicator, period, value");
    return [];
  }
  const [headerRow, ...dataRows] = rows as [Row, ...Row[]];
  const header = headerRow.cells.map((cell) => cell.trim().toLowerCase());
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    log.error(
      file,
      headerRow.line,
      `missing required column ${missing.map((c) => `"${c}"`).join(", ")} in the header`,
    );
    return [];
  }
  const column = (name: string) => header.indexOf(name);
  const indicators = new Map(indicatorsOf(plan.nodes).map((i) => [i.id, i]));
  const periods = new Set(plan.periods.map((p) => p.id));
  const seen = new Map<string, number>();
  const realisations: Realisation[] = [];
  for (const row of dataRows) {
    const cell = (name: string) =>
      column(name) >= 0 ? (row.cells[column(name)] ?? "").trim() : "";
    if (row.cells.length !== header.length) {
      log.error(
        file,
        row.line,
        `has ${row.cells.length} fields where the header has ${header.length}`,
      );
      continue;
    }
    const context = { file, line: row.line, dialect, log };
    const realisation = readRow(cell, context, indicators, periods, seen);
    if (realisation) realisations.push(realisation);
  }
  return realisations;
}

interface RowContext {
  readonly file: string;
  readonly line: number;
  readonly dialect: Dialect;
  readonly log: ProblemLog;
}

function readRow(
  cell: (name: string) => string,
  ctx: RowContext,
  indicators: ReadonlyMap<string, Indicator>,
  periods: ReadonlySet<string>,
  seen: Map<string, number>,
): Realisation | undefined {
  const error = (message: string) => ctx.log.error(ctx.file, ctx.line, message);
  const indicatorId = cell("indicator");
  const periodId = cell("period");
  const indicator = indicators.get(indicatorId);
  if (!indicator) error(`unknown indicator "${indicatorId}" (column indicator): not in plan.yaml`);
  if (!periods.has(periodId))
    error(`unknown period "${periodId}" (column period): not in plan.yaml`);
  const key = `${indicatorId}\u0000${periodId}`;
  const first = seen.get(key);
  if (first !== undefined) {
    error(
      `duplicate row for indicator "${indicatorId}" and period "${periodId}" (first on line ${first})`,
    );
    return undefined;
  }
  seen.set(key, ctx.line);
  const value = indicator ? readValue(cell("value"), indicator, ctx) : undefined;
  const sampleSize = readSampleSize(cell("sample_size"), ctx);
  if (!indicator || !periods.has(periodId) || !value || sampleSize === null) return undefined;
  const source = cell("source");
  return {
    indicatorId,
    periodId,
    value,
    ...(source ? { source } : {}),
    ...(sampleSize !== undefined ? { sampleSize } : {}),
  };
}

function readValue(text: string, indicator: Indicator, ctx: RowContext): RealisedValue | undefined {
  const error = (message: string) => {
    ctx.log.error(ctx.file, ctx.line, `${message} (column value, indicator "${indicator.id}")`);
    return undefined;
  };
  if (text === "") return { kind: "missing", word: "" };
  if (MISSING.test(text)) return { kind: "missing", word: text };
  const qualitative = indicator.target.kind === "qualitative";
  const assessment = text.toLowerCase();
  if (assessment === "met" || assessment === "not-met") {
    return qualitative
      ? { kind: "assessment", met: assessment === "met" }
      : error(
          `"${text}" is an assessment, but this indicator has no qualitative target: give a number`,
        );
  }
  if (qualitative)
    return error(`"${text}" is not an assessment: a qualitative target takes met or not-met`);
  const percent = /\s*%$/.exec(text);
  if (percent && indicator.unit !== "percent") {
    return error(`"${text}" has % but the indicator's unit is ${indicator.unit}`);
  }
  const number = parseNumber(percent ? text.slice(0, percent.index) : text, ctx.dialect);
  if ("error" in number) return error(number.error);
  return { kind: "number", value: number.value };
}

/** Undefined when absent, null when invalid (already logged). */
function readSampleSize(text: string, ctx: RowContext): number | undefined | null {
  if (text === "") return undefined;
  const digits =
    ctx.dialect === ";"
      ? text.replace(/^(\d{1,3})((?:\.\d{3})+)$/, (_, a, b) => a + b.replaceAll(".", ""))
      : text;
  if (/^\d+$/.test(digits)) return Number(digits);
  ctx.log.error(
    ctx.file,
    ctx.line,
    `sample size "${text}" is not a whole number (column sample_size)`,
  );
  return null;
}

function parseRows(
  text: string,
  file: string,
  dialect: Dialect,
  log: ProblemLog,
): Row[] | undefined {
  try {
    const records = parse(text, {
      bom: true,
      delimiter: dialect,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { bytes: number } }[];
    const lineOf = lineLocator(Buffer.from(text, "utf8"));
    let start = 0;
    return records.map(({ record, info }) => {
      const row = { line: lineOf(start), cells: record };
      start = info.bytes;
      return row;
    });
  } catch (error) {
    if (error instanceof CsvError) {
      log.error(file, (error as CsvError & { lines?: number }).lines, `CSV: ${error.message}`);
      return undefined;
    }
    throw error;
  }
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * The line on which a record starts, from the byte offset where the previous one ended:
 * empty lines and a byte order mark are skipped, and CRLF, LF or CR each end one line.
 */
function lineLocator(bytes: Buffer): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === LF || (bytes[i] === CR && bytes[i + 1] !== LF)) starts.push(i + 1);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return (offset) => {
    let at = Math.max(offset, bom);
    while (bytes[at] === CR || bytes[at] === LF) at++;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= at) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
