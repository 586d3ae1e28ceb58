import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem, ProblemsError } from "../domain/errors.js";
import { readBundle } from "./read-bundle.js";

const PLAN = `id: p
title: Plan
year: 2025
periods:
  - id: q1
    label: jan - mrt
    until: 2025-03-31
indicators:
  - id: tevreden
    title: Tevredenheid
    target: ">= 70%"
`;

function bundle(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "koers-read-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function problems(dir: string): string[] {
  try {
    readBundle(dir);
  } catch (error) {
    if (error instanceof ProblemsError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("the bundle was accepted");
}

describe("readBundle", () => {
  it("refuses a file that is not UTF-8, at the line of its first foreign byte", () => {
    const latin1 = Buffer.concat([
      Buffer.from("indicator,period,value,source\ntevreden,q1,71,"),
      Buffer.from([0x50, 0xeb, 0x6c]),
      Buffer.from("\n"),
    ]);
    const dir = bundle({ "plan.yaml": PLAN, "realisations.csv": latin1 });
    expect(problems(dir)).toEqual([
      `${join(dir, "realisations.csv")}:2: the file is not UTF-8: save it as UTF-8 (in Excel: CSV UTF-8)`,
    ]);
  });

  it("warns about an empty explanation", () => {
    const dir = bundle({
      "plan.yaml": PLAN,
      "realisations.csv": "indicator,period,value\ntevreden,q1,60\n",
      "explanations/q1/tevreden.md": "\n",
    });
    expect(readBundle(dir).warnings.map(formatProblem)).toEqual([
      `${join(dir, "explanations/q1/tevreden.md")}: the explanation is empty; the report says none was delivered`,
    ]);
  });

  it("reports the warnings found so far together with the errors", () => {
    const dir = bundle({ "plan.yaml": `${PLAN}    colour: blue\n    direction: sideways\n` });
    expect(problems(dir)).toEqual([
      `${join(dir, "plan.yaml")}:13: indicator "tevreden": field "direction" is "sideways" but must be one of higher, lower`,
      `${join(dir, "plan.yaml")}:12: warning: indicator "tevreden": unknown field "colour" is ignored`,
    ]);
  });

  it("warns when a count's target looks like it has a thousands point", () => {
    const plan = PLAN.replace('target: ">= 70%"', 'unit: count\n    target: "<= 1.080"');
    const dir = bundle({ "plan.yaml": plan });
    expect(readBundle(dir).warnings.map((w) => w.message)).toEqual([
      'indicator "tevreden": target "<= 1.080" reads as a decimal (the point is a decimal point, targets have no thousands separators); write <= 1080 for a whole number',
    ]);
  });

  it("hints at both readings of a comma in a comma-separated file", () => {
    const dir = bundle({
      "plan.yaml": PLAN,
      "realisations.csv": 'indicator,period,value\ntevreden,q1,"1,417"\n',
    });
    expect(problems(dir)).toEqual([
      `${join(dir, "realisations.csv")}:2: "1,417" is not a number (this file is comma-separated: write 1417 for a whole number or 1.417 for a decimal) (column value, indicator "tevreden")`,
    ]);
  });
});
