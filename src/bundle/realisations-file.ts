/**
 * Reads realisations.csv in either dialect of FORMAT.md, logging every problem with its line.
 * A workbook's sheet comes through the same checks as a table of cells (realisations-xlsx.ts).
 */
import {
  compareDecimal,
  type Decimal,
  decimalFromNumber,
  decimalToString,
  parseDecimal,
} from "../domain/decimal.js";
import {
  type Indicator,
  indicatorsOf,
  type Plan,
  type Realisation,
  type RealisedValue,
} from "../domain/plan.js";
import { type CsvRecord, CsvSyntaxError, parseCsv } from "./csv.js";
import type { ProblemLog, Source } from "./problems.js";

export type Dialect = "," | ";";

/**
 * How a text cell writes its numbers: a CSV file's dialect, or `either` for a workbook, whose
 * text cells have no dialect of their own.
 */
export type Notation = Dialect | "either";

/** A workbook's number cell; `percent` when shown as a percentage, where 0.735 is 73.5%. */
export interface NumberCell {
  readonly number: number;
  readonly percent: boolean;
}

export type Cell = string | NumberCell;

export interface Row {
  readonly line: number;
  readonly cells: readonly Cell[];
}

/** A file's header and data rows, as the CSV and the workbook reader both give them. */
export interface Table {
  readonly source: Source;
  readonly notation: Notation;
  readonly header: Row;
  readonly rows: readonly Row[];
}

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
    const hint = /^-?\d{1,3}(,\d{3})+$/.test(text)
      ? ` (this file is comma-separated: write ${text.replaceAll(",", "")} for a whole number${/^-?\d+,\d+$/.test(text) ? ` or ${text.replace(",", ".")} for a decimal` : ""})`
      : /^-?\d+,\d+$/.test(text)
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

export function readRealisations(
  text: string,
  file: string,
  plan: Plan,
  log: ProblemLog,
): Realisation[] {
  const table = readCsvTable(text, file, log);
  return table ? tableRealisations(table, plan, log) : [];
}

/** The CSV file's rows, or undefined when it cannot be read as CSV (logged). */
/** `columns` names the required header for the message on an empty file. */
export function readCsvTable(
  text: string,
  file: string,
  log: ProblemLog,
  columns = "indicator, period, value",
): Table | undefined {
  const dialect = detectDialect(text.replace(/^\uFEFF/, ""));
  const rows = parseRows(text, file, dialect, log);
  if (!rows) return undefined;
  const [header, ...data] = rows;
  if (!header) {
    log.error(file, 1, `the file is empty: it needs a header row ${columns}`);
    return undefined;
  }
  return { source: file, notation: dialect, header, rows: data };
}

/** The header's column names, as the rows are matched to them. */
export function columnsOf(table: Table): string[] {
  return table.header.cells.map((cell) => cellText(cell).trim().toLowerCase());
}

/** The realisations of a table's rows, checked against the plan; every problem is logged. */
export function tableRealisations(table: Table, plan: Plan, log: ProblemLog): Realisation[] {
  const header = columnsOf(table);
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    log.error(
      table.source,
      table.header.line,
      `missing required column ${missing.map((c) => `"${c}"`).join(", ")} in the header`,
    );
    return [];
  }
  const reader = new RowReader(table, plan, log, header);
  const realisations: Realisation[] = [];
  for (const row of table.rows) {
    const realisation = reader.read(row);
    if (realisation) realisations.push(realisation);
  }
  return realisations;
}

/** A cell as text: a number cell as its exact decimal, with % when shown as a percentage. */
export function cellText(cell: Cell): string {
  if (typeof cell === "string") return cell;
  const decimal = decimalFromNumber(cell.number);
  return cell.percent ? `${decimalToString(hundredfold(decimal))}%` : decimalToString(decimal);
}

function hundredfold(d: Decimal): Decimal {
  return d.scale >= 2
    ? { units: d.units, scale: d.scale - 2 }
    : { units: d.units * 10n ** BigInt(2 - d.scale), scale: 0 };
}

export interface RowContext {
  readonly source: Source;
  readonly line: number;
  readonly notation: Notation;
  readonly log: ProblemLog;
}

/** Reads data rows against the plan, remembering the rows seen to find duplicates. */
class RowReader {
  private readonly source: Source;
  private readonly notation: Notation;
  private readonly indicators: ReadonlyMap<string, Indicator>;
  private readonly periods: ReadonlySet<string>;
  private readonly seen = new Map<string, Map<string, number>>();
  private readonly columns: Record<
    "indicator" | "period" | "value" | "source" | "sample_size",
    number
  >;

  constructor(
    table: Table,
    plan: Plan,
    private readonly log: ProblemLog,
    private readonly header: readonly string[],
  ) {
    this.source = table.source;
    this.notation = table.notation;
    this.indicators = new Map(indicatorsOf(plan.nodes).map((i) => [i.id, i]));
    this.periods = new Set(plan.periods.map((p) => p.id));
    const at = (name: string) => header.indexOf(name);
    this.columns = {
      indicator: at("indicator"),
      period: at("period"),
      value: at("value"),
      source: at("source"),
      sample_size: at("sample_size"),
    };
  }

