/**
 * Koers's benchmark (docs/BENCHMARKS.md). Generates a 5,000-indicator × 12-period bundle in a
 * temporary folder, then times in this process, after a warm-up:
 *   (a) readBundle (reading and validating the bundle),
 *   (b) evaluating all 12 periods (evaluateUpTo the last one),
 *   (c) the report model from those evaluations (reportOf) + renderReport html for the last period,
 *   (d) a + b + c;
 * and, as separate processes, a cold `bin/koers evaluate` of the example against `node -e 0`,
 * and one `bin/koers report` of the generated bundle.
 *
 *   npm run build && npm run bench                     (defaults: --runs 10 --cold-runs 15)
 *   node --import tsx bench/run.ts --runs 20 --keep    (keep the generated bundle)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { evaluateUpTo } from "../src/app/period.js";
import { renderReport, reportOf } from "../src/app/report.js";
import { readBundle } from "../src/bundle/read-bundle.js";
import type { Evaluation, Status } from "../src/domain/evaluate.js";
import { type GeneratedBundle, generateBundle } from "./generate.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "bin", "koers");
const BUILT_CLI = join(ROOT, "dist", "cli", "main.js");
const EXAMPLE = join(ROOT, "examples", "toeslagen-2025");

interface Options {
  readonly runs: number;
  readonly warmups: number;
  readonly coldRuns: number;
  readonly keep: boolean;
}

function options(argv: readonly string[]): Options {
  const value = (name: string, fallback: number) => {
    const at = argv.indexOf(name);
    const parsed = at >= 0 ? Number(argv[at + 1]) : fallback;
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new Error(`${name} takes a whole number ≥ 1`);
    return parsed;
  };
  return {
    runs: value("--runs", 10),
    warmups: value("--warmups", 2),
    coldRuns: value("--cold-runs", 15),
    keep: argv.includes("--keep"),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`benchmark sanity check failed: ${message}`);
}

/** The evaluation must be the one the generator built the bundle for, status by status. */
function checkEvaluations(evaluations: readonly Evaluation[], expected: GeneratedBundle): number {
  check(
    evaluations.length === expected.periodIds.length,
    `${evaluations.length} periods evaluated`,
  );
  let judgements = 0;
  for (const evaluation of evaluations) {
    const periodId = evaluation.period.id;
    judgements += evaluation.judgements.length;
    const counts: Record<Status, number> = {
      "no-target": 0,
      pending: 0,
      met: 0,
      "behind-plan": 0,
      "not-met": 0,
    };
    for (const judgement of evaluation.judgements) counts[judgement.status] += 1;
    const want = expected.statusCounts[periodId];
    check(
      JSON.stringify(counts) === JSON.stringify(want),
      `statuses in ${periodId}: got ${JSON.stringify(counts)}, expected ${JSON.stringify(want)}`,
    );
    const ids = evaluation.exceptions.map((j) => j.indicator.id);
    check(
      JSON.stringify(ids) === JSON.stringify(expected.exceptions[periodId]),
      `exceptions of ${periodId} differ from the generator's`,
    );
    check(
      evaluation.exceptions.every((j, index) => j.note === index + 1),
      `exceptions of ${periodId} are not numbered 1, 2, 3 …`,
    );
  }
  check(
    judgements === expected.indicators * expected.periodIds.length,
    `${judgements} judgements, expected ${expected.indicators * expected.periodIds.length}`,
  );
  return judgements;
}

interface Sample {
  readonly read: number;
  readonly evaluate: number;
  readonly report: number;
  readonly total: number;
}

async function inProcess(generated: GeneratedBundle, runs: number, warmups: number) {
  const last = generated.periodIds.at(-1) as string;
  const samples: Sample[] = [];
  let summary = { judgements: 0, exceptions: 0, htmlBytes: 0, warnings: 0 };
  for (let run = 0; run < warmups + runs; run++) {
    const t0 = performance.now();
    const bundle = readBundle(generated.dir);
    const t1 = performance.now();
    const evaluations = evaluateUpTo(bundle, last);
    const t2 = performance.now();
    const { model, warnings } = reportOf(bundle, evaluations);
    const html = (await renderReport(model, "html")) as string;
    const t3 = performance.now();
    if (run === 0) {
      // Checked once, outside the timed stretches.
      check(bundle.realisations.length === generated.realisations, "realisations read");
      check(bundle.explanations.length === generated.explanations, "explanations read");
      check(bundle.sections.length === generated.sections, "sections read");
      const judgements = checkEvaluations(evaluations, generated);
      const exceptions = evaluations.at(-1)?.exceptions.length ?? 0;
      check(model.explanations.length === exceptions, "one explanation block per exception");
      check(
        warnings.length === exceptions - generated.explanations,
        `${warnings.length} warnings for exceptions without explanation`,
      );
      check(
        (html.match(/<article /g) ?? []).length === exceptions,
        "one <article> per exception in the HTML",
      );
      summary = {
        judgements,
        exceptions,
        htmlBytes: Buffer.byteLength(html),
        warnings: warnings.length,
      };
    }
    if (run >= warmups) {
      samples.push({ read: t1 - t0, evaluate: t2 - t1, report: t3 - t2, total: t3 - t0 });
    }
  }
  return { samples, summary };
}

