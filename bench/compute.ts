/**
 * Computing the computed example's indicators from demo data, all 12 monthly periods, timed
 * against (a) the best single hand-written DuckDB query per source and (b) one query per
 * indicator per period (docs/BENCHMARKS.md). Each runs in a process of its own, for its wall
 * time and peak memory; all three must give the same figures.
 *
 *   node --import tsx bench/compute.ts [--scale 1] [--data DIR] [--runs 3]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { readBundle } from "../src/bundle/read-bundle.js";
import { computedIndicators, computePlan } from "../src/compute/compute-plan.js";
import { generateDemoData } from "../src/compute/demo-data/generate.js";
import { DuckDbEngine } from "../src/compute/duckdb-engine.js";
import { ratioFigure, valueFigure } from "../src/compute/figures.js";
import { partValue } from "../src/compute/parts.js";
import { sourceQueries } from "../src/compute/source-query.js";
import { statutoryTermsSql } from "../src/compute/statutory-sql.js";
import { decimalToNumber } from "../src/domain/decimal.js";
import { handWritten } from "./compute/hand-written.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const EXAMPLE = join(ROOT, "examples", "toeslagen-2025-computed", "plan.yaml");
const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    data: { type: "string" },
    runs: { type: "string", default: "3" },
    phase: { type: "string" },
    bundle: { type: "string" },
  },
});

type Phase = "koers" | "hand" | "per-figure";
interface PhaseResult {
  readonly ms: number;
  readonly maxRssMiB: number;
  readonly queries: number;
  readonly figures: Record<string, number | null>;
}

const monthKey = (indicator: string, periodId: string) =>
  `${indicator} ${Number(periodId.slice(5))}`;

async function runPhase(phase: Phase, bundleDir: string, dataDir: string): Promise<PhaseResult> {
  const bundle = readBundle(bundleDir);
  const started = performance.now();
  const figures: Record<string, number | null> = {};
  let queries = 0;
  if (phase === "koers") {
    const engine = await DuckDbEngine.open();
    const computed = await computePlan(bundle.plan, engine, {
      bundleDir,
      periods: bundle.plan.periods,
      timeoutMs: 600_000,
      now: new Date(),
    });
    await engine.close();
    for (const f of computed)
      figures[monthKey(f.indicatorId, f.periodId)] = f.value && decimalToNumber(f.value);
    queries = new Set(computed.map((f) => f.lineage.sql)).size;
  } else if (phase === "hand") {
    const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
    const connection = await instance.connect();
    for (const statement of statutoryTermsSql("duckdb", { from: 2023, to: 2026 }))
      await connection.run(statement);
    const hand = await handWritten(
      connection,
      (name) => `read_parquet('${join(dataDir, `${name}.parquet`)}')`,
    );
    for (const [k, v] of hand) figures[k] = v;
    queries = 8;
  } else {
    const engine = await DuckDbEngine.open();
    const plan = bundle.plan;
    const sources = (plan.sources ?? []).map((s) => engine.resolve(s, bundleDir));
    await engine.attach(sources, { from: plan.year - 2, to: plan.year + 1 });
    for (const indicator of computedIndicators(plan)) {
      const definition = indicator.compute;
      if (definition?.kind !== "aggregate") continue;
      for (const period of plan.periods) {
        const item = { indicatorId: indicator.id, aggregation: indicator.aggregation, definition };
        // The per-period form of the filtered query, as a definition run one figure at a time.
        const [query] = sourceQueries(
          engine.dialect,
          definition.source,
          [item],
          [period],
          plan.year,
        );
        if (!query) continue;
        const { rows } = await engine.query(query.sql, [definition.source], 600_000);
        queries++;
        const { value, numerator, denominator } = query.figures[0]?.parts ?? {};
        const part = (p: typeof value) => (p ? partValue(rows, p) : null);
        const d =
          value !== undefined
            ? valueFigure(part(value), indicator)
            : ratioFigure(part(numerator), part(denominator), indicator);
        figures[monthKey(indicator.id, period.id)] = d && decimalToNumber(d);
      }
    }
    await engine.close();
  }
  const ms = performance.now() - started;
  return { ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, queries, figures };
}

/** The example's plan with 12 monthly periods, reading the demo data where it lies. */
function monthlyBundle(dataDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), "koers-bench-compute-"));
  const months = Array.from({ length: 12 }, (_, i) => {
    const last = new Date(Date.UTC(2025, i + 1, 0)).getUTCDate();
    const mm = String(i + 1).padStart(2, "0");
    return `  - id: "2025-${mm}"\n    label: t/m ${mm}\n    until: 2025-${mm}-${last}`;
  });
  const plan = readFileSync(EXAMPLE, "utf8")
    .replace(/^periods:\n(?: {2}.*\n| {4}.*\n)*/m, `periods:\n${months.join("\n")}\n`)
    .replaceAll("path: data/", `path: ${dataDir}/`)
    .replace(/target:\n {10}"2025-04": "<= 567"\n {10}"2025-10": "<= 1417"/, 'target: "<= 1417"');
  writeFileSync(join(dir, "plan.yaml"), plan);
  writeFileSync(join(dir, "realisations.csv"), "indicator,period,value,source\n");
  return dir;
}

