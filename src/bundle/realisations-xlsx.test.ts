import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { decimalToString } from "../domain/decimal.js";
import { formatProblem } from "../domain/errors.js";
import type { Plan, Realisation } from "../domain/plan.js";
import { readPlan } from "./plan-file.js";
import { ProblemLog } from "./problems.js";
import { readRealisations } from "./realisations-file.js";
import { readRealisationsXlsx } from "./realisations-xlsx.js";

const PLAN_YAML = `id: p
title: P
year: 2025
periods:
  - id: 2025-04
    label: jan - apr
    until: 2025-04-30
  - id: 2025-10
    label: jan - okt
    until: 2025-10-31
indicators:
  - id: tevreden
    title: Tevredenheid
    target: ">= 70%"
  - id: bezwaren
    title: Bezwaren
    unit: count
    target: "<= 1417"
  - id: rechtmatig
    title: Rechtmatigheid
    target: { text: "Binnen de tolerantie" }
`;

function makePlan(): Plan {
  const log = new ProblemLog();
  const plan = readPlan(PLAN_YAML, "plan.yaml", log);
  if (!plan) throw new Error(`test plan is invalid: ${JSON.stringify(log.errors)}`);
  return plan;
}

const plan = makePlan();
const FILE = "realisaties.xlsx";
const HEADER = ["indicator", "period", "value", "source"];

/** A real .xlsx file whose first sheet, Blad1, has these rows from row 1. */
async function workbook(
  rows: readonly (readonly ExcelJS.CellValue[])[],
  shape: (sheet: ExcelJS.Worksheet) => void = () => undefined,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Blad1");
  for (const row of rows) sheet.addRow([...row]);
  shape(sheet);
  book.addWorksheet("Blad2").addRow(["indicator", "period", "value"]);
  return (await book.xlsx.writeBuffer()) as unknown as Uint8Array;
}

async function read(bytes: Uint8Array) {
  const log = new ProblemLog();
  const realisations = await readRealisationsXlsx(bytes, FILE, plan, log);
  return { realisations, errors: log.errors, problems: log.errors.map(formatProblem) };
}

function numberOf(realisation: Realisation | undefined): string {
  if (realisation?.value.kind !== "number") {
    throw new Error(`not a number: ${JSON.stringify(realisation?.value)}`);
  }
  return decimalToString(realisation.value.value);
}

describe("readRealisationsXlsx: a good workbook", () => {
  it("gives the realisations the CSV reader gives for the same figures", async () => {
    const bytes = await workbook(
      [
        [...HEADER, "sample_size"],
        ["tevreden", "2025-04", 73.5, "Monitor Q1", 1200],
        ["bezwaren", "2025-04", 1417, "Register", null],
        ["bezwaren", "2025-10", "n.v.t.", null, null],
        ["rechtmatig", "2025-10", "met", "Onderzoek", null],
      ],
      (sheet) => {
        sheet.getColumn(1).width = 30;
      },
    );
    const csv = [
      "indicator;period;value;source;sample_size",
      "tevreden;2025-04;73,5;Monitor Q1;1.200",
      "bezwaren;2025-04;1.417;Register;",
      "bezwaren;2025-10;n.v.t.;;",
      "rechtmatig;2025-10;met;Onderzoek;",
    ].join("\n");
    const fromCsv = readRealisations(csv, "realisations.csv", plan, new ProblemLog());
    const { realisations, errors } = await read(bytes);
    expect(errors).toEqual([]);
    expect(realisations).toEqual(fromCsv);
    expect(realisations).toHaveLength(4);
  });

  it("reads a cell shown as a percentage as the percentage it shows", async () => {
    const bytes = await workbook([HEADER, ["tevreden", "2025-04", 0.735]], (sheet) => {
      sheet.getCell("C2").numFmt = "0.0%";
    });
    const { realisations, errors } = await read(bytes);
    expect(errors).toEqual([]);
    expect(realisations.map(numberOf)).toEqual(["73.5"]);
  });

  it("takes a formula's computed result", async () => {
    const bytes = await workbook([
      HEADER,
      ["bezwaren", "2025-04", { formula: "1000+417", result: 1417 }],
      ["tevreden", "2025-04", { formula: "ROUND(93.54,1)", result: 93.5 }],
    ]);
    const { realisations, errors } = await read(bytes);
    expect(errors).toEqual([]);
    expect(realisations.map(numberOf)).toEqual(["1417", "93.5"]);
  });

  it("skips empty rows and counts rows as Excel numbers them", async () => {
    const bytes = await workbook([
      HEADER,
      ["tevreden", "2025-04", 73],
      [],
      [null, null, null],
      ["bezwaren", "2025-04", "veel"],
    ]);
    const { realisations, problems } = await read(bytes);
    expect(realisations.map(numberOf)).toEqual(["73"]);
    expect(problems).toEqual([
      `${FILE}, sheet Blad1, row 5: "veel" is not a number (column value, indicator "bezwaren")`,
    ]);
  });

  it("reads a text cell's number when it reads one way only, in either notation", async () => {
    const bytes = await workbook([
      HEADER,
      ["tevreden", "2025-04", "93,5"],
      ["tevreden", "2025-10", "93.5%"],
      ["bezwaren", "2025-04", "1.234.567"],
      ["bezwaren", "2025-10", "1417"],
    ]);
    const { realisations, errors } = await read(bytes);
    expect(errors).toEqual([]);
    expect(realisations.map(numberOf)).toEqual(["93.5", "93.5", "1234567", "1417"]);
  });
});

