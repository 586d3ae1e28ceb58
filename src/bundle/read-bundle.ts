/** Reads a whole plan bundle (FORMAT.md) into domain objects; all problems are reported at once. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Problem, ProblemsError } from "../domain/errors.js";
import type { Explanation, Section } from "../domain/narrative.js";
import type { Plan, Realisation } from "../domain/plan.js";
import { readPlan } from "./plan-file.js";
import { ProblemLog } from "./problems.js";
import { readRealisations } from "./realisations-file.js";
import { readExplanations, readSections } from "./texts-files.js";

export interface Bundle {
  readonly dir: string;
  readonly plan: Plan;
  readonly realisations: readonly Realisation[];
  readonly explanations: readonly Explanation[];
  readonly sections: readonly Section[];
  readonly warnings: readonly Problem[];
}

/** Throws ProblemsError with every error found; warnings travel with the bundle. */
export function readBundle(dir: string): Bundle {
  const log = new ProblemLog();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ProblemsError([
      { file: dir, message: "not a folder: a plan bundle is a folder with plan.yaml" },
    ]);
  }
  const planFile = join(dir, "plan.yaml");
  if (!existsSync(planFile)) {
    throw new ProblemsError([
      { file: planFile, message: "missing: a plan bundle needs plan.yaml" },
    ]);
  }
  const plan = readPlan(readFileSync(planFile, "utf8"), planFile, log);
  if (!plan) throw new ProblemsError(log.errors);
  const realisationsFile = join(dir, "realisations.csv");
  const realisations = existsSync(realisationsFile)
    ? readRealisations(readFileSync(realisationsFile, "utf8"), realisationsFile, plan, log)
    : [];
  const explanations = readExplanations(dir, plan, log);
  const sections = readSections(dir, plan, log);
  if (log.errors.length > 0) throw new ProblemsError(log.errors);
  return { dir, plan, realisations, explanations, sections, warnings: log.warnings };
}
