/**
 * The statutory terms of src/domain/statutory-terms.ts inside SQL, on DuckDB and PostgreSQL: a
 * holiday table generated from the TypeScript holiday list and the functions over it. The rules
 * are written once, below; what differs per engine (temporary macros or functions in a schema,
 * how a table and a function are named, and how the Atw roll is fastest) sits in a small dialect
 * object. A property test
 * (statutory-sql.integration.test.ts) holds both engines to the TypeScript implementation.
 */
import { citeSource, holidaysBetween } from "../domain/dutch-holidays.js";
import { isoDate } from "../domain/format.js";
import {
  ATW_LONGEST_TERM_DAYS,
  COMPLAINT_DAYS,
  COMPLAINT_DAYS_WITH_COMMITTEE,
  OBJECTION_DECISION_DAYS,
  OBJECTION_DECISION_DAYS_WITH_COMMITTEE,
  OBJECTION_PERIOD_DAYS,
} from "../domain/statutory-terms.js";

export type StatutoryEngine = "duckdb" | "postgres";

export interface StatutorySqlOptions {
  /** PostgreSQL only: the schema for the table and functions; `koers` unless a test isolates. */
  readonly schema?: string;
}

/** The functions the statements define, callable by these names (PostgreSQL: in the schema). */
export const STATUTORY_FUNCTIONS = [
  "koers_next_working_day",
  "koers_objection_deadline",
  "koers_objection_postponement_days",
  "koers_complaint_deadline",
  "koers_complaint_postponement_days",
] as const;

/**
 * DuckDB's Atw roll looks this many days ahead. The longest run of days without a working day in
 * the holiday list is nine (a test checks it), so fifteen leaves room for decrees to come.
 */
const ROLL_WINDOW_DAYS = 14;

type SqlType = "date" | "boolean" | "integer";

interface Param {
  readonly name: string;
  readonly type: SqlType;
}

interface SqlFunction {
  readonly name: string;
  readonly params: readonly Param[];
  readonly returns: SqlType;
  /** One SQL expression over the parameters. */
  readonly body: string;
}

/** How one engine writes the pieces that differ; everything else is shared. */
interface StatutoryDialect {
  /** Statements before anything else (the schema). */
  readonly prelude: readonly string[];
  /** The holiday table as the functions refer to it. */
  readonly table: string;
  createTable(): string;
  /** Statements that replace the rows for the years covered with `values`. */
  fillTable(values: readonly string[], from: string, to: string): string[];
  /** A function as it is called from another function's body. */
  call(name: string, args: readonly string[]): string;
  define(fn: SqlFunction): string;
  /** The Atw roll, the one function each engine writes its own way, for speed. */
  defineNextWorkingDay(): string;
}

const TABLE_COLUMNS = "day DATE PRIMARY KEY, name VARCHAR NOT NULL, source VARCHAR NOT NULL";

const duckdb: StatutoryDialect = {
  prelude: [],
  table: "koers_holidays",
  createTable: () => `CREATE OR REPLACE TEMP TABLE koers_holidays (${TABLE_COLUMNS})`,
  fillTable: (values) => [`INSERT INTO koers_holidays VALUES\n  ${values.join(",\n  ")}`],
  call: (name, args) => `${name}(${args.join(", ")})`,
  // Macro parameters carry no type: the shared bodies cast where a type matters.
  define: (fn) =>
    `CREATE OR REPLACE TEMP MACRO ${fn.name}(${fn.params.map((p) => p.name).join(", ")}) AS (\n  ${fn.body}\n)`,
  // Set-based: DuckDB decorrelates the subquery into one join over all rows.
  defineNextWorkingDay: () => duckdb.define(nextWorkingDayMacro("koers_holidays")),
};

