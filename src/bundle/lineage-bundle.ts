/**
 * lineage.json as part of a bundle. `readLineage` checks only what `koers compute` needs to
 * merge the file; the report shows every field, so a bundle checks each figure in full and
 * reports a broken file as a problem of the bundle, with the file's name, like any other file.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ProblemsError } from "../domain/errors.js";
import { LINEAGE_FILE, type LineageEntry, readLineage } from "./lineage-file.js";
import type { ProblemLog } from "./problems.js";

const SOURCE_FILE = z.object({
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  modified: z.string(),
  sha256: z.string(),
});

const SOURCE = z.object({
  name: z.string(),
  table: z.string().optional(),
  files: z.array(SOURCE_FILE),
  rows: z.number().int().nonnegative(),
});

const SELECTION = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("days"),
    column: z.string(),
    grouping: z.string().nullable(),
    from: z.string().nullable(),
    until: z.string().nullable(),
  }),
  z.object({
    kind: z.literal("wave"),
    column: z.string(),
    grouping: z.string().nullable(),
    until: z.string(),
    presence: z.string(),
  }),
]);

const ENTRY = z.object({
  indicator: z.string(),
  period: z.string(),
  value: z.string().nullable(),
  engine: z.string(),
  engineVersion: z.string(),
  sql: z.string(),
  columns: z.record(z.string(), z.string()),
  rows: z.record(z.string(), SELECTION).optional(),
  sources: z.array(SOURCE),
  ms: z.number(),
  computedAt: z.string(),
});

/** So that a file with many broken figures does not bury the other problems. */
const MAX_PROBLEMS = 5;

/** The bundle's lineage; undefined without lineage.json, or when it is broken (logged). */
export function readBundleLineage(dir: string, log: ProblemLog): LineageEntry[] | undefined {
  const file = join(dir, LINEAGE_FILE);
  if (!existsSync(file)) return undefined;
  let entries: LineageEntry[];
  try {
    entries = readLineage(dir);
  } catch (error) {
    if (!(error instanceof ProblemsError)) throw error;
    for (const problem of error.problems) log.error(problem.file, problem.line, problem.message);
    return undefined;
  }
  const issues = entries.flatMap((entry, i) => {
    const result = ENTRY.safeParse(entry);
    return result.success
      ? []
      : result.error.issues.map((issue) => `${fieldPath([i, ...issue.path])}: ${issue.message}`);
  });
  if (issues.length === 0) return entries;
  for (const issue of issues.slice(0, MAX_PROBLEMS)) {
    log.error(file, undefined, `${issue} (delete the file and run koers compute --write again)`);
  }
  return undefined;
}

/** `figures[0].sources[1].files[0].sha256`: where in the file a field is. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : `${text}.${String(key)}`),
    "figures",
  );
}
