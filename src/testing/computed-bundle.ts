/** The small compute fixture computed with DuckDB and written as `koers compute --write` does. */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeBundle, writeComputed } from "../app/compute.js";
import { readBundle } from "../bundle/read-bundle.js";
import { DuckDbEngine } from "../compute/duckdb-engine.js";
import { SMALL_FIXTURE } from "./lineage.js";

/** A copy of the fixture with its figures and lineage.json; the fixture stays as it is. */
export async function computedSmallBundle(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "koers-computed-"));
  cpSync(SMALL_FIXTURE, dir, { recursive: true });
  const engine = await DuckDbEngine.open();
  try {
    const bundle = readBundle(dir);
    const figures = await computeBundle(bundle, engine, {
      period: "all",
      timeoutMs: 30_000,
      now: new Date("2026-01-05T09:00:00Z"),
    });
    writeComputed(bundle, figures);
  } finally {
    await engine.close();
  }
  return dir;
}
