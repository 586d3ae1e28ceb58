/**
 * The statutory-term functions in SQL agree with the TypeScript implementation: property tests on
 * random objections and complaints (2023–2027), many cases in one query per engine. DuckDB runs in
 * memory; PostgreSQL gets a schema of its own, dropped afterwards, so repeated and parallel runs
 * do not collide. Without PostgreSQL its suite is skipped, unless KOERS_REQUIRE_PG=1.
 */
import { randomBytes } from "node:crypto";
import { DuckDBInstance } from "@duckdb/node-api";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../domain/explanation-task.js";
import { isoDate } from "../domain/format.js";
import type { CalendarDate } from "../domain/plan.js";
import { complaintDeadline, nextWorkingDay, objectionDeadline } from "../domain/statutory-terms.js";
import { PG_URL, pgAvailable } from "../testing/engines.js";
import { statutoryTermsSql } from "./statutory-sql.js";

const YEARS = { from: 2023, to: 2027 };
const FIRST_DAY: CalendarDate = { year: 2023, month: 1, day: 1 };
const DAYS_2023_2027 = 365 * 5 + 1;
const CASES_PER_QUERY = 300;
const QUERIES = 5;

interface Case {
  readonly day: CalendarDate;
  readonly committee: boolean;
  readonly defectDays: number;
  /** Days after the deadline before postponement, or undefined: not postponed. */
  readonly objectionPostponedBy: number | undefined;
  readonly complaintPostponedBy: number | undefined;
}

const dayArb = fc.integer({ min: 0, max: DAYS_2023_2027 - 1 }).map((n) => addDays(FIRST_DAY, n));
// Postponements around the lawful maxima and the twelve weeks of Atw art. 4 (term + postponement
// of 84 days or 85), a few before the deadline: every branch of the rule.
const boundaries = fc.constantFrom(0, 1, 14, 15, 28, 29, 42, 43);
const postponedByArb = fc.option(fc.oneof(fc.integer({ min: -7, max: 70 }), boundaries), {
  nil: undefined,
});
const caseArb: fc.Arbitrary<Case> = fc.record({
  day: dayArb,
  committee: fc.boolean(),
  defectDays: fc.integer({ min: 0, max: 60 }),
  objectionPostponedBy: postponedByArb,
  complaintPostponedBy: postponedByArb,
});

interface Row {
  readonly nextWorkingDay: string;
  readonly objection: string;
  readonly objectionDays: number | null;
  readonly complaint: string;
  readonly complaintDays: number | null;
}

interface Prepared {
  readonly objectionPostponedTo: CalendarDate | undefined;
  readonly complaintPostponedTo: CalendarDate | undefined;
  readonly expected: Row;
}

function postponedTo(deadline: CalendarDate, by: number | undefined): CalendarDate | undefined {
  return by === undefined ? undefined : addDays(deadline, by);
}

/** The postponed dates, and what the TypeScript implementation says. */
function prepare(c: Case): Prepared {
  const objectionBase = {
    madeKnownOn: c.day,
    advisoryCommittee: c.committee,
    defectDays: c.defectDays,
  };
  const complaintBase = { receivedOn: c.day, committee: c.committee };
  const objectionTo = postponedTo(
    objectionDeadline(objectionBase).deadline,
    c.objectionPostponedBy,
  );
  const complaintTo = postponedTo(
    complaintDeadline(complaintBase).deadline,
    c.complaintPostponedBy,
  );
  const objection = objectionDeadline({ ...objectionBase, postponedTo: objectionTo });
  const complaint = complaintDeadline({ ...complaintBase, postponedTo: complaintTo });
  return {
    objectionPostponedTo: objectionTo,
    complaintPostponedTo: complaintTo,
    expected: {
      nextWorkingDay: isoDate(nextWorkingDay(c.day)),
      objection: isoDate(objection.deadline),
      objectionDays: objection.postponedByDays ?? null,
      complaint: isoDate(complaint.deadline),
      complaintDays: complaint.postponedByDays ?? null,
    },
  };
}

function dateSql(date: CalendarDate | undefined): string {
  return date === undefined ? "CAST(NULL AS DATE)" : `DATE '${isoDate(date)}'`;
}

/** One query for all cases, in their order. */
function batchQuery(cases: readonly Case[], prepared: readonly Prepared[]): string {
  const values = cases.map((c, i) => {
    const p = prepared[i];
    return `(${i}, ${dateSql(c.day)}, ${c.committee}, ${c.defectDays}, ${dateSql(p?.objectionPostponedTo)}, ${dateSql(p?.complaintPostponedTo)})`;
  });
  return `SELECT
    CAST(koers_next_working_day(d) AS VARCHAR) AS next_working_day,
    CAST(koers_objection_deadline(d, c, dd, op) AS VARCHAR) AS objection,
    koers_objection_postponement_days(d, c, dd, op) AS objection_days,
    CAST(koers_complaint_deadline(d, c, cp) AS VARCHAR) AS complaint,
    koers_complaint_postponement_days(d, c, cp) AS complaint_days
  FROM (VALUES ${values.join(",\n")}) AS t(n, d, c, dd, op, cp)
  ORDER BY n`;
}