function postgres(schema: string): StatutoryDialect {
  const table = `${schema}.koers_holidays`;
  return {
    prelude: [`CREATE SCHEMA IF NOT EXISTS ${schema}`],
    table,
    createTable: () => `CREATE TABLE IF NOT EXISTS ${table} (${TABLE_COLUMNS})`,
    fillTable: (values, from, to) => [
      `DELETE FROM ${table} WHERE day BETWEEN DATE '${from}' AND DATE '${to}'`,
      `INSERT INTO ${table} VALUES\n  ${values.join(",\n  ")}\nON CONFLICT (day) DO UPDATE SET name = excluded.name, source = excluded.source`,
    ],
    call: (name, args) => `${schema}.${name}(${args.join(", ")})`,
    // STABLE, not IMMUTABLE: every function reads the holiday table, directly or not.
    define: (fn) =>
      `CREATE OR REPLACE FUNCTION ${schema}.${fn.name}(${fn.params.map((p) => `${p.name} ${p.type}`).join(", ")})\n` +
      `RETURNS ${fn.returns} LANGUAGE sql STABLE PARALLEL SAFE AS $koers$\n  SELECT ${fn.body}\n$koers$`,
    // A loop of index probes: PostgreSQL calls a function once per row, and a loop that stops at
    // the first working day (usually the date itself) is ten times faster than a subquery.
    defineNextWorkingDay: () =>
      `CREATE OR REPLACE FUNCTION ${schema}.koers_next_working_day(d date)\n` +
      "RETURNS date LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE AS $koers$\n" +
      "DECLARE koers_day date := d;\nBEGIN\n" +
      "  WHILE extract(isodow FROM koers_day) >= 6\n" +
      `     OR EXISTS (SELECT 1 FROM ${table} AS koers_h WHERE koers_h.day = koers_day) LOOP\n` +
      "    koers_day := koers_day + 1;\n  END LOOP;\n  RETURN koers_day;\nEND\n$koers$",
  };
}

function dialectFor(engine: StatutoryEngine, options: StatutorySqlOptions): StatutoryDialect {
  switch (engine) {
    case "duckdb":
      return duckdb;
    case "postgres":
      return postgres(checkedSchema(options.schema ?? "koers"));
    default: {
      const unknown: never = engine;
      throw new Error(`no statutory-terms SQL for engine ${String(unknown)}`);
    }
  }
}

function checkedSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new RangeError(`not a plain lower-case SQL name: ${schema}`);
  }
  return schema;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

const asDate = (expr: string) => `CAST(${expr} AS DATE)`;

/**
 * The Atw roll over the next fifteen days as one expression (DuckDB). Internal names start with
 * koers_ so that they never capture a caller's column.
 */
function nextWorkingDayMacro(table: string): SqlFunction {
  const candidates =
    `SELECT ${asDate("d")} + CAST(koers_i AS INTEGER) AS koers_day ` +
    `FROM generate_series(0, ${ROLL_WINDOW_DAYS}) AS koers_g(koers_i)`;
  const notHoliday = `NOT EXISTS (SELECT 1 FROM ${table} AS koers_h WHERE koers_h.day = koers_day)`;
  return {
    name: "koers_next_working_day",
    params: [{ name: "d", type: "date" }],
    returns: "date",
    body: `(SELECT min(koers_day) FROM (${candidates}) AS koers_c WHERE extract(isodow FROM koers_day) < 6 AND ${notHoliday})`,
  };
}

const OBJECTION_PARAMS: readonly Param[] = [
  { name: "made_known_on", type: "date" },
  { name: "advisory_committee", type: "boolean" },
  { name: "defect_days", type: "integer" },
];

function termDays(flag: string, without: number, withCommittee: number): string {
  return `CASE WHEN coalesce(${flag}, false) THEN ${withCommittee} ELSE ${without} END`;
}

const objectionTermDays = termDays(
  "advisory_committee",
  OBJECTION_DECISION_DAYS,
  OBJECTION_DECISION_DAYS_WITH_COMMITTEE,
);
const complaintTermDays = termDays("committee", COMPLAINT_DAYS, COMPLAINT_DAYS_WITH_COMMITTEE);

/** Awb 6:7–6:8, Atw, then 7:10 lid 1–2 and the Atw again: the deadline before any postponement. */
function objectionTermEnd(d: StatutoryDialect): SqlFunction {
  const periodEnd = d.call("koers_next_working_day", [
    `${asDate("made_known_on")} + ${OBJECTION_PERIOD_DAYS}`,
  ]);
  const end = `${periodEnd} + ${objectionTermDays} + CAST(coalesce(defect_days, 0) AS INTEGER)`;
  return {
    name: "koers_objection_term_end",
    params: OBJECTION_PARAMS,
    returns: "date",
    body: d.call("koers_next_working_day", [end]),
  };
}

/** Awb 9:11 lid 1 and the Atw: the deadline before any postponement. */
function complaintTermEnd(d: StatutoryDialect): SqlFunction {
  const end = `${asDate("received_on")} + ${complaintTermDays}`;
  return {
    name: "koers_complaint_term_end",
    params: [
      { name: "received_on", type: "date" },
      { name: "committee", type: "boolean" },
    ],
    returns: "date",
    body: d.call("koers_next_working_day", [end]),
  };
}

