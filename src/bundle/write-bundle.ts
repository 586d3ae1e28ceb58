/** Writes a plan bundle (FORMAT.md) in the comma dialect: the way a stored plan is exported. */

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { decimalToString } from "../domain/decimal.js";
import { UserError } from "../domain/errors.js";
import { isoDate } from "../domain/format.js";
import type { Measurement } from "../domain/history.js";
import type { RealisedValue } from "../domain/plan.js";
import { LINEAGE_FILE, lineageJson } from "./lineage-file.js";
import type { Bundle } from "./read-bundle.js";

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function valueText(value: RealisedValue): string {
  switch (value.kind) {
    case "number":
      return decimalToString(value.value);
    case "assessment":
      return value.met ? "met" : "not-met";
    case "missing":
      return value.word;
  }
}

export function realisationsCsv(bundle: Pick<Bundle, "realisations">): string {
  const withSamples = bundle.realisations.some((r) => r.sampleSize !== undefined);
  const header = [
    "indicator",
    "period",
    "value",
    "source",
    ...(withSamples ? ["sample_size"] : []),
  ];
  const rows = bundle.realisations.map((r) =>
    [
      r.indicatorId,
      r.periodId,
      valueText(r.value),
      r.source ?? "",
      ...(withSamples ? [r.sampleSize === undefined ? "" : String(r.sampleSize)] : []),
    ]
      .map(field)
      .join(","),
  );
  return `${[header.join(","), ...rows].join("\n")}\n`;
}

/**
 * The plan's measurement history as history.csv, the previous year's waves included, so that a
 * stored or exported plan keeps them without the folder `previous:` named.
 */
export function historyCsv(history: readonly Measurement[]): string {
  const rows = history.map((m) =>
    [
      m.indicatorId,
      m.wave,
      isoDate(m.date),
      decimalToString(m.value),
      m.sampleSize === undefined ? "" : String(m.sampleSize),
      m.source ?? "",
    ]
      .map(field)
      .join(","),
  );
  return `${["indicator,wave,date,value,sample_size,source", ...rows].join("\n")}\n`;
}

/** plan.yaml without `previous:`: an exported bundle stands alone, its waves in history.csv. */
function withoutPrevious(planYaml: string): string {
  return planYaml.replace(/^previous:.*(?:\r?\n|$)/m, "");
}

/** The files of a bundle, by their path inside it. */
export function bundleFiles(bundle: Bundle): Map<string, string> {
  const history = bundle.plan.history ?? [];
  const files = new Map<string, string>([
    ["plan.yaml", withoutPrevious(bundle.planYaml)],
    ["realisations.csv", realisationsCsv(bundle)],
  ]);
  if (history.length > 0) files.set("history.csv", historyCsv(history));
  if (bundle.lineage?.length) files.set(LINEAGE_FILE, lineageJson(bundle.lineage));
  if (bundle.intentionsYaml !== undefined) files.set("intentions.yaml", bundle.intentionsYaml);
  for (const [name, text] of Object.entries(bundle.registerFiles ?? {})) files.set(name, text);
  for (const e of bundle.explanations) {
    files.set(join("explanations", e.periodId, `${e.indicatorId}.md`), `${e.markdown}\n`);
  }
  for (const s of bundle.sections) {
    const file = basename(s.file);
    const name = /^\d+-/.test(file) ? file : `${String(s.order).padStart(2, "0")}-${file}`;
    files.set(join("sections", s.periodId, name), `# ${s.heading}\n\n${s.markdown}\n`);
  }
  return files;
}

/** Writes into a new folder, whole or not at all: an existing non-empty folder is refused. */
export function writeBundle(bundle: Bundle, dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new UserError(`${dir} is not empty: export into a new or empty folder`);
  }
  const staging = `${dir.replace(/\/+$/, "")}.koers-export-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [path, content] of bundleFiles(bundle)) {
      const file = join(staging, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    if (existsSync(dir)) rmSync(dir, { recursive: true });
    renameSync(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
