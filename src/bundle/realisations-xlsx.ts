/**
 * Reads realisations from an Excel workbook (.xlsx): its first worksheet, laid out as
 * realisations.csv with a header row, goes through the same checks as the CSV file. Number
 * cells are numbers, so they need no dialect; problems name the sheet and the row.
 */
import ExcelJS from "exceljs";
import type { Plan, Realisation } from "../domain/plan.js";
import type { ProblemLog } from "./problems.js";
import { type Cell, type Row, type Table, tableRealisations } from "./realisations-file.js";

type SheetSource = { readonly file: string; readonly sheet: string };

export async function readRealisationsXlsx(
  bytes: Uint8Array,
  file: string,
  plan: Plan,
  log: ProblemLog,
): Promise<Realisation[]> {
  const table = await readSheetTable(bytes, file, log);
  return table ? tableRealisations(table, plan, log) : [];
}

/** The first worksheet's rows, or undefined when there is no sheet to read (logged). */
export async function readSheetTable(
  bytes: Uint8Array,
  file: string,
  log: ProblemLog,
): Promise<Table | undefined> {
  const sheet = await firstSheet(bytes, file, log);
  if (!sheet) return undefined;
  const source = { file, sheet: sheet.name };
  const [header, ...rows] = filledRows(sheet);
  if (!header) {
    log.error(
      source,
      undefined,
      "the sheet is empty: it needs a header row indicator, period, value",
    );
    return undefined;
  }
  const width = headerWidth(header);
  const data: Row[] = [];
  for (const row of rows) {
    const cells = readCells(row, width, source, log);
    if (cells?.some((cell) => cell !== "")) data.push({ line: row.number, cells });
  }
  return {
    source,
    notation: "either",
    header: { line: header.number, cells: readCells(header, width, source, log) ?? [] },
    rows: data,
  };
}

async function firstSheet(
  bytes: Uint8Array,
  file: string,
  log: ProblemLog,
): Promise<ExcelJS.Worksheet | undefined> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    // Whatever the unzipping or XML says, the user's answer is the same.
    log.error(
      file,
      undefined,
      "not an Excel workbook (.xlsx): save it as one, or upload a CSV file",
    );
    return undefined;
  }
  const [sheet] = workbook.worksheets;
  if (!sheet) log.error(file, undefined, "the workbook has no worksheet");
  return sheet;
}

/** Rows with a value in any cell; formatting alone leaves a row empty. */
function filledRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => {
    if (row.hasValues) rows.push(row);
  });
  return rows;
}

/** Up to the last named column: cells to the right of it are ignored, as extra columns are. */
function headerWidth(header: ExcelJS.Row): number {
  let width = 0;
  header.eachCell((cell, column) => {
    if (cell.text.trim() !== "") width = column;
  });
  return width;
}

/** The row's cells up to `width`, or undefined when one cannot be read (logged). */
function readCells(
  row: ExcelJS.Row,
  width: number,
  source: SheetSource,
  log: ProblemLog,
): Cell[] | undefined {
  const cells: Cell[] = [];
  let readable = true;
  for (let column = 1; column <= width; column++) {
    const cell = readCell(row.getCell(column));
    if (typeof cell === "object" && "problem" in cell) {
      log.error(source, row.number, cell.problem);
      readable = false;
    } else {
      cells.push(cell);
    }
  }
  return readable ? cells : undefined;
}

/** A formula counts by the result Excel stored with it; a date as its ISO day. */
function readCell(cell: ExcelJS.Cell): Cell | { readonly problem: string } {
  const formula = cell.type === ExcelJS.ValueType.Formula;
  const value = formula ? cell.result : cell.value;
  if (value === null || value === undefined) {
    return formula
      ? {
          problem: `cell ${cell.address} has a formula without a computed result: open the workbook in Excel and save it`,
        }
      : "";
  }
  if (typeof value === "number")
    return { number: value, percent: cell.numFmt?.includes("%") === true };
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && "error" in value) {
    return { problem: `cell ${cell.address} holds the error ${value.error}` };
  }
  return formula ? String(value) : cell.text;
}
