import { describe, expect, it } from "vitest";
import { decimalToString } from "../domain/decimal.js";
import type { Plan, Realisation } from "../domain/plan.js";
import { readPlan } from "./plan-file.js";
import { ProblemLog } from "./problems.js";
import { detectDialect, parseNumber, readRealisations } from "./realisations-file.js";

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
const FILE = "bundle/realisations.csv";

function read(csv: string) {
  const log = new ProblemLog();
  const realisations = readRealisations(csv, FILE, plan, log);
  return { realisations, errors: log.errors, warnings: log.warnings };
}

/** The number a realisation holds, as decimal text (exact, no floating point). */
function numberOf(realisation: Realisation | undefined): string {
  if (realisation?.value.kind !== "number") {
    throw new Error(`not a number: ${JSON.stringify(realisation?.value)}`);
  }
  return decimalToString(realisation.value.value);
}

function numberResult(result: ReturnType<typeof parseNumber>): string {
  if ("error" in result) throw new Error(result.error);
  return decimalToString(result.value);
}

describe("detectDialect", () => {
  it("takes a comma-separated header as the comma dialect", () => {
    expect(detectDialect("indicator,period,value\ntevreden,2025-04,73\n")).toBe(",");
  });

  it("takes a ;-separated header as the Dutch spreadsheet dialect", () => {
    expect(detectDialect("indicator;period;value\ntevreden;2025-04;73\n")).toBe(";");
  });

  it("looks at the header only, not at the data rows", () => {
    expect(detectDialect('indicator,period,value,source\ntevreden,2025-04,73,"a;b"\n')).toBe(",");
  });

  it("reads the header of a CRLF file", () => {
    expect(detectDialect("indicator;period;value\r\ntevreden;2025-04;73\r\n")).toBe(";");
  });
});

describe("parseNumber", () => {
  it.each([
    ["93.5", "93.5"],
    ["1417", "1417"],
    ["-2", "-2"],
    ["0.05", "0.05"],
  ])("reads %s in the comma dialect as %s", (text, expected) => {
    expect(numberResult(parseNumber(text, ","))).toBe(expected);
  });

  it.each(["93,5", "1.417.000", "1,417", "abc", "", "12a"])(
    "refuses %j in the comma dialect, naming it",
    (text) => {
      const result = parseNumber(text, ",");
      expect(result).toHaveProperty("error");
      if ("error" in result) expect(result.error).toContain(`"${text}"`);
    },
  );

  it("hints at the decimal point for a decimal comma in the comma dialect", () => {
    const result = parseNumber("93,5", ",");
    expect("error" in result && result.error).toContain("93.5");
  });

  it.each([
    ["93,5", "93.5"],
    ["1.417", "1417"],
    ["1.234.567,5", "1234567.5"],
    ["1417", "1417"],
    ["-2", "-2"],
    ["-1.234,5", "-1234.5"],
    ["0,05", "0.05"],
  ])("reads %s in the ; dialect as %s", (text, expected) => {
    expect(numberResult(parseNumber(text, ";"))).toBe(expected);
  });

  it.each(["99.98", "1.41", "1.2345", "12.34,5", "1.2345.678", "1,2,3", "abc"])(
    "refuses %j in the ; dialect (a point only groups thousands), naming it",
    (text) => {
      const result = parseNumber(text, ";");
      expect(result).toHaveProperty("error");
      if ("error" in result) expect(result.error).toContain(`"${text}"`);
    },
  );
});

