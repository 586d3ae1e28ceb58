/**
 * Importing a plan bundle sent as its files, as `koers import` imports a folder: the same reader
 * checks it (the files are written to a temporary folder that is removed afterwards), every
 * problem is reported as `file:line: message` with the file named inside the bundle, and a plan
 * that is there already is replaced only when asked.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { z } from "zod";
import { type Bundle, readBundle } from "../bundle/read-bundle.js";
import { formatProblem, type Problem, ProblemsError } from "../domain/errors.js";
import { indicatorsOf } from "../domain/plan.js";
import type { Store } from "../store/open.js";
import { importBundle, organisationId } from "../store/plans.js";
import type { Account } from "./accounts.js";
import { requireCan } from "./authorization.js";
import { ConflictError } from "./errors.js";

export const bundleFilesSchema = z
  .object({
    files: z
      .array(z.object({ path: z.string().min(1).max(500), content: z.string() }).strict())
      .min(1)
      .max(10_000),
  })
  .strict();

export type BundleFile = z.output<typeof bundleFilesSchema>["files"][number];

export interface ImportSummary {
  readonly id: string;
  readonly title: string;
  readonly organisation: string;
  readonly year: number;
  readonly periods: readonly { readonly id: string; readonly label: string }[];
  readonly indicators: number;
  readonly realisations: number;
  readonly explanations: number;
  readonly sections: number;
  readonly warnings: readonly string[];
  /** A plan with this id is stored already: importing replaces it. */
  readonly replaces: boolean;
  readonly imported: boolean;
}

const SEGMENT = /^[^/\\\0]+$/;

/** A path inside the bundle: relative, with no `..`, `.` or empty part. */
function pathProblem(file: BundleFile, seen: Set<string>): Problem | undefined {
  const parts = file.path.split("/");
  if (parts.some((p) => !SEGMENT.test(p) || p === "." || p === "..")) {
    return { file: file.path, message: "not a path inside the bundle (such as plan.yaml)" };
  }
  if (seen.has(file.path)) return { file: file.path, message: "sent twice" };
  seen.add(file.path);
  return undefined;
}

function requireSafePaths(files: readonly BundleFile[]): void {
  const seen = new Set<string>();
  const problems = files.flatMap((f) => pathProblem(f, seen) ?? []);
  if (problems.length > 0) throw new ProblemsError(problems);
}

const inBundle = (dir: string) => (problem: Problem) => ({
  ...problem,
  file: relative(dir, problem.file) || problem.file,
});

/** The files read as a bundle; the problems and warnings name the files as they were sent. */
export function readBundleFiles(files: readonly BundleFile[]): Bundle {
  requireSafePaths(files);
  const dir = mkdtempSync(join(tmpdir(), "koers-import-"));
  try {
    for (const file of files) {
      const target = join(dir, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    const bundle = readBundle(dir);
    return { ...bundle, dir: "upload", warnings: bundle.warnings.map(inBundle(dir)) };
  } catch (error) {
    if (error instanceof ProblemsError) throw new ProblemsError(error.problems.map(inBundle(dir)));
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** As importBundle places it. */
const organisationOf = (bundle: Bundle) => bundle.plan.organisation ?? "Koers";

function summaryOf(bundle: Bundle, replaces: boolean, imported: boolean): ImportSummary {
  const { plan } = bundle;
  return {
    id: plan.id,
    title: plan.title,
    organisation: organisationOf(bundle),
    year: plan.year,
    periods: plan.periods.map((p) => ({ id: p.id, label: p.label })),
    indicators: indicatorsOf(plan.nodes).length,
    realisations: bundle.realisations.length,
    explanations: bundle.explanations.length,
    sections: bundle.sections.length,
    warnings: bundle.warnings.map(formatProblem),
    replaces,
    imported,
  };
}

/**
 * Checks the bundle and, unless `preview`, imports it. Whoever imports must manage the plans of
 * its organisation and, to replace a plan, of the organisation that plan is in now.
 */
export async function importPlanFiles(
  store: Store,
  account: Account,
  files: readonly BundleFile[],
  options: { readonly preview: boolean; readonly replace: boolean; readonly at: string },
): Promise<ImportSummary> {
  const bundle = readBundleFiles(files);
  const { plan } = bundle;
  requireCan(account, "manage-plans", { organisation: organisationId(organisationOf(bundle)) });
  const existing = await store.db
    .selectFrom("plans")
    .select(["id", "title", "organisation_id"])
    .where("id", "=", plan.id)
    .executeTakeFirst();
  if (existing) requireCan(account, "manage-plans", { organisation: existing.organisation_id });
  if (options.preview) return summaryOf(bundle, existing !== undefined, false);
  if (existing && !options.replace) {
    throw new ConflictError(`plan ${plan.id} is already there: import with replace to replace it`, {
      id: existing.id,
      title: existing.title,
    });
  }
  await importBundle(store, bundle, { actor: account.email, at: options.at }, options.replace);
  return summaryOf(bundle, existing !== undefined, true);
}