/**
 * The recorded postponement wins; Koers's reading of Atw art. 4 onder a: the postponed term is
 * its own length plus the postponement, and only up to twelve weeks does the Atw roll its end.
 */
function postponedDeadline(d: StatutoryDialect): SqlFunction {
  const days = `(${asDate("postponed_to")} - ${asDate("deadline")})`;
  return {
    name: "koers_postponed_deadline",
    params: [
      { name: "deadline", type: "date" },
      { name: "term_days", type: "integer" },
      { name: "postponed_to", type: "date" },
    ],
    returns: "date",
    body:
      `CASE WHEN postponed_to IS NULL THEN ${asDate("deadline")} ` +
      `WHEN term_days + ${days} > ${ATW_LONGEST_TERM_DAYS} THEN ${asDate("postponed_to")} ` +
      `ELSE ${d.call("koers_next_working_day", ["postponed_to"])} END`,
  };
}

const OBJECTION_ARGS = ["made_known_on", "advisory_committee", "defect_days"];
const POSTPONED_TO: Param = { name: "postponed_to", type: "date" };
const COMPLAINT_PARAMS: readonly Param[] = [
  { name: "received_on", type: "date" },
  { name: "committee", type: "boolean" },
  POSTPONED_TO,
];

function objectionDeadline(d: StatutoryDialect): SqlFunction {
  const end = d.call("koers_objection_term_end", OBJECTION_ARGS);
  return {
    name: "koers_objection_deadline",
    params: [...OBJECTION_PARAMS, POSTPONED_TO],
    returns: "date",
    body: d.call("koers_postponed_deadline", [end, objectionTermDays, "postponed_to"]),
  };
}

function complaintDeadline(d: StatutoryDialect): SqlFunction {
  const end = d.call("koers_complaint_term_end", ["received_on", "committee"]);
  return {
    name: "koers_complaint_deadline",
    params: COMPLAINT_PARAMS,
    returns: "date",
    body: d.call("koers_postponed_deadline", [end, complaintTermDays, "postponed_to"]),
  };
}

/** Days between the deadline before postponement and the recorded date (NULL: not postponed). */
function postponementDays(name: string, params: readonly Param[], end: string): SqlFunction {
  return {
    name,
    params,
    returns: "integer",
    body: `CAST(${asDate("postponed_to")} - ${end} AS INTEGER)`,
  };
}

function functions(d: StatutoryDialect): SqlFunction[] {
  return [
    objectionTermEnd(d),
    complaintTermEnd(d),
    postponedDeadline(d),
    objectionDeadline(d),
    complaintDeadline(d),
    postponementDays(
      "koers_objection_postponement_days",
      [...OBJECTION_PARAMS, POSTPONED_TO],
      d.call("koers_objection_term_end", OBJECTION_ARGS),
    ),
    postponementDays(
      "koers_complaint_postponement_days",
      COMPLAINT_PARAMS,
      d.call("koers_complaint_term_end", ["received_on", "committee"]),
    ),
  ];
}

function checkedYears(years: { from: number; to: number }): void {
  const { from, to } = years;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1583 || to < from) {
    throw new RangeError(`not a range of Gregorian years: ${from}–${to}`);
  }
}

/**
 * The statements that create the holiday table for `years` and the functions, in the order to run
 * them (in one transaction on PostgreSQL). The table also holds the year after `to`: a term that
 * starts late in the last year ends in the next.
 */
export function statutoryTermsSql(
  engine: StatutoryEngine,
  years: { from: number; to: number },
  options: StatutorySqlOptions = {},
): string[] {
  checkedYears(years);
  const dialect = dialectFor(engine, options);
  const holidays = holidaysBetween(years.from, years.to + 1);
  const values = holidays.map(
    (h) => `(DATE '${isoDate(h.date)}', ${literal(h.name)}, ${literal(citeSource(h.source))})`,
  );
  return [
    ...dialect.prelude,
    dialect.createTable(),
    ...dialect.fillTable(values, `${years.from}-01-01`, `${years.to + 1}-12-31`),
    dialect.defineNextWorkingDay(),
    ...functions(dialect).map((fn) => dialect.define(fn)),
  ];
}