describe("readRealisationsXlsx: problems by sheet and row", () => {
  it("names the sheet and row of a value that is not a number", async () => {
    const bytes = await workbook([
      HEADER,
      ["tevreden", "2025-04", 73],
      ["bezwaren", "2025-04", "ongeveer 1400"],
    ]);
    const { realisations, errors, problems } = await read(bytes);
    expect(realisations).toHaveLength(1);
    expect(errors).toEqual([
      {
        file: FILE,
        sheet: "Blad1",
        line: 3,
        message: '"ongeveer 1400" is not a number (column value, indicator "bezwaren")',
      },
    ]);
    expect(problems[0]).toMatch(/^realisaties\.xlsx, sheet Blad1, row 3: "ongeveer 1400"/);
  });

  it("names an unknown indicator and a duplicate row", async () => {
    const bytes = await workbook([
      HEADER,
      ["bestaat-niet", "2025-04", 3],
      ["bezwaren", "2025-04", 1],
      ["bezwaren", "2025-04", 2],
    ]);
    const { realisations, problems } = await read(bytes);
    expect(realisations.map(numberOf)).toEqual(["1"]);
    expect(problems).toEqual([
      `${FILE}, sheet Blad1, row 2: unknown indicator "bestaat-niet" (column indicator): not in plan.yaml`,
      `${FILE}, sheet Blad1, row 4: duplicate row for indicator "bezwaren" and period "2025-04" (first on row 3)`,
    ]);
  });

  it("refuses a text number that reads differently in Dutch and English notation", async () => {
    const { problems } = await read(await workbook([HEADER, ["bezwaren", "2025-04", "1.417"]]));
    expect(problems).toEqual([
      `${FILE}, sheet Blad1, row 2: "1.417" is text that reads as 1417 in Dutch notation and as 1.417 in English: enter it as a number (column value, indicator "bezwaren")`,
    ]);
  });

  it("refuses a percentage cell for an indicator that is not a percentage", async () => {
    const bytes = await workbook([HEADER, ["bezwaren", "2025-04", 0.05]], (sheet) => {
      sheet.getCell("C2").numFmt = "0%";
    });
    const { problems } = await read(bytes);
    expect(problems).toEqual([
      `${FILE}, sheet Blad1, row 2: "5%" has % but the indicator's unit is count (column value, indicator "bezwaren")`,
    ]);
  });

  it("refuses a formula without a computed result and an error value, naming the cell", async () => {
    const bytes = await workbook([
      HEADER,
      ["bezwaren", "2025-04", { formula: "1000+417" }],
      ["bezwaren", "2025-10", { formula: "1/0", result: { error: "#DIV/0!" } }],
    ]);
    const { realisations, problems } = await read(bytes);
    expect(realisations).toEqual([]);
    expect(problems).toEqual([
      `${FILE}, sheet Blad1, row 2: cell C2 has a formula without a computed result: open the workbook in Excel and save it`,
      `${FILE}, sheet Blad1, row 3: cell C3 holds the error #DIV/0!`,
    ]);
  });

  it("names a missing column in the header row", async () => {
    const { problems } = await read(
      await workbook([
        ["indicator", "waarde"],
        ["bezwaren", 3],
      ]),
    );
    expect(problems).toEqual([
      `${FILE}, sheet Blad1, row 1: missing required column "period", "value" in the header`,
    ]);
  });

  it("says a sheet without rows is empty", async () => {
    const { problems } = await read(await workbook([]));
    expect(problems).toEqual([
      `${FILE}, sheet Blad1: the sheet is empty: it needs a header row indicator, period, value`,
    ]);
  });

  it("gives one clear error for bytes that are not a workbook", async () => {
    const csv = new TextEncoder().encode("indicator,period,value\nbezwaren,2025-04,3\n");
    const { realisations, errors } = await read(csv);
    expect(realisations).toEqual([]);
    expect(errors).toEqual([
      {
        file: FILE,
        message: "not an Excel workbook (.xlsx): save it as one, or upload a CSV file",
      },
    ]);
  });
});