describe("readRealisations: numbers", () => {
  it("reads the comma dialect", () => {
    const { realisations, errors } = read(
      [
        "indicator,period,value,source",
        "tevreden,2025-04,93.5,Monitor Q1",
        "bezwaren,2025-04,1417,",
        "bezwaren,2025-10,-2,Register",
      ].join("\n"),
    );
    expect(errors).toEqual([]);
    expect(realisations.map(numberOf)).toEqual(["93.5", "1417", "-2"]);
    expect(realisations[0]).toMatchObject({
      indicatorId: "tevreden",
      periodId: "2025-04",
      source: "Monitor Q1",
    });
    expect(realisations[1]).not.toHaveProperty("source");
    expect(realisations[2]).toMatchObject({ indicatorId: "bezwaren", periodId: "2025-10" });
  });

  it("reads the ; dialect with decimal comma and thousands points", () => {
    const { realisations, errors } = read(
      [
        "indicator;period;value;source",
        "tevreden;2025-04;93,5;Monitor Q1",
        "bezwaren;2025-04;1.417;",
        "bezwaren;2025-10;1.234.567,5;Register",
      ].join("\n"),
    );
    expect(errors).toEqual([]);
    expect(realisations.map(numberOf)).toEqual(["93.5", "1417", "1234567.5"]);
  });

  it.each(["99.98", "1.41", "1.2345", "12.34,5"])(
    "refuses %s in the ; dialect with a message naming the value and the column value",
    (value) => {
      const { realisations, errors } = read(`indicator;period;value\ntevreden;2025-04;${value}\n`);
      expect(realisations).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: FILE, line: 2 });
      expect(errors[0]?.message).toContain(`"${value}"`);
      expect(errors[0]?.message).toMatch(/\bcolumn value\b/);
    },
  );

  it("refuses a decimal comma in the comma dialect (quoted so it is one field)", () => {
    const { errors } = read('indicator,period,value\ntevreden,2025-04,"93,5"\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: FILE, line: 2 });
    expect(errors[0]?.message).toContain('"93,5"');
    expect(errors[0]?.message).toMatch(/\bcolumn value\b/);
  });

  it.each([
    [",", "73%", "73"],
    [",", "73 %", "73"],
    [",", "93.5%", "93.5"],
    [";", "93,5%", "93.5"],
  ])("allows a %% suffix for a percent unit (dialect %s, %s)", (dialect, value, expected) => {
    const { realisations, errors } = read(
      `indicator${dialect}period${dialect}value\ntevreden${dialect}2025-04${dialect}${value}\n`,
    );
    expect(errors).toEqual([]);
    expect(realisations.map(numberOf)).toEqual([expected]);
  });

  it("refuses a % suffix for a count", () => {
    const { realisations, errors } = read("indicator,period,value\nbezwaren,2025-04,5%\n");
    expect(realisations).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: FILE, line: 2 });
    expect(errors[0]?.message).toContain('"5%"');
    expect(errors[0]?.message).toMatch(/\bcolumn value\b/);
  });
});

describe("readRealisations: file syntax", () => {
  it("ignores a leading byte-order mark (comma dialect)", () => {
    const { realisations, errors } = read("\uFEFFindicator,period,value\ntevreden,2025-04,73\n");
    expect(errors).toEqual([]);
    expect(realisations.map(numberOf)).toEqual(["73"]);
  });

  it("ignores a leading byte-order mark (; dialect)", () => {
    const { realisations, errors } = read("\uFEFFindicator;period;value\ntevreden;2025-04;93,5\n");
    expect(errors).toEqual([]);
    expect(realisations.map(numberOf)).toEqual(["93.5"]);
  });

  it("follows RFC 4180 quoting: a delimiter and a doubled quote inside a quoted field", () => {
    const { realisations, errors } = read(
      'indicator,period,value,source\ntevreden,2025-04,73,"Monitor, golf ""Q1"""\n',
    );
    expect(errors).toEqual([]);
    expect(realisations[0]?.source).toBe('Monitor, golf "Q1"');
  });

  it("follows RFC 4180 quoting in the ; dialect", () => {
    const { realisations, errors } = read(
      'indicator;period;value;source\n"tevreden";"2025-04";"93,5";"Monitor; golf ""Q1"""\n',
    );
    expect(errors).toEqual([]);
    expect(realisations.map(numberOf)).toEqual(["93.5"]);
    expect(realisations[0]?.source).toBe('Monitor; golf "Q1"');
  });

  it("reads CRLF line ends, with lines counted as in an LF file", () => {
    const { realisations, errors } = read(
      "indicator,period,value,source\r\ntevreden,2025-04,73,Monitor\r\nbezwaren,2025-04,veel,x\r\n",
    );
    expect(realisations).toHaveLength(1);
    expect(realisations.map(numberOf)).toEqual(["73"]);
    expect(realisations[0]?.source).toBe("Monitor");
    expect(errors.map((e) => e.line)).toEqual([3]);
  });

  it("keeps other columns out of the way (extra columns are ignored)", () => {
    const { realisations, errors, warnings } = read(
      [
        "indicator,opmerking,period,value,source,sample_size,eigenaar",
        "tevreden,ok,2025-04,73,Monitor,250,Jan",
      ].join("\n"),
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(realisations).toEqual([
      {
        indicatorId: "tevreden",
        periodId: "2025-04",
        value: { kind: "number", value: { units: 73n, scale: 0 } },
        source: "Monitor",
        sampleSize: 250,
      },
    ]);
  });

  it("reads a header regardless of case and surrounding spaces", () => {
    const { realisations, errors } = read(" Indicator , PERIOD,Value\ntevreden,2025-04,73\n");
    expect(errors).toEqual([]);
    expect(realisations.map(numberOf)).toEqual(["73"]);
  });

  it("reports a missing required column in the header, on line 1, naming it", () => {
    const { realisations, errors } = read("indicator,period,source\ntevreden,2025-04,x\n");
    expect(realisations).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: FILE, line: 1 });
    expect(errors[0]?.message).toContain('"value"');
  });

  it("names every missing required column", () => {
    const { errors } = read("indicator;source\ntevreden;x\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: FILE, line: 1 });
    expect(errors[0]?.message).toContain('"period"');
    expect(errors[0]?.message).toContain('"value"');
  });

  it("reports an empty file on line 1", () => {
    const { realisations, errors } = read("");
    expect(realisations).toEqual([]);
    expect(errors).toEqual([{ file: FILE, line: 1, message: expect.stringContaining("empty") }]);
  });

  it("reports a row with too few fields", () => {
    const { errors } = read("indicator,period,value\ntevreden,2025-04\n");
    expect(errors).toEqual([{ file: FILE, line: 2, message: expect.stringContaining("fields") }]);
  });
});