  read(row: Row): Realisation | undefined {
    const cellAt = (index: number): Cell => (index < 0 ? "" : (row.cells[index] ?? ""));
    const cell = (index: number) => cellText(cellAt(index)).trim();
    const error = (message: string) => this.log.error(this.source, row.line, message);
    if (row.cells.length !== this.header.length) {
      error(`has ${row.cells.length} fields where the header has ${this.header.length}`);
      return undefined;
    }
    const indicatorId = cell(this.columns.indicator);
    const periodId = cell(this.columns.period);
    const indicator = this.indicators.get(indicatorId);
    const knownPeriod = this.periods.has(periodId);
    if (!indicator)
      error(`unknown indicator "${indicatorId}" (column indicator): not in plan.yaml`);
    if (!knownPeriod) error(`unknown period "${periodId}" (column period): not in plan.yaml`);
    if (this.isDuplicate(indicatorId, periodId, row.line, error)) return undefined;
    const ctx: RowContext = {
      source: this.source,
      line: row.line,
      notation: this.notation,
      log: this.log,
    };
    const value = indicator ? readValue(cellAt(this.columns.value), indicator, ctx) : undefined;
    const sampleSize = readSampleSize(cellAt(this.columns.sample_size), ctx);
    if (!indicator || !knownPeriod || !value || sampleSize === null) return undefined;
    const source = cell(this.columns.source);
    return {
      indicatorId,
      periodId,
      value,
      ...(source ? { source } : {}),
      ...(sampleSize !== undefined ? { sampleSize } : {}),
    };
  }

  private isDuplicate(
    indicatorId: string,
    periodId: string,
    line: number,
    error: (message: string) => void,
  ): boolean {
    let lines = this.seen.get(indicatorId);
    if (!lines) {
      lines = new Map();
      this.seen.set(indicatorId, lines);
    }
    const first = lines.get(periodId);
    if (first !== undefined) {
      const where = typeof this.source === "string" ? "line" : "row";
      error(
        `duplicate row for indicator "${indicatorId}" and period "${periodId}" (first on ${where} ${first})`,
      );
      return true;
    }
    lines.set(periodId, line);
    return false;
  }
}

function readValue(cell: Cell, indicator: Indicator, ctx: RowContext): RealisedValue | undefined {
  const result = interpretCell(cell, indicator, ctx.notation);
  if ("value" in result) return result.value;
  ctx.log.error(
    ctx.source,
    ctx.line,
    `${result.error} (column value, indicator "${indicator.id}")`,
  );
  return undefined;
}

/** A number cell needs no notation; a text cell is read as its file writes numbers. */
function interpretCell(
  cell: Cell,
  indicator: Indicator,
  notation: Notation,
): ReturnType<typeof interpretValue> {
  if (typeof cell !== "string") return interpretValue(cellText(cell), indicator, ",");
  const text = cell.trim();
  return notation === "either"
    ? interpretEither(text, indicator)
    : interpretValue(text, indicator, notation);
}

/**
 * A text cell of a workbook, read in both dialects: taken when they agree or only one can read
 * it, refused when they read different numbers (1.417), never a guess.
 */
function interpretEither(text: string, indicator: Indicator): ReturnType<typeof interpretValue> {
  const comma = interpretValue(text, indicator, ",");
  const semicolon = interpretValue(text, indicator, ";");
  if ("error" in comma) return semicolon;
  if ("error" in semicolon) return comma;
  if (comma.value.kind !== "number" || semicolon.value.kind !== "number") return comma;
  if (compareDecimal(comma.value.value, semicolon.value.value) === 0) return comma;
  return {
    error: `"${text}" is text that reads as ${decimalToString(semicolon.value.value)} in Dutch notation and as ${decimalToString(comma.value.value)} in English: enter it as a number`,
  };
}

/**
 * A written value for an indicator: a number in the dialect's notation (a percentage may end
 * in %), met/not-met for a qualitative target, or empty, n.b. or n.v.t. for no figure.
 */
export function interpretValue(
  text: string,
  indicator: Indicator,
  dialect: Dialect,
): { value: RealisedValue } | { error: string } {
  if (text === "") return { value: { kind: "missing", word: "" } };
  if (MISSING.test(text)) return { value: { kind: "missing", word: text } };
  const qualitative = indicator.target.kind === "qualitative";
  const assessment = text.toLowerCase();
  if (assessment === "met" || assessment === "not-met") {
    return qualitative
      ? { value: { kind: "assessment", met: assessment === "met" } }
      : {
          error: `"${text}" is an assessment, but this indicator has no qualitative target: give a number`,
        };
  }
  if (qualitative)
    return { error: `"${text}" is not an assessment: a qualitative target takes met or not-met` };
  const percent = /\s*%$/.exec(text);
  if (percent && indicator.unit !== "percent") {
    return { error: `"${text}" has % but the indicator's unit is ${indicator.unit}` };
  }
  const number = parseNumber(percent ? text.slice(0, percent.index) : text, dialect);
  return "error" in number ? number : { value: { kind: "number", value: number.value } };
}

/** Undefined when absent, null when invalid (already logged). */
export function readSampleSize(cell: Cell, ctx: RowContext): number | undefined | null {
  const text = cellText(cell).trim();
  if (text === "") return undefined;
  // A workbook's text cell: `;` reads every whole number `,` does, and 1.200 besides.
  const dialect = typeof cell !== "string" ? "," : ctx.notation === "either" ? ";" : ctx.notation;
  const digits =
    dialect === ";"
      ? text.replace(/^(\d{1,3})((?:\.\d{3})+)$/, (_, a, b) => a + b.replaceAll(".", ""))
      : text;
  if (/^\d+$/.test(digits)) return Number(digits);
  ctx.log.error(
    ctx.source,
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
): CsvRecord[] | undefined {
  try {
    return parseCsv(text, dialect);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      log.error(file, error.line, `CSV: ${error.message}`);
      return undefined;
    }
    throw error;
  }
}
