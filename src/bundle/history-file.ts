/**
 * Reads history.csv: earlier measurement waves of the plan's indicators, in the dialects and
 * number notation of realisations.csv, every problem logged with its line.
 */
import { parseIsoDate } from "../domain/calendar.js";
import { isoDate } from "../domain/format.js";
import { type Measurement, type WaveName, waveOfLabel } from "../domain/history.js";
import { type CalendarDate, type Indicator, indicatorsOf, type Plan } from "../domain/plan.js";
import type { ProblemLog } from "./problems.js";
import {
  cellText,
  columnsOf,
  type Dialect,
  interpretValue,
  type Row,
  type RowContext,
  readCsvTable,
  readSampleSize,
  type Table,
} from "./realisations-file.js";

const REQUIRED = ["indicator", "wave", "value"] as const;

export function readHistory(
  text: string,
  file: string,
  plan: Plan,
  log: ProblemLog,
): Measurement[] {
  const table = readCsvTable(text, file, log, REQUIRED.join(", "));
  if (!table) return [];
  const header = columnsOf(table);
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    const names = missing.map((c) => `"${c}"`).join(", ");
    log.error(file, table.header.line, `missing required column ${names} in the header`);
    return [];
  }
  const reader = new HistoryReader(table, plan, log, header);
  return table.rows.flatMap((row) => reader.read(row) ?? []);
}

class HistoryReader {
  private readonly indicators: ReadonlyMap<string, Indicator>;
  /** The line of each indicator's wave, by its date, to name the first of a duplicate. */
  private readonly seen = new Map<string, number>();
  private readonly at: (name: string) => number;

  constructor(
    private readonly table: Table,
    plan: Plan,
    private readonly log: ProblemLog,
    private readonly header: readonly string[],
  ) {
    this.indicators = new Map(indicatorsOf(plan.nodes).map((i) => [i.id, i]));
    this.at = (name) => header.indexOf(name);
  }

  read(row: Row): Measurement | undefined {
    const cell = (name: string) => cellText(row.cells[this.at(name)] ?? "").trim();
    const error = (message: string) => this.log.error(this.table.source, row.line, message);
    if (row.cells.length !== this.header.length) {
      error(`has ${row.cells.length} fields where the header has ${this.header.length}`);
      return undefined;
    }
    const indicatorId = cell("indicator");
    const indicator = this.indicators.get(indicatorId);
    if (!indicator)
      error(`unknown indicator "${indicatorId}" (column indicator): not in plan.yaml`);
    const wave = readWave(cell("wave"), cell("date"), error);
    const value = indicator && this.readFigure(cell("value"), indicator, error);
    const ctx: RowContext = { ...this.context(), line: row.line };
    const sampleSize = readSampleSize(row.cells[this.at("sample_size")] ?? "", ctx);
    if (!indicator || !wave || !value || sampleSize === null) return undefined;
    if (this.isDuplicate(indicatorId, wave, row.line, error)) return undefined;
    const source = cell("source");
    return {
      indicatorId,
      ...wave,
      value,
      ...(sampleSize !== undefined ? { sampleSize } : {}),
      ...(source ? { source } : {}),
    };
  }

  private context(): Omit<RowContext, "line"> {
    return { source: this.table.source, notation: this.table.notation, log: this.log };
  }

  private readFigure(text: string, indicator: Indicator, error: (message: string) => void) {
    const result = interpretValue(text, indicator, this.table.notation as Dialect);
    const where = `(column value, indicator "${indicator.id}")`;
    if ("error" in result) error(`${result.error} ${where}`);
    else if (result.value.kind === "number") return result.value.value;
    else error(`"${text}" is not a figure: a history row holds a measured number ${where}`);
    return undefined;
  }

  private isDuplicate(
    indicatorId: string,
    wave: { date: CalendarDate; wave: string },
    line: number,
    error: (message: string) => void,
  ): boolean {
    const key = `${indicatorId}\u0000${isoDate(wave.date)}`;
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, line);
      return false;
    }
    error(
      `duplicate wave for indicator "${indicatorId}" on ${isoDate(wave.date)} ("${wave.wave}", first on line ${first})`,
    );
    return true;
  }
}

type Wave = Pick<Measurement, "date" | "name" | "wave">;

/** A wave from its label and date: either may be left out, but not both. */
function readWave(
  label: string,
  dateText: string,
  error: (message: string) => void,
): Wave | undefined {
  const date = dateText ? parseIsoDate(dateText) : undefined;
  if (dateText && !date) {
    error(`date "${dateText}" is not a calendar date (YYYY-MM-DD) (column date)`);
    return undefined;
  }
  const labelDate = parseIsoDate(label);
  const known = labelDate ? { name: dateName(labelDate), date: labelDate } : waveOfLabel(label);
  if (!label && date) return { date, name: dateName(date), wave: dateText };
  if (known) return { date: date ?? known.date, name: known.name, wave: label };
  if (label && date) return { date, name: { kind: "label", text: label }, wave: label };
  error(
    label
      ? `wave "${label}" is not a date (YYYY-MM-DD) or a label such as Q2 2024, H1 2024 or 2024: give its date (column date)`
      : "a wave needs a label or a date (column wave)",
  );
  return undefined;
}

function dateName(date: CalendarDate): WaveName {
  return { kind: "date", date };
}
