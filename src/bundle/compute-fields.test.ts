import { describe, expect, it } from "vitest";
import { indicatorsOf } from "../domain/plan.js";
import { readPlan } from "./plan-file.js";
import { ProblemLog } from "./problems.js";

const FILE = "bundle/plan.yaml";

/** Lines 1–12; `sources` ends on line 12 and the indicators start on line 14. */
const HEAD = `id: p
title: P
year: 2025
periods:
  - id: 2025-04
    until: 2025-04-30
sources:
  complaints:
    path: data/complaints.parquet
  survey:
    path: data/survey.csv
    table: monitor.survey
indicators:
`;

function read(indicators: string, head = HEAD) {
  const log = new ProblemLog();
  const plan = readPlan(head + indicators, FILE, log);
  return { plan, errors: log.errors.map((e) => `${e.line}: ${e.message}`) };
}

describe("compute definitions in plan.yaml", () => {
  it("reads the sources and a ratio definition with its own condition", () => {
    const { plan, errors } = read(`  - id: binnen-termijn
    title: Binnen termijn
    unit: percent
    target: ">= 90%"
    compute:
      source: complaints
      date: handled_on
      where: handled_on is not null
      numerator:
        aggregate: count(*)
        where: handled_on <= due_on
      denominator: COUNT( * )
`);
    expect(errors).toEqual([]);
    expect(plan?.sources).toEqual([
      { name: "complaints", path: "data/complaints.parquet" },
      { name: "survey", path: "data/survey.csv", table: "monitor.survey" },
    ]);
    expect(indicatorsOf(plan?.nodes ?? [])[0]?.compute).toEqual({
      kind: "aggregate",
      source: "complaints",
      date: "handled_on",
      where: "handled_on is not null",
      measure: {
        kind: "ratio",
        numerator: { fn: "count", distinct: false, argument: "*", where: "handled_on <= due_on" },
        denominator: { fn: "count", distinct: false, argument: "*" },
      },
    });
  });

  it("reads a whole query with its sources and parameters, leaving casts alone", () => {
    const { plan, errors } = read(`  - id: ernstig
    title: Ernstig
    unit: count
    target: n.v.t.
    compute:
      sources: [complaints]
      sql: "select count(distinct id) as value from complaints where received_on::date between :from and :until"
`);
    expect(errors).toEqual([]);
    expect(indicatorsOf(plan?.nodes ?? [])[0]?.compute?.kind).toBe("sql");
  });

  it.each([
    [
      "an unknown source",
      "source: klachten\n      date: d\n      value: count(*)",
      '19: indicator "x", compute: unknown source "klachten" (declare it under sources in plan.yaml)',
    ],
    [
      "an expression that is not one aggregate",
      "source: complaints\n      date: d\n      value: count(*) + 1",
      '21: indicator "x", compute: value "count(*) + 1" must be one aggregate: count(*), count(expr), sum(expr), avg(expr), min(expr) or max(expr)',
    ],
    [
      "no date",
      "source: complaints\n      value: count(*)",
      '18: indicator "x", compute: missing required field "date"',
    ],
    [
      "both value and a ratio",
      "source: complaints\n      date: d\n      value: count(*)\n      numerator: count(*)\n      denominator: count(*)",
      '21: indicator "x", compute: give value, or numerator and denominator, not both',
    ],
    [
      "an unknown parameter",
      "sources: [complaints]\n      sql: select 1 as value where :tot > 0",
      '20: indicator "x", compute: unknown parameter ":tot" (use :from, :until, :year, :period)',
    ],
    [
      "sql with an undeclared source",
      "sources: [betalingen]\n      sql: select 1 as value",
      '19: indicator "x", compute: unknown source "betalingen" (declare it under sources in plan.yaml)',
    ],
    [
      "a sum of everything",
      "source: complaints\n      date: d\n      value: sum(*)",
      '21: indicator "x", compute: value "sum(*)" must be one aggregate: count(*), count(expr), sum(expr), avg(expr), min(expr) or max(expr)',
    ],
  ])("refuses %s at its line", (_, compute, error) => {
    const { plan, errors } = read(`  - id: x
    title: X
    unit: count
    target: n.v.t.
    compute:
      ${compute}
`);
    expect(errors).toEqual([error]);
    expect(plan).toBeUndefined();
  });

  it("asks progress for the cohort that makes its rows", () => {
    const { errors } = read(`  - id: x
    title: X
    unit: percent
    aggregation: progress
    target: ">= 90%"
    compute:
      source: complaints
      date: settled_on
      value: count(*)
`);
    expect(errors).toEqual([
      '19: indicator "x", compute: aggregation progress needs cohort (the expression giving a row\'s year)',
    ]);
  });

  it("refuses a source that is neither a file of a known type nor a table", () => {
    const head = HEAD.replace("data/complaints.parquet", "data/complaints.xlsx").replace(
      "    path: data/survey.csv\n    table: monitor.survey\n",
      "    description: enquête\n",
    );
    const { errors } = read("  - id: x\n    title: X\n    target: n.v.t.\n", head);
    expect(errors).toEqual([
      '9: source "complaints": path "data/complaints.xlsx" must end in .parquet or .csv',
      '10: source "survey": give path (a Parquet or CSV file), table, or both',
    ]);
  });
});
