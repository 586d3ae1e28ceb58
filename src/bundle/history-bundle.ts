/**
 * A bundle's measurement history: history.csv, and the figures of the previous year's bundle
 * that plan.yaml names in `previous:`, for the indicators that keep their id.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { ProblemsError } from "../domain/errors.js";
import { type Measurement, periodMeasurement } from "../domain/history.js";
import { indicatorsOf, type Plan } from "../domain/plan.js";
import { readHistory } from "./history-file.js";
import { ProblemLog } from "./problems.js";
import { readBundle } from "./read-bundle.js";
import { readUtf8 } from "./text-file.js";
import { PreciseYaml } from "./yaml-source.js";

/** The bundles being read along a chain of `previous:`, to refuse a chain that loops. */
const reading = new Set<string>();

/** The plan with its history, when the bundle has any; every problem is logged. */
export function withHistory(plan: Plan, dir: string, planText: string, log: ProblemLog): Plan {
  const file = join(dir, "history.csv");
  const text = existsSync(file) ? readUtf8(file, log) : undefined;
  const own = text ? readHistory(text, file, plan, log) : [];
  const key = realpathSync(dir);
  reading.add(key);
  try {
    const earlier = previousMeasurements(plan, dir, planText, log);
    const history = [...own, ...earlier];
    return history.length > 0 ? { ...plan, history } : plan;
  } finally {
    reading.delete(key);
  }
}

function previousMeasurements(
  plan: Plan,
  dir: string,
  planText: string,
  log: ProblemLog,
): Measurement[] {
  if (!/^previous\s*:/m.test(planText)) return [];
  const planFile = join(dir, "plan.yaml");
  const yaml = PreciseYaml.parse(planText, planFile, new ProblemLog());
  const written = (yaml?.data as Record<string, unknown> | undefined)?.previous;
  const error = (message: string) => log.error(planFile, yaml?.line(["previous"]), message);
  if (written === undefined || written === null) return [];
  if (typeof written !== "string" || written.trim() === "") {
    error('plan: field "previous" must be the path of the previous year\'s bundle folder');
    return [];
  }
  const folder = resolve(dir, written.trim());
  if (!existsSync(join(folder, "plan.yaml")) || !statSync(folder).isDirectory()) {
    error(`previous: "${written}" is not a plan bundle (a folder with plan.yaml)`);
    return [];
  }
  const previous = readPrevious(folder, written, error, log);
  if (!previous) return [];
  if (previous.year >= plan.year) {
    error(
      `previous: "${written}" is the plan for ${previous.year}, not a year before ${plan.year}`,
    );
    return [];
  }
  return carriedOver(plan, previous);
}

/** The previous bundle's plan with its realisations as history, or undefined (logged). */
function readPrevious(
  folder: string,
  written: string,
  error: (message: string) => void,
  log: ProblemLog,
): (Plan & { readonly figures: readonly Measurement[] }) | undefined {
  if (reading.has(realpathSync(folder))) {
    error(`previous: "${written}" leads back to a bundle that names it as its successor`);
    return undefined;
  }
  try {
    const bundle = readBundle(folder);
    log.warnings.push(...bundle.warnings);
    const periods = new Map(bundle.plan.periods.map((p) => [p.id, p]));
    const figures = bundle.realisations.flatMap((r) => {
      const period = periods.get(r.periodId);
      const measurement = period && periodMeasurement(bundle.plan, period, r);
      return measurement ? [measurement] : [];
    });
    return { ...bundle.plan, figures };
  } catch (problem) {
    if (!(problem instanceof ProblemsError)) throw problem;
    log.errors.push(...problem.problems);
    error(`previous: the bundle "${written}" is not valid (its problems are listed)`);
    return undefined;
  }
}

function carriedOver(
  plan: Plan,
  previous: Plan & { readonly figures: readonly Measurement[] },
): Measurement[] {
  const ids = new Set(indicatorsOf(plan.nodes).map((i) => i.id));
  return [...previous.figures, ...(previous.history ?? [])].filter((m) => ids.has(m.indicatorId));
}
