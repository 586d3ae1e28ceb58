/** Reads a whole plan bundle (FORMAT.md) into domain objects; all problems are reported at once. */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Problem, ProblemsError } from "../domain/errors.js";
import type { Explanation, Section } from "../domain/narrative.js";
import type { Plan, Realisation } from "../domain/plan.js";
import { withHistory } from "./history-bundle.js";
import { readIntentions } from "./intentions-file.js";
import { readBundleLineage } from "./lineage-bundle.js";
import type { LineageEntry } from "./lineage-file.js";
import { readPlan } from "./plan-file.js";
import { ProblemLog } from "./problems.js";
import { readRealisations } from "./realisations-file.js";
import { type RegisterFiles, readRegisterFiles, withRegisters } from "./registers-files.js";
import { readUtf8 } from "./text-file.js";
import { readExplanations, readSections } from "./texts-files.js";

export interface Bundle {
  /** Where the bundle was read from: a folder, or a plan in the database. */
  readonly dir: string;
  readonly plan: Plan;
  /** plan.yaml as written, so that a plan can be stored and exported unchanged. */
  readonly planYaml: string;
  /** intentions.yaml as written, when the bundle has one. */
  readonly intentionsYaml?: string;
  /** risks.yaml, findings.yaml and lawfulness.yaml as written, when the bundle has any. */
  readonly registerFiles?: RegisterFiles;
  readonly realisations: readonly Realisation[];
  readonly explanations: readonly Explanation[];
  readonly sections: readonly Section[];
  /** lineage.json: how the computed figures came about; undefined when the bundle has none. */
  readonly lineage?: readonly LineageEntry[];
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
  const planText = readUtf8(planFile, log);
  const definition = planText === undefined ? undefined : readPlan(planText, planFile, log);
  if (!definition) throw rejection(log);
  const intentionsFile = join(dir, "intentions.yaml");
  const intentionsYaml = existsSync(intentionsFile) ? readUtf8(intentionsFile, log) : undefined;
  const registerFiles = readRegisterFiles(dir, log);
  const plan = withHistory(
    withRegisters(
      withIntentions(definition, intentionsYaml, intentionsFile, log),
      registerFiles,
      (name) => join(dir, name),
      log,
    ),
    dir,
    planText as string,
    log,
  );
  const realisationsFile = join(dir, "realisations.csv");
  const realisationsText = existsSync(realisationsFile) ? readUtf8(realisationsFile, log) : "";
  const realisations = realisationsText
    ? readRealisations(realisationsText, realisationsFile, plan, log)
    : [];
  const explanations = readExplanations(dir, plan, log);
  const sections = readSections(dir, plan, log);
  const lineage = readBundleLineage(dir, log);
  if (log.errors.length > 0) throw rejection(log);
  return {
    dir,
    plan,
    planYaml: planText as string,
    ...(intentionsYaml !== undefined ? { intentionsYaml } : {}),
    ...(Object.keys(registerFiles).length > 0 ? { registerFiles } : {}),
    realisations,
    explanations,
    sections,
    ...(lineage ? { lineage } : {}),
    warnings: log.warnings,
  };
}

/** The plan with the intentions of intentions.yaml, when there is one. */
export function withIntentions(
  plan: Plan,
  text: string | undefined,
  file: string,
  log: ProblemLog,
): Plan {
  return text === undefined ? plan : { ...plan, intentions: readIntentions(text, file, plan, log) };
}

/** The errors, followed by the warnings found so far, so that fixing the errors holds no surprise. */
function rejection(log: ProblemLog): ProblemsError {
  return new ProblemsError([
    ...log.errors,
    ...log.warnings.map((w) => ({ ...w, message: `warning: ${w.message}` })),
  ]);
}
