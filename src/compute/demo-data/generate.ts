/** Writes the demo data sets as Parquet files, and manifest.json, into a folder. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { UserError } from "../../domain/errors.js";
import { allowances } from "./allowances.js";
import { complaints } from "./complaints.js";
import type { DataSet, GenerateOptions } from "./data-set.js";
import { finalAssessments } from "./final-assessments.js";
import { incidents } from "./incidents.js";
import { objections } from "./objections.js";
import { payments } from "./payments.js";
import { customerSurveyAnswers, monitorAnswers } from "./surveys.js";

export const DATA_SETS: readonly DataSet[] = [
  allowances,
  payments,
  finalAssessments,
  objections,
  complaints,
  monitorAnswers,
  customerSurveyAnswers,
  incidents,
];

/** Row numbers are hashed as 32-bit numbers: 96 million payments × 40 stays below 2^32. */
export const MAX_SCALE = 40;

export interface ManifestFile {
  readonly name: string;
  readonly file: string;
  readonly rows: number;
  readonly description: string;
}

export interface Manifest {
  readonly generator: string;
  readonly scale: number;
  readonly seed: number;
  readonly files: readonly ManifestFile[];
}

export function checkOptions({ scale, seed }: GenerateOptions): void {
  if (!Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE) {
    throw new UserError(`--scale must be a number above 0 and at most ${MAX_SCALE}, not ${scale}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new UserError(`--seed must be a whole number from 0 to 4294967295, not ${seed}`);
  }
}

function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Generates the data sets into `dir` (created when missing): all of them, or those named in
 * `only` (tests take the small ones at full scale). `progress` hears of each file as it is
 * written. Existing files of the same names are replaced.
 */
export async function generateDemoData(
  dir: string,
  options: GenerateOptions,
  progress: (file: ManifestFile) => void = () => {},
  only?: readonly string[],
): Promise<Manifest> {
  checkOptions(options);
  mkdirSync(dir, { recursive: true });
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const files: ManifestFile[] = [];
  try {
    for (const dataSet of DATA_SETS.filter((d) => !only || only.includes(d.name))) {
      const file = `${dataSet.name}.parquet`;
      const path = sqlText(resolve(dir, file));
      // Insertion order is kept (DuckDB's default), so the file lists rows in the order of
      // their id whatever the number of threads.
      await connection.run(
        `COPY (${dataSet.query(options)}) TO ${path} (FORMAT parquet, COMPRESSION zstd)`,
      );
      const counted = await connection.runAndReadAll(`SELECT count(*) FROM read_parquet(${path})`);
      const rows = Number(counted.getRows()[0]?.[0]);
      const entry = { name: dataSet.name, file, rows, description: dataSet.description };
      files.push(entry);
      progress(entry);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  const manifest = { generator: "koers demo-data", ...options, files };
  writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
