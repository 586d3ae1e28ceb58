/**
 * Computing a bundle's indicators from its source data, and writing the figures into the
 * bundle: realisations.csv and lineage.json together, whole or not at all.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LINEAGE_FILE, type LineageEntry, lineageJson } from "../bundle/lineage-file.js";
import type { Bundle } from "../bundle/read-bundle.js";
import { realisationsCsv } from "../bundle/write-bundle.js";
import { type ComputedFigure, computePlan } from "../compute/compute-plan.js";
import type { ComputeEngine } from "../compute/engine.js";
import { decimalToString } from "../domain/decimal.js";
import { UserError } from "../domain/errors.js";
import type { Realisation } from "../domain/plan.js";

export interface ComputeRequest {
  /** A period id, or every period of the plan. */
  readonly period: string | "all";
  readonly timeoutMs: number;
  readonly now: Date;
}

export async function computeBundle(
  bundle: Bundle,
  engine: ComputeEngine,
  request: ComputeRequest,
): Promise<ComputedFigure[]> {
  const { plan } = bundle;
  const periods =
    request.period === "all" ? plan.periods : plan.periods.filter((p) => p.id === request.period);
  if (periods.length === 0) {
    throw new UserError(
      `period "${request.period}" is not in plan ${plan.id} (it has ${plan.periods.map((p) => p.id).join(", ")})`,
    );
  }
  return computePlan(plan, engine, {
    bundleDir: bundle.dir,
    periods,
    timeoutMs: request.timeoutMs,
    now: request.now,
  });
}

export function lineageEntry(figure: ComputedFigure): LineageEntry {
  return {
    indicator: figure.indicatorId,
    period: figure.periodId,
    value: figure.value === null ? null : decimalToString(figure.value),
    ...figure.lineage,
  };
}

/** The computed figures in place of the ones they replace; every other row stays. */
export function mergedRealisations(
  bundle: Pick<Bundle, "realisations">,
  figures: readonly ComputedFigure[],
): Realisation[] {
  const key = (indicator: string, period: string) => `${indicator}\u0000${period}`;
  const computed = new Map(figures.map((f) => [key(f.indicatorId, f.periodId), f]));
  const kept = bundle.realisations.filter((r) => !computed.has(key(r.indicatorId, r.periodId)));
  const added: Realisation[] = figures.map((f) => ({
    indicatorId: f.indicatorId,
    periodId: f.periodId,
    value:
      f.value === null ? { kind: "missing", word: "n.b." } : { kind: "number", value: f.value },
    source: `berekend met ${f.lineage.engine} uit ${f.lineage.sources.map((s) => s.name).join(", ")} (lineage.json)`,
  }));
  return [...kept, ...added];
}

/** The computed figures alone as realisations.csv text, for an upload into the database. */
export function computedCsv(figures: readonly ComputedFigure[]): string {
  return realisationsCsv({ realisations: mergedRealisations({ realisations: [] }, figures) });
}

/** Writes realisations.csv and lineage.json of a bundle folder; on failure neither changes. */
export function writeComputed(bundle: Bundle, figures: readonly ComputedFigure[]): void {
  const dir = bundle.dir;
  const entries = new Map((bundle.lineage ?? []).map((e) => [`${e.indicator} ${e.period}`, e]));
  for (const figure of figures)
    entries.set(`${figure.indicatorId} ${figure.periodId}`, lineageEntry(figure));
  const files: [string, string][] = [
    ["realisations.csv", realisationsCsv({ realisations: mergedRealisations(bundle, figures) })],
    [LINEAGE_FILE, lineageJson([...entries.values()])],
  ];
  const staged = files.map(([name, text]) => {
    const staging = join(dir, `.${name}.koers-${process.pid}`);
    writeFileSync(staging, text);
    return [staging, join(dir, name)] as const;
  });
  try {
    for (const [staging, target] of staged) renameSync(staging, target);
  } finally {
    for (const [staging] of staged) if (existsSync(staging)) rmSync(staging);
  }
}
