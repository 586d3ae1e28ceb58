import { describe, expect, it } from "vitest";
import { parseAggregate } from "../domain/computation.js";
import { decimalToString } from "../domain/decimal.js";
import type { Period } from "../domain/plan.js";
import { dialectFor } from "./dialect.js";
import { partValue } from "./parts.js";
import { type SourceItem, sourceQueries } from "./source-query.js";

const PERIODS: Period[] = [
  { id: "2025-04", label: "jan - apr", until: { year: 2025, month: 4, day: 30 } },
  { id: "2025-10", label: "jan - okt", until: { year: 2025, month: 10, day: 31 } },
];
const count = parseAggregate("count(*)");
const avg = parseAggregate("avg(days)");

function item(
  id: string,
  aggregation: SourceItem["aggregation"],
  date: string,
  extra = {},
): SourceItem {
  if (!count) throw new Error("count(*) reads");
  return {
    indicatorId: id,
    aggregation,
    definition: {
      kind: "aggregate",
      source: "s",
      date,
      measure: { kind: "value", value: count },
      ...extra,
    },
  };
}

describe("the queries for a source", () => {
  const duckdb = dialectFor("duckdb");

  it("reads a source once for the year so far, a wave and a cohort, grouped by each date column", () => {
    const queries = sourceQueries(
      duckdb,
      "s",
      [
        item("ontvangen", "sum", "received_on"),
        item("meting", "latest", "received_on", { where: "question = 'x'" }),
        item("vastgesteld", "progress", "settled_on", { cohort: "year" }),
      ],
      PERIODS,
      2025,
    );
    expect(queries).toHaveLength(1);
    const [query] = queries;
    expect(query?.sql).toContain(
      "GROUPING SETS ((CAST((received_on) AS DATE)), (CAST((settled_on) AS DATE)))",
    );
    // A cohort's denominator needs every row: no condition that skips rows.
    expect(query?.sql).not.toContain("WHERE CAST");
    expect(query?.figures).toHaveLength(6);
  });

  it("lets the scan skip the rows no period reaches when every figure is of the year so far", () => {
    const [query] = sourceQueries(
      duckdb,
      "s",
      [item("ontvangen", "sum", "received_on")],
      PERIODS,
      2025,
    );
    expect(query?.sql).toContain(
      "WHERE CAST((received_on) AS DATE) BETWEEN DATE '2025-01-01' AND DATE '2025-10-31'",
    );
    expect(query?.sql).toContain("GROUP BY CAST((received_on) AS DATE)");
  });

  it("gives an average over the year so far a column per period, as it cannot be added up", () => {
    if (!avg) throw new Error("avg reads");
    const average: SourceItem = {
      indicatorId: "doorlooptijd",
      aggregation: "rate",
      definition: {
        kind: "aggregate",
        source: "s",
        date: "decided_on",
        measure: { kind: "value", value: avg },
      },
    };
    const queries = sourceQueries(
      duckdb,
      "s",
      [average, item("ontvangen", "sum", "received_on")],
      PERIODS,
      2025,
    );
    expect(queries).toHaveLength(2);
    expect(queries[1]?.sql).toContain(
      "avg(days) FILTER (WHERE CAST((decided_on) AS DATE) BETWEEN DATE '2025-01-01' AND DATE '2025-04-30') AS c1",
    );
  });
});

describe("a figure's parts from the grouped rows", () => {
  const rows = [
    { d1: "2025-01-15", a1: 4n, p1: 4n },
    { d1: "2025-03-10", a1: 0n, p1: 0n },
    { d1: "2025-07-01", a1: 2n, p1: 2n },
    { d1: null, a1: 9n, p1: 9n },
  ];

  it("adds up the days of the year up to the period's end", () => {
    const part = {
      column: "a1",
      fn: "count" as const,
      rows: {
        kind: "days" as const,
        column: "d1",
        grouping: null,
        from: "2025-01-01",
        until: "2025-04-30",
      },
    };
    expect(decimalToString(partValue(rows, part) ?? { units: -1n, scale: 0 })).toBe("4");
  });

  it("takes the latest day with rows as the wave, and no figure before the first wave", () => {
    const wave = (until: string) => ({
      column: "a1",
      fn: "count" as const,
      rows: { kind: "wave" as const, column: "d1", grouping: null, until, presence: "p1" },
    });
    expect(decimalToString(partValue(rows, wave("2025-04-30")) ?? { units: -1n, scale: 0 })).toBe(
      "4",
    );
    expect(decimalToString(partValue(rows, wave("2025-10-31")) ?? { units: -1n, scale: 0 })).toBe(
      "2",
    );
    expect(partValue(rows, wave("2025-01-14"))).toBeNull();
  });
});