describe("readRealisations: no figure", () => {
  it.each([
    ["", ""],
    ["n.b.", "n.b."],
    ["N.B.", "N.B."],
    ["n.v.t.", "n.v.t."],
    ["N.V.T.", "N.V.T."],
  ])("reads %j as no figure, keeping the word as written (%j)", (value, word) => {
    const { realisations, errors } = read(`indicator,period,value\ntevreden,2025-04,${value}\n`);
    expect(errors).toEqual([]);
    expect(realisations).toEqual([
      { indicatorId: "tevreden", periodId: "2025-04", value: { kind: "missing", word } },
    ]);
  });

  it("reads an empty value in the ; dialect and for a qualitative target as no figure", () => {
    const { realisations, errors } = read(
      "indicator;period;value;source\nrechtmatig;2025-04;;\nrechtmatig;2025-10;n.b.;\n",
    );
    expect(errors).toEqual([]);
    expect(realisations.map((r) => r.value)).toEqual([
      { kind: "missing", word: "" },
      { kind: "missing", word: "n.b." },
    ]);
  });
});

describe("readRealisations: assessments", () => {
  it("reads met and not-met for a qualitative target", () => {
    const { realisations, errors } = read(
      "indicator,period,value\nrechtmatig,2025-04,met\nrechtmatig,2025-10,not-met\n",
    );
    expect(errors).toEqual([]);
    expect(realisations.map((r) => r.value)).toEqual([
      { kind: "assessment", met: true },
      { kind: "assessment", met: false },
    ]);
  });

  it("refuses an assessment for a numeric target", () => {
    const { realisations, errors } = read("indicator,period,value\ntevreden,2025-04,met\n");
    expect(realisations).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: FILE, line: 2 });
    expect(errors[0]?.message).toContain('"met"');
    expect(errors[0]?.message).toMatch(/\bcolumn value\b/);
  });

  it("refuses a number for a qualitative target", () => {
    const { realisations, errors } = read("indicator,period,value\nrechtmatig,2025-04,73\n");
    expect(realisations).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: FILE, line: 2 });
    expect(errors[0]?.message).toContain('"73"');
    expect(errors[0]?.message).toMatch(/\bcolumn value\b/);
  });
});

describe("readRealisations: rows that do not fit the plan", () => {
  it("reports an unknown indicator, naming it and the column", () => {
    const { realisations, errors } = read(
      "indicator,period,value\ntevreden,2025-04,73\nonbekend,2025-04,5\n",
    );
    expect(realisations).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: FILE, line: 3 });
    expect(errors[0]?.message).toContain('"onbekend"');
    expect(errors[0]?.message).toMatch(/\bcolumn indicator\b/);
  });

  it("reports an unknown period, naming it and the column", () => {
    const { realisations, errors } = read("indicator,period,value\ntevreden,2025-13,73\n");
    expect(realisations).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: FILE, line: 2 });
    expect(errors[0]?.message).toContain('"2025-13"');
    expect(errors[0]?.message).toMatch(/\bcolumn period\b/);
  });

  it("reports a duplicate (indicator, period) pair at its second occurrence, naming the first line", () => {
    const { realisations, errors } = read(
      [
        "indicator,period,value",
        "tevreden,2025-04,73",
        "bezwaren,2025-04,5",
        "tevreden,2025-10,75",
        "tevreden,2025-04,74",
      ].join("\n"),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: FILE, line: 5 });
    expect(errors[0]?.message).toContain('"tevreden"');
    expect(errors[0]?.message).toContain('"2025-04"');
    expect(errors[0]?.message).toContain("first on line 2");
    expect(realisations.map(numberOf)).toEqual(["73", "5", "75"]);
  });

  it("reports every error in the file, each on its own line, not only the first", () => {
    const { realisations, errors } = read(
      [
        "indicator;period;value;sample_size", // 1
        "onbekend;2025-04;5;", // 2
        "tevreden;2025-04;73;", // 3 (valid)
        "tevreden;2025-13;73;", // 4
        "bezwaren;2025-04;99.98;", // 5
        "tevreden;2025-04;74;", // 6 duplicate of 3
        "rechtmatig;2025-04;ja;", // 7
        "bezwaren;2025-10;12;12,5", // 8
      ].join("\n"),
    );
    expect(realisations.map(numberOf)).toEqual(["73"]);
    expect(
      errors.map((e) => [e.line, e.message.match(/column \w+|first on line \d+/)?.[0]]),
    ).toEqual([
      [2, "column indicator"],
      [4, "column period"],
      [5, "column value"],
      [6, "first on line 3"],
      [7, "column value"],
      [8, "column sample_size"],
    ]);
    expect(errors.every((e) => e.file === FILE)).toBe(true);
  });
});

