/**
 * Reads generated data sets back into plain objects (DuckDB `SELECT *`, nothing aggregated), for
 * the independent computation of reference-figures.ts and for tests.
 */
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance, type Json } from "@duckdb/node-api";
import type { DemoRows } from "./example-figures.js";
import type {
  AnswerRow,
  AssessmentRow,
  ComplaintRow,
  IncidentRow,
  ObjectionRow,
  PaymentRow,
} from "./reference-figures.js";

type Row = Record<string, Json>;

/** Every row of a Parquet file, with dates as YYYY-MM-DD and decimals and BIGINTs as text. */
export async function readParquet(
  connection: DuckDBConnection,
  file: string,
  columns = "*",
): Promise<Row[]> {
  const path = `'${file.replaceAll("'", "''")}'`;
  const reader = await connection.runAndReadAll(`SELECT ${columns} FROM read_parquet(${path})`);
  return reader.getRowObjectsJson();
}

const text = (value: Json): string | null => (value === null ? null : String(value));
const number = (value: Json): number | null => (value === null ? null : Number(value));

const answers = (rows: Row[]) =>
  rows.map(
    (r): AnswerRow => ({
      published_on: String(r.published_on),
      question_id: String(r.question_id),
      answer: Number(r.answer),
    }),
  );

/** For each data set: its key in DemoRows and the row type the reference figures read. */
const LOADERS = {
  payments: (rows: Row[]) => ({
    payments: rows.map(
      (r): PaymentRow => ({ due_on: String(r.due_on), paid_on: text(r.paid_on ?? null) }),
    ),
  }),
  final_assessments: (rows: Row[]) => ({
    finalAssessments: rows.map(
      (r): AssessmentRow => ({
        allowance_year: Number(r.allowance_year),
        kind: String(r.kind),
        settled_on: text(r.settled_on ?? null),
        amount_to_repay: number(r.amount_to_repay ?? null),
      }),
    ),
  }),
  objections: (rows: Row[]) => ({
    objections: rows.map(
      (r): ObjectionRow => ({
        made_known_on: String(r.made_known_on),
        advisory_committee: r.advisory_committee === true,
        defect_days: Number(r.defect_days),
        postponed_to: text(r.postponed_to ?? null),
        decided_on: text(r.decided_on ?? null),
      }),
    ),
  }),
  complaints: (rows: Row[]) => ({
    complaints: rows.map(
      (r): ComplaintRow => ({
        received_on: String(r.received_on),
        committee: r.committee === true,
        postponed_to: text(r.postponed_to ?? null),
        handled_on: text(r.handled_on ?? null),
      }),
    ),
  }),
  monitor_answers: (rows: Row[]) => ({ monitorAnswers: answers(rows) }),
  customer_survey_answers: (rows: Row[]) => ({ customerSurveyAnswers: answers(rows) }),
  incidents: (rows: Row[]) => ({
    incidents: rows.map(
      (r): IncidentRow => ({ started_on: String(r.started_on), severity: String(r.severity) }),
    ),
  }),
} as const satisfies Record<string, (rows: Row[]) => Partial<DemoRows>>;

/** The rows of the data sets named (all by default) in `dir`, as the reference figures read them. */
export async function readSomeDemoRows(
  dir: string,
  names: readonly string[] = Object.keys(LOADERS),
): Promise<Partial<DemoRows>> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    let rows: Partial<DemoRows> = {};
    for (const [name, load] of Object.entries(LOADERS)) {
      if (!names.includes(name)) continue;
      const read = await readParquet(connection, join(dir, `${name}.parquet`));
      rows = { ...rows, ...load(read) };
    }
    return rows;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Every data set's rows in `dir`. */
export async function readDemoRows(dir: string): Promise<DemoRows> {
  // Every loader ran, so every key of DemoRows is there.
  return (await readSomeDemoRows(dir)) as DemoRows;
}