function child(phase: Phase, bundleDir: string, dataDir: string, cache: string): PhaseResult {
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      "--phase",
      phase,
      "--bundle",
      bundleDir,
      "--data",
      dataDir,
    ],
    {
      encoding: "utf8",
      env: { ...process.env, XDG_CACHE_HOME: cache },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`${phase} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}") as PhaseResult;
}

function compare(name: string, a: PhaseResult, b: PhaseResult, tolerance: number): void {
  for (const [k, v] of Object.entries(a.figures)) {
    const w = b.figures[k];
    if (v === null || w === null || w === undefined ? v !== w : Math.abs(v - w) > tolerance) {
      throw new Error(`${name}: ${k} is ${v} in Koers but ${w}`);
    }
  }
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;

async function main(): Promise<void> {
  if (args.phase) {
    const result = await runPhase(args.phase as Phase, args.bundle ?? "", args.data ?? "");
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const scale = Number(args.scale);
  const dataDir = args.data ?? join(tmpdir(), "koers-bench-compute", `scale-${scale}`);
  if (!existsSync(join(dataDir, "manifest.json"))) {
    mkdirSync(dataDir, { recursive: true });
    process.stderr.write(`generating demo data at scale ${scale} into ${dataDir}…\n`);
    await generateDemoData(dataDir, { scale, seed: 2025 });
  }
  const bundleDir = monthlyBundle(dataDir);
  const cache = mkdtempSync(join(tmpdir(), "koers-bench-cache-"));
  try {
    const first = child("koers", bundleDir, dataDir, cache);
    const runs = Number(args.runs);
    const koers: PhaseResult[] = [];
    const hand: PhaseResult[] = [];
    for (let i = 0; i < runs; i++) {
      koers.push(child("koers", bundleDir, dataDir, cache));
      hand.push(child("hand", bundleDir, dataDir, cache));
    }
    const perFigure = child("per-figure", bundleDir, dataDir, cache);
    const [k, h] = [koers[0], hand[0]] as [PhaseResult, PhaseResult];
    // Koers rounds to the indicator's decimals (at most 1 here for a share), the hand-written one not.
    compare("hand-written", k, h, 0.05);
    compare("one query per figure", k, perFigure, 0);
    const km = median(koers.map((r) => r.ms));
    const hm = median(hand.map((r) => r.ms));
    const rows = readFileSync(join(dataDir, "manifest.json"), "utf8");
    const total = (JSON.parse(rows) as { files: { rows: number }[] }).files.reduce(
      (t, f) => t + f.rows,
      0,
    );
    console.log(
      `Koers compute benchmark — scale ${scale} (${total.toLocaleString("en")} source rows), 12 monthly periods, ${Object.keys(k.figures).length} figures`,
    );
    console.log(
      `  Koers, first run (hashing the sources): ${first.ms.toFixed(0)} ms, peak ${first.maxRssMiB.toFixed(0)} MiB, ${first.queries} queries`,
    );
    console.log(
      `  Koers (median of ${runs}):              ${km.toFixed(0)} ms, peak ${k.maxRssMiB.toFixed(0)} MiB, ${k.queries} queries`,
    );
    console.log(
      `  (a) hand-written, one query per source:  ${hm.toFixed(0)} ms, peak ${h.maxRssMiB.toFixed(0)} MiB`,
    );
    console.log(
      `  (b) one query per indicator per period:  ${perFigure.ms.toFixed(0)} ms, peak ${perFigure.maxRssMiB.toFixed(0)} MiB, ${perFigure.queries} queries`,
    );
    console.log(
      `  Koers / (a) = ${(km / hm).toFixed(2)}; (b) / Koers = ${(perFigure.ms / km).toFixed(2)}`,
    );
    console.log(
      `  runs, Koers: ${koers.map((r) => r.ms.toFixed(0)).join(", ")} ms; (a): ${hand.map((r) => r.ms.toFixed(0)).join(", ")} ms`,
    );
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}

await main();