describe("readRealisations: line numbers", () => {
  it("counts the header as line 1 and skips nothing", () => {
    const { errors } = read("indicator,period,value\nbezwaren,2025-04,x\nbezwaren,2025-10,y\n");
    expect(errors.map((e) => e.line)).toEqual([2, 3]);
  });

  it("counts blank lines", () => {
    const { errors } = read("indicator,period,value\n\nbezwaren,2025-04,x\n\nbezwaren,2025-10,y\n");
    expect(errors.map((e) => e.line)).toEqual([3, 5]);
  });

  it("counts both lines of a quoted field that spans two lines, for the rows after it", () => {
    const { realisations, errors } = read(
      [
        "indicator,period,value,source", // 1
        'tevreden,2025-04,73,"Monitor', // 2
        'golf 1"', // 3
        "bezwaren,2025-04,veel,x", // 4
      ].join("\n"),
    );
    expect(realisations[0]?.source).toBe("Monitor\ngolf 1");
    expect(errors.map((e) => e.line)).toEqual([4]);
  });

  it("reports a record that spans two lines at the line where it starts", () => {
    const { errors } = read(
      [
        "indicator,period,value,source", // 1
        'bezwaren,2025-04,veel,"Register', // 2: the bad record starts here
        'deel 2"', // 3
        "bezwaren,2025-10,x,y", // 4
      ].join("\n"),
    );
    expect(errors.map((e) => e.line)).toEqual([2, 4]);
  });

  it("counts a CRLF inside a quoted field as one line end", () => {
    const { realisations, errors } = read(
      [
        "indicator,period,value,source", // 1
        'tevreden,2025-04,73,"Monitor', // 2
        'golf 1"', // 3
        "bezwaren,2025-04,veel,x", // 4
        "", // (end)
      ].join("\r\n"),
    );
    expect(realisations).toHaveLength(1);
    expect(errors.map((e) => e.line)).toEqual([4]);
  });
});

describe("readRealisations: sample_size", () => {
  it("reads a whole number in the comma dialect", () => {
    const { realisations, errors } = read(
      "indicator,period,value,sample_size\ntevreden,2025-04,73,250\n",
    );
    expect(errors).toEqual([]);
    expect(realisations[0]?.sampleSize).toBe(250);
  });

  it("reads 1.234 in the ; dialect as 1234", () => {
    const { realisations, errors } = read(
      "indicator;period;value;sample_size\ntevreden;2025-04;73;1.234\n",
    );
    expect(errors).toEqual([]);
    expect(realisations[0]?.sampleSize).toBe(1234);
  });

  it("leaves an empty sample size out", () => {
    const { realisations, errors } = read(
      "indicator,period,value,sample_size\ntevreden,2025-04,73,\n",
    );
    expect(errors).toEqual([]);
    expect(realisations[0]).not.toHaveProperty("sampleSize");
  });

  it.each([
    [",", "12.5"],
    [",", "1.234"],
    [",", "-3"],
    [",", "veel"],
    [";", "12,5"],
    [";", "1.23"],
  ])("refuses a sample size that is not a whole number (dialect %s, %s)", (dialect, size) => {
    const { realisations, errors } = read(
      `indicator${dialect}period${dialect}value${dialect}sample_size\ntevreden${dialect}2025-04${dialect}73${dialect}${size}\n`,
    );
    expect(realisations).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: FILE, line: 2 });
    expect(errors[0]?.message).toContain(`"${size}"`);
    expect(errors[0]?.message).toMatch(/\bcolumn sample_size\b/);
  });
});
