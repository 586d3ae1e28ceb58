/** Reads realisations.csv in either dialect of FORMAT.md, logging every problem with its line. */
import { type Decimal, parseDecimal } from "../domain/decimal.js";
import {
  type Indicator,
  indicatorsOf,
  type Plan,
  type Realisation,
  type RealisedValue,
} from "../domain/plan.js";
import { type CsvRecord, CsvSyntaxError, parseCsv } from "./csv.js";
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
  const dialect = detectDialect(text.replace(/^\uFEFF/, ""));
  const rows = parseRows(text, file, dialect, log);
  if (!rows || rows.length === 0) {
    if (rows)
      log.error(file, 1, "the file is empty: it needs a header row indicator, period, value");
    return [];
  }
  const [headerRow, ...dataRows] = rows as [CsvRecord, ...CsvRecord[]];
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
  const reader = new RowReader(file, dialect, plan, log, header);
  const realisations: Realisation[] = [];
  for (const row of dataRows) {
    const realisation = reader.read(row);
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

/** Reads data rows against the plan, remembering the rows seen to find duplicates. */
class RowReader {
  private readonly indicators: ReadonlyMap<string, Indicator>;
  private readonly periods: ReadonlySet<string>;
  private readonly seen = new Map<string, Map<string, number>>();
  private readonly columns: Record<
    "indicator" | "period" | "value" | "source" | "sample_size",
    number
  >;

  constructor(
    private readonly file: string,
    private readonly dialect: Dialect,
    plan: Plan,
    private readonly log: ProblemLog,
    private readonly header: readonly string[],
  ) {
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

  read(row: CsvRecord): Realisation | undefined {
    const cell = (index: number) => (index < 0 ? "" : (row.cells[index] ?? "").trim());
    const error = (message: string) => this.log.error(this.file, row.line, message);
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
      file: this.file,
      line: row.line,
      dialect: this.dialect,
      log: this.log,
    };
    const value = indicator ? readValue(cell(this.columns.value), indicator, ctx) : undefined;
    const sampleSize = readSampleSize(cell(this.columns.sample_size), ctx);
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
      error(
        `duplicate row for indicator "${indicatorId}" and period "${periodId}" (first on line ${first})`,
      );
      return true;
    }
    lines.set(periodId, line);
    return false;
  }
}

function readValue(text: string, indicator: Indicator, ctx: RowContext): RealisedValue | undefined {
  const result = interpretValue(text, indicator, ctx.dialect);
  if ("value" in result) return result.value;
  ctx.log.error(ctx.file, ctx.line, `${result.error} (column value, indicator "${indicator.id}")`);
  return undefined;
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
