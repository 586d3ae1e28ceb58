/**
 * lineage.json: for each computed figure in realisations.csv, how it came about (the SQL that
 * ran, the engine, the files with their SHA-256). `koers compute --write` writes it beside
 * realisations.csv; evaluate and the report read it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Lineage } from "../domain/computation.js";
import { ProblemsError } from "../domain/errors.js";

export const LINEAGE_FILE = "lineage.json";

export interface LineageEntry extends Lineage {
  readonly indicator: string;
  readonly period: string;
  /** The figure as written into realisations.csv; null when the data gave none. */
  readonly value: string | null;
}

export function readLineage(dir: string): LineageEntry[] {
  const file = join(dir, LINEAGE_FILE);
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ProblemsError([{ file, message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const figures = (data as { figures?: unknown }).figures;
  if (!Array.isArray(figures) || !figures.every(isEntry)) {
    throw new ProblemsError([
      { file, message: "must hold { figures: [...] } as koers compute --write writes it" },
    ]);
  }
  return figures;
}

function isEntry(value: unknown): value is LineageEntry {
  const v = value as Partial<LineageEntry> | null;
  return (
    typeof v?.indicator === "string" && typeof v.period === "string" && typeof v.sql === "string"
  );
}

/**
 * Whether a figure is still the one its lineage says was computed: one changed by hand since
 * has no origin to show.
 */
export function stillComputed(
  entry: LineageEntry,
  figure: number | "met" | "not-met" | null,
): boolean {
  if (entry.value === null) return figure === null;
  return typeof figure === "number" && Number(entry.value) === figure;
}

export function lineageJson(entries: readonly LineageEntry[]): string {
  return `${JSON.stringify({ figures: entries }, null, 2)}\n`;
}