function timeProcess(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const elapsed = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited with ${result.status}: ${result.stderr}`);
  }
  return elapsed;
}

/** CLI and baseline alternate, so drift in the machine's load hits both alike. */
function coldStart(runs: number) {
  const cli = [CLI, "evaluate", EXAMPLE, "--period", "2025-10", "--json"];
  const baseline = ["-e", "0"];
  timeProcess(cli); // Not measured: fills the file-system cache.
  timeProcess(baseline);
  const cliTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    cliTimes.push(timeProcess(cli));
    baselineTimes.push(timeProcess(baseline));
  }
  return { cli: cliTimes, baseline: baselineTimes };
}

function cliReport(dir: string, last: string) {
  const out = join(dir, "r.html");
  const args = [CLI, "report", dir, "--period", last, "--format", "html", "--out", out];
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`bin/koers report failed: ${result.stderr}`);
  check(existsSync(out) && statSync(out).size > 0, "bin/koers report wrote no file");
  return { elapsed, stdout: result.stdout.trim(), out };
}

/** True when a source file is newer than the build, so the CLI figures would be stale. */
function buildIsStale(): boolean {
  const built = statSync(BUILT_CLI).mtimeMs;
  const src = join(ROOT, "src");
  return readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .some((name) => statSync(join(src, name)).mtimeMs > built);
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), "koers-bench-"));
  const write = (text: string) => process.stdout.write(`${text}\n`);
  try {
    const generateStart = performance.now();
    const generated = generateBundle(dir);
    const last = generated.periodIds.at(-1) as string;
    write(
      `Koers benchmark — node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? "?"}), ${process.platform}/${process.arch}`,
    );
    write(
      `bundle: ${generated.indicators} indicators × ${generated.periodIds.length} periods = ${generated.realisations} realisations; plan.yaml ${(generated.planBytes / 1024).toFixed(0)} KiB, realisations.csv ${(generated.csvBytes / 1024).toFixed(0)} KiB; ${generated.explanations} explanations, ${generated.sections} sections (generated in ${ms(performance.now() - generateStart)})`,
    );

    const { samples, summary } = await inProcess(generated, opts.runs, opts.warmups);
    write(
      `checked: ${summary.judgements} judgements; ${summary.exceptions} exceptions in ${last} (${summary.warnings} without explanation); report ${(summary.htmlBytes / 1024).toFixed(0)} KiB of HTML`,
    );
    write("");
    write(`In process (${opts.warmups} warm-up, ${opts.runs} measured runs):`);
    const stage = (label: string, pickStage: (s: Sample) => number) => {
      const values = samples.map(pickStage);
      return [label, ms(median(values)), ms(Math.min(...values))];
    };
    write(
      table(
        ["stage", "median", "min"],
        [
          stage("(a) readBundle (validate)", (s) => s.read),
          stage("(b) evaluate 12 periods", (s) => s.evaluate),
          stage("(c) report model + render html", (s) => s.report),
          stage("(d) total a + b + c", (s) => s.total),
        ],
      ),
    );

    const total = median(samples.map((s) => s.total));
    write(
      `aim: the 60,000 judgements and the report well under a second — median total ${ms(total)}: ${total < 1000 ? "under a second" : "NOT under a second"}`,
    );
    write("");
    if (!existsSync(BUILT_CLI)) {
      write("CLI: dist/cli/main.js is missing — run `npm run build` first; CLI timings skipped.");
      process.exitCode = 1;
      return;
    }
    if (buildIsStale()) {
      write(
        "warning: src/ has changed since the last build; run `npm run build` for current CLI figures",
      );
    }
    const cold = coldStart(opts.coldRuns);
    const cliMedian = median(cold.cli);
    const baselineMedian = median(cold.baseline);
    write(`Cold start (${opts.coldRuns} runs each, alternating; median and min):`);
    write(
      table(
        ["process", "median", "min"],
        [
          [
            "bin/koers evaluate example --period 2025-10 --json",
            ms(cliMedian),
            ms(Math.min(...cold.cli)),
          ],
          ["node -e 0 (baseline)", ms(baselineMedian), ms(Math.min(...cold.baseline))],
          ["difference (Koers's own start-up and work)", ms(cliMedian - baselineMedian), ""],
        ],
      ),
    );
    write(
      `aim: a cold bin/koers evaluate of the example under 300 ms — median ${ms(cliMedian)}: ${cliMedian < 300 ? "met" : "NOT met"}`,
    );
    write("");
    const report = cliReport(dir, last);
    write(
      `bin/koers report <generated> --period ${last} --format html: ${ms(report.elapsed)} (once)`,
    );
    write(`  ${report.stdout.replace(dir, "<tmp>")}`);
  } finally {
    if (opts.keep) write(`kept the generated bundle in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
