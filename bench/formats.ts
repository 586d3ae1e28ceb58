/**
 * Times the report in every format, in this process after a warm-up: the example's jan - okt
 * report, and the last period of a generated 500-indicator plan (docs/BENCHMARKS.md).
 *
 *   npm run build && node --import tsx bench/formats.ts [--runs N]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPORT_FORMATS, type ReportFormat } from "../src/app/formats.js";
import { buildReport, renderReport } from "../src/app/report.js";
import { readBundle } from "../src/bundle/read-bundle.js";
import { generateBundle } from "./generate.js";

const runsAt = process.argv.indexOf("--runs");
const RUNS = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 10;
const WARMUPS = 2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function time(dir: string, periodId: string, format: ReportFormat, runs: number) {
  const bundle = readBundle(dir);
  const samples: number[] = [];
  let bytes = 0;
  for (let run = 0; run < WARMUPS + runs; run++) {
    const start = performance.now();
    const { model } = buildReport(bundle, periodId);
    const output = await renderReport(model, format);
    const elapsed = performance.now() - start;
    if (run >= WARMUPS) samples.push(elapsed);
    bytes = typeof output === "string" ? Buffer.byteLength(output) : output.byteLength;
  }
  return { median: median(samples), min: Math.min(...samples), bytes };
}

const generatedDir = mkdtempSync(join(tmpdir(), "koers-bench-500-"));
try {
  const generated = generateBundle(generatedDir, {
    groups: 5,
    subgroups: 10,
    indicatorsPerSubgroup: 10,
    explanations: 30,
  });
  const cases = [
    {
      name: "example 2025-10 (21 indicators, 5 notes)",
      dir: "examples/toeslagen-2025",
      period: "2025-10",
    },
    {
      name: `generated ${generated.indicators} indicators, ${generated.periodIds.at(-1)}`,
      dir: generatedDir,
      period: generated.periodIds.at(-1) as string,
    },
  ];
  console.log(
    `Koers report formats — node ${process.version}; ${WARMUPS} warm-up and ${RUNS} measured runs each (model + render)`,
  );
  console.log(
    [
      "report".padEnd(46),
      "format",
      "median".padStart(10),
      "min".padStart(10),
      "size".padStart(10),
    ].join("  "),
  );
  for (const c of cases) {
    for (const format of REPORT_FORMATS) {
      const runs = format === "pdf" ? Math.max(3, Math.round(RUNS / 3)) : RUNS;
      const t = await time(c.dir, c.period, format, runs);
      console.log(
        [
          c.name.padEnd(46),
          format.padEnd(6),
          `${t.median.toFixed(1)} ms`.padStart(10),
          `${t.min.toFixed(1)} ms`.padStart(10),
          `${(t.bytes / 1024).toFixed(0)} KiB`.padStart(10),
        ].join("  "),
      );
    }
  }
} finally {
  rmSync(generatedDir, { recursive: true, force: true });
}
