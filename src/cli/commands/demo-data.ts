/** `koers demo-data`: writes deterministic synthetic source data as Parquet (docs/demo-data.md). */
import type { Command } from "commander";
import { UserError } from "../../domain/errors.js";

interface DemoDataOptions {
  readonly scale: string;
  readonly seed: string;
}

function parseNumber(text: string, option: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) {
    throw new UserError(`${option} must be a number, not "${text}"`);
  }
  return value;
}

async function demoData(dir: string, options: DemoDataOptions): Promise<void> {
  const scale = parseNumber(options.scale, "--scale");
  const seed = parseNumber(options.seed, "--seed");
  // Loaded only here: DuckDB is a large native module the other commands do not need.
  const { generateDemoData } = await import("../../compute/demo-data/generate.js");
  const started = Date.now();
  const manifest = await generateDemoData(dir, { scale, seed }, (file) => {
    process.stdout.write(`${file.file}: ${file.rows.toLocaleString("en")} rows\n`);
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Wrote ${manifest.files.length} data sets and manifest.json to ${dir} (scale ${scale}, seed ${seed}) in ${seconds} s\n`,
  );
}

export function register(cli: Command): void {
  cli
    .command("demo-data")
    .description(
      "write deterministic synthetic source data (payments, objections, complaints, …) as Parquet",
    )
    .argument("<dir>", "the folder to write into; created when missing")
    .option("--scale <S>", "multiplies the row counts; 1 is about 8 million allowances", "1")
    .option("--seed <N>", "the same seed and scale give the same rows", "2025")
    .action(demoData);
}
