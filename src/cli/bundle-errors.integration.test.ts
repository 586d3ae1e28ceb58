/**
 * End to end through the built CLI (bin/koers → dist/): every error kind of FORMAT.md gives
 * exit status 2, `file:line: message` on stderr, nothing on stdout and no report file.
 */
import type { SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, koers } from "../testing/cli.js";

const bundles: string[] = [];

/** Writes a bundle into a fresh temporary folder and returns the folder. */
function writeBundle(files: { plan: string; csv?: string }): string {
  const dir = mkdtempSync(join(tmpdir(), "koers-bundle-"));
  bundles.push(dir);
  writeFileSync(join(dir, "plan.yaml"), files.plan);
  if (files.csv !== undefined) writeFileSync(join(dir, "realisations.csv"), files.csv);
  return dir;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A regular expression for one stderr line `file:line: message` (message a regex source). */
function problemLine(file: string, line: number, message: RegExp): RegExp {
  return new RegExp(`^${escapeRegExp(file)}:${line}: ${message.source}$`, "m");
}

function stderrLines(result: SpawnSyncReturns<string>): string[] {
  return result.stderr.split("\n").filter((line) => line !== "");
}

// plan.yaml: line 14 is the first indicator's `- id:`, line 16 its target.
const PLAN = `id: p
title: P
year: 2025
periods:
  - id: 2025-04
    label: jan - apr
    until: 2025-04-30
  - id: 2025-12
    label: jan - dec
    until: 2025-12-31
indicators:
  - title: Dienstverlening
    indicators:
      - id: tevreden
        title: Tevredenheid
        target: ">= 70%"
      - id: bezwaren
        title: Bezwaren
        unit: count
        target: "<= 1417"
`;

const CSV = `indicator,period,value,source
tevreden,2025-04,73,Monitor
bezwaren,2025-04,500,Register
`;

/** PLAN with lines 14–16 (the first indicator) replaced. */
function planWithFirstIndicator(indicator: string): string {
  const lines = PLAN.split("\n");
  return [...lines.slice(0, 13), indicator, ...lines.slice(16)].join("\n");
}

interface ErrorCase {
  readonly name: string;
  readonly plan: string;
  readonly csv: string;
  readonly file: "plan.yaml" | "realisations.csv";
  readonly line: number;
  /** The whole message; it names the column or field. */
  readonly message: RegExp;
}

const CASES: readonly ErrorCase[] = [
  {
    name: "unknown indicator",
    plan: PLAN,
    csv: `${CSV}onbekend,2025-04,5,x\n`,
    file: "realisations.csv",
    line: 4,
    message: /unknown indicator "onbekend" \(column indicator\).*/,
  },
  {
    name: "unknown period",
    plan: PLAN,
    csv: "indicator,period,value\ntevreden,2025-13,73\n",
    file: "realisations.csv",
    line: 2,
    message: /unknown period "2025-13" \(column period\).*/,
  },
  {
    name: "duplicate row",
    plan: PLAN,
    csv: `${CSV}tevreden,2025-12,75,Monitor\ntevreden,2025-04,74,Monitor\n`,
    file: "realisations.csv",
    line: 5,
    message: /duplicate row for indicator "tevreden" and period "2025-04" \(first on line 2\)/,
  },
  {
    name: "non-number (comma dialect)",
    plan: PLAN,
    csv: "indicator,period,value\ntevreden,2025-04,73\nbezwaren,2025-04,veel\n",
    file: "realisations.csv",
    line: 3,
    message: /"veel" is not a number.*\(column value, indicator "bezwaren"\)/,
  },
  {
    name: "non-number (; dialect, point not between groups of three)",
    plan: PLAN,
    csv: "indicator;period;value\ntevreden;2025-04;99.98\n",
    file: "realisations.csv",
    line: 2,
    message: /"99\.98" is not a number.*\(column value, indicator "tevreden"\)/,
  },
  {
    name: "bad target",
    plan: planWithFirstIndicator(`      - id: tevreden
        title: Tevredenheid
        target: "ongeveer 70"`),
    csv: CSV,
    file: "plan.yaml",
    line: 16,
    message: /indicator "tevreden": bad target: target "ongeveer 70" .*/,
  },
  {
    name: "duplicate indicator id",
    plan: `${PLAN}      - id: tevreden
        title: Nog eens
`,
    csv: CSV,
    file: "plan.yaml",
    line: 21,
    message: /duplicate indicator id "tevreden" \(first on line 14\)/,
  },
  {
    name: "missing required field",
    plan: planWithFirstIndicator(`      - id: tevreden
        unit: percent
        target: ">= 70%"`),
    csv: CSV,
    file: "plan.yaml",
    line: 14,
    message: /indicator "tevreden": missing required field "title"/,
  },
  {
    name: "direction against comparator",
    plan: planWithFirstIndicator(`      - id: tevreden
        direction: lower
        title: Tevredenheid
        target: ">= 70%"`),
    csv: CSV,
    file: "plan.yaml",
    line: 17,
    message: /indicator "tevreden": bad target: direction lower contradicts the comparator >=/,
  },
  {
    name: "time-phased target with assess: year-end",
    plan: planWithFirstIndicator(`      - id: tevreden
        title: Tevredenheid
        assess: year-end
        target: { 2025-04: ">= 60%", 2025-12: ">= 70%" }`),
    csv: CSV,
    file: "plan.yaml",
    line: 17,
    message: /indicator "tevreden": a time-phased target cannot be combined with assess: year-end/,
  },
];

beforeAll(() => {
  ensureBuilt();
}, 120_000);

afterAll(() => {
  for (const dir of bundles) rmSync(dir, { recursive: true, force: true });
});

describe.each(CASES)("an invalid bundle: $name", ({ plan, csv, file, line, message }) => {
  let dir = "";
  beforeAll(() => {
    dir = writeBundle({ plan, csv });
  });

  const expectRejected = (result: SpawnSyncReturns<string>) => {
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(problemLine(join(dir, file), line, message));
    expect(stderrLines(result)).toHaveLength(1);
    expect(result.stdout).toBe("");
  };

  it("report: exit 2, file:line: message, and no report file or folder", () => {
    const out = join(dir, "out", "report.html");
    const result = koers("report", dir, "--period", "2025-04", "--format", "html", "--out", out);
    expectRejected(result);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("validate: exit 2 and file:line: message", () => {
    expectRejected(koers("validate", dir));
  });

  it("evaluate --json: exit 2, file:line: message and nothing on stdout", () => {
    expectRejected(koers("evaluate", dir, "--period", "2025-04", "--json"));
  });
});

describe("a bundle with several errors", () => {
  it.each([
    ["report", ["--period", "2025-04", "--format", "html", "--out"]],
    ["validate", []],
    ["evaluate", ["--period", "2025-04", "--json"]],
  ])("%s reports all three lines", (command, options) => {
    const dir = writeBundle({
      plan: PLAN,
      csv: `indicator,period,value
onbekend,2025-04,5
tevreden,2025-04,73
tevreden,2025-13,73
bezwaren,2025-04,veel
`,
    });
    const out = join(dir, "out", "report.html");
    const args = command === "report" ? [...options, out] : options;
    const result = koers(command, dir, ...args);
    const csvFile = join(dir, "realisations.csv");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(problemLine(csvFile, 2, /unknown indicator "onbekend" .*/));
    expect(result.stderr).toMatch(problemLine(csvFile, 4, /unknown period "2025-13" .*/));
    expect(result.stderr).toMatch(problemLine(csvFile, 5, /"veel" is not a number.*/));
    expect(stderrLines(result)).toHaveLength(3);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});

describe("a valid bundle", () => {
  it("report: exit 0 and writes the file", () => {
    const dir = writeBundle({ plan: PLAN, csv: CSV });
    const out = join(dir, "out", "report.html");
    const result = koers("report", dir, "--period", "2025-04", "--format", "html", "--out", out);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(out);
    expect(readFileSync(out, "utf8")).toMatch(/<html/i);
  });

  it("validate: exit 0", () => {
    const dir = writeBundle({ plan: PLAN, csv: CSV });
    const result = koers("validate", dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("valid");
  });

  it("evaluate --json: exit 0 and FORMAT.md's JSON", () => {
    const dir = writeBundle({ plan: PLAN, csv: CSV });
    const result = koers("evaluate", dir, "--period", "2025-04", "--json");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    // FORMAT.md's fields exactly; documented extensions (margin, trend, …) may come beside them.
    expect(JSON.parse(result.stdout)).toMatchObject({
      plan: "p",
      period: "2025-04",
      indicators: [
        {
          id: "tevreden",
          path: ["Dienstverlening", "Tevredenheid"],
          target: "≥ 70%",
          value: 73,
          status: "met",
          note: null,
        },
        {
          id: "bezwaren",
          path: ["Dienstverlening", "Bezwaren"],
          target: "≤ 1.417",
          value: 500,
          status: "met",
          note: null,
        },
      ],
      exceptions: [],
    });
  });
});

describe("an unknown --period", () => {
  it.each([
    ["report", ["--format", "html", "--out"]],
    ["evaluate", ["--json"]],
  ])("%s: exit 2 with a message listing the plan's periods", (command, options) => {
    const dir = writeBundle({ plan: PLAN, csv: CSV });
    const out = join(dir, "out", "report.html");
    const args = command === "report" ? [...options, out] : options;
    const result = koers(command, dir, "--period", "2025-13", ...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('"2025-13"');
    expect(result.stderr).toMatch(/2025-04, 2025-12/);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});

describe("a missing bundle folder", () => {
  it.each([
    ["report", ["--period", "2025-04", "--format", "html", "--out"]],
    ["validate", []],
    ["evaluate", ["--period", "2025-04", "--json"]],
  ])("%s: exit 2, naming the folder", (command, options) => {
    const parent = mkdtempSync(join(tmpdir(), "koers-missing-"));
    bundles.push(parent);
    const dir = join(parent, "geen-bundel");
    const out = join(parent, "out", "report.html");
    const args = command === "report" ? [...options, out] : options;
    const result = koers(command, dir, ...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`^${escapeRegExp(dir)}: `, "m"));
    expect(existsSync(join(parent, "out"))).toBe(false);
  });
});