function toRow(raw: Record<string, unknown>): Row {
  const days = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    nextWorkingDay: String(raw.next_working_day),
    objection: String(raw.objection),
    objectionDays: days(raw.objection_days),
    complaint: String(raw.complaint),
    complaintDays: days(raw.complaint_days),
  };
}

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Runs batches of random cases through `query` and compares every row with TypeScript. */
async function agreesWithTypeScript(query: Query): Promise<void> {
  const batch = fc.array(caseArb, { minLength: CASES_PER_QUERY, maxLength: CASES_PER_QUERY });
  await fc.assert(
    fc.asyncProperty(batch, async (cases) => {
      const prepared = cases.map(prepare);
      const rows = (await query(batchQuery(cases, prepared))).map(toRow);
      const mismatches = cases.flatMap((c, i) => {
        const expected = prepared[i]?.expected;
        const actual = rows[i];
        return JSON.stringify(actual) === JSON.stringify(expected)
          ? []
          : [{ case: { ...c, day: isoDate(c.day) }, expected, actual }];
      });
      expect(mismatches.slice(0, 3)).toEqual([]);
    }),
    // No shrinking: a failure already shows its first mismatching cases, and shrinking a batch
    // would rerun the query hundreds of times.
    { numRuns: QUERIES, endOnFailure: true },
  );
}

/** Known dates (hand-checked in src/domain/statutory-terms.test.ts), through SQL. */
const KNOWN = `SELECT
  CAST(koers_next_working_day(DATE '2025-04-26') AS VARCHAR) AS kings_day,
  CAST(koers_objection_deadline(DATE '2025-08-21', true, 0, CAST(NULL AS DATE)) AS VARCHAR) AS christmas,
  CAST(koers_objection_deadline(DATE '2025-01-08', true, 0, DATE '2025-05-31') AS VARCHAR) AS long_term,
  CAST(koers_complaint_deadline(DATE '2025-11-20', false, CAST(NULL AS DATE)) AS VARCHAR) AS new_year,
  CAST(koers_objection_deadline(DATE '2025-01-23', false, 0, DATE '2025-05-29') AS VARCHAR) AS twelve_weeks`;
const KNOWN_ROW = {
  kings_day: "2025-04-28",
  christmas: "2025-12-29",
  long_term: "2025-05-31",
  new_year: "2026-01-05",
  twelve_weeks: "2025-06-02",
};

describe("statutory terms in DuckDB", () => {
  let instance: DuckDBInstance | undefined;
  let connection: Awaited<ReturnType<DuckDBInstance["connect"]>> | undefined;
  const query: Query = async (sql) => {
    if (!connection) throw new Error("DuckDB is not open");
    return (await connection.runAndReadAll(sql)).getRowObjectsJson();
  };

  beforeAll(async () => {
    instance = await DuckDBInstance.create(":memory:");
    connection = await instance.connect();
    // Twice: the statements can be run again on the same connection.
    for (let round = 0; round < 2; round++) {
      for (const statement of statutoryTermsSql("duckdb", YEARS)) await connection.run(statement);
    }
  });

  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });

  it("gives the known dates", async () => {
    expect(await query(KNOWN)).toEqual([KNOWN_ROW]);
  });

  it("agrees with TypeScript on random cases", async () => {
    await agreesWithTypeScript(query);
  });
});

const pgRequired = process.env.KOERS_REQUIRE_PG === "1";

describe.skipIf(!pgAvailable && !pgRequired)("statutory terms in PostgreSQL", () => {
  const schema = `koers_statutory_${randomBytes(5).toString("hex")}`;
  let client: pg.Client | undefined;
  const query: Query = async (sql) => {
    if (!client) throw new Error(`PostgreSQL at ${PG_URL} does not answer`);
    return (await client.query(sql)).rows;
  };

  beforeAll(async () => {
    if (!pgAvailable) return;
    client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query("SET datestyle = 'ISO, YMD'");
    for (let round = 0; round < 2; round++) {
      await client.query("BEGIN");
      const statements = statutoryTermsSql("postgres", YEARS, { schema });
      for (const statement of statements) await client.query(statement);
      await client.query("COMMIT");
    }
    await client.query(`SET search_path = ${schema}, public`);
  });

  afterAll(async () => {
    await client?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client?.end();
  });

  it("gives the known dates", async () => {
    expect(await query(KNOWN)).toEqual([KNOWN_ROW]);
  });

  it("agrees with TypeScript on random cases", async () => {
    await agreesWithTypeScript(query);
  });
});

if (!pgAvailable && !pgRequired) {
  process.stderr.write(
    `statutory-sql: PostgreSQL at ${PG_URL} does not answer — skipping its suite (set KOERS_TEST_DATABASE_URL, or KOERS_REQUIRE_PG=1 to fail)\n`,
  );
}

describe("statutoryTermsSql", () => {
  it("writes each holiday with its source into the table", () => {
    const sql = statutoryTermsSql("duckdb", { from: 2024, to: 2024 }).join("\n");
    expect(sql).toContain(
      "(DATE '2024-03-29', 'Goede Vrijdag', 'Algemene termijnenwet, art. 3 lid 2')",
    );
    expect(sql).toContain("DATE '2025-05-30'"); // the year after `to` too
    expect(sql).not.toContain("DATE '2026-");
  });

  it("keeps PostgreSQL's objects in the schema asked for", () => {
    const sql = statutoryTermsSql("postgres", YEARS, { schema: "koers_x" });
    expect(sql[0]).toBe("CREATE SCHEMA IF NOT EXISTS koers_x");
    expect(sql.join("\n")).toContain(
      "CREATE OR REPLACE FUNCTION koers_x.koers_objection_deadline(",
    );
    expect(statutoryTermsSql("postgres", YEARS)[0]).toBe("CREATE SCHEMA IF NOT EXISTS koers");
  });

  it("refuses a bad range of years or a schema name that is not plain", () => {
    expect(() => statutoryTermsSql("duckdb", { from: 2026, to: 2025 })).toThrow(RangeError);
    expect(() => statutoryTermsSql("postgres", YEARS, { schema: "x; drop" })).toThrow(RangeError);
  });
});
