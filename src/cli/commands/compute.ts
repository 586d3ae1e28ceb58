/** `koers compute`: computes the defined indicators from the bundle's source data. */
import { type Command, Option } from "commander";
import type { ComputedFigure } from "../../compute/compute-plan.js";
import { ENGINES, type EngineName } from "../../compute/dialect.js";
import type { ComputeEngine } from "../../compute/engine.js";
import { formatProblem, UserError } from "../../domain/errors.js";
import { dbOption } from "../db-option.js";
import { actingAs, withStore } from "./with-store.js";

interface ComputeOptions {
  readonly period?: string;
  readonly all?: boolean;
  readonly write?: boolean;
  readonly json?: boolean;
  readonly engine: EngineName;
  readonly databaseUrl?: string;
  readonly role?: string;
  readonly timeout: string;
  readonly upload?: string;
  readonly db?: string;
  readonly as?: string;
}

async function openEngine(options: ComputeOptions): Promise<ComputeEngine> {
  if (options.engine === "duckdb") {
    const { DuckDbEngine } = await import("../../compute/duckdb-engine.js");
    return DuckDbEngine.open();
  }
  if (!options.databaseUrl) {
    throw new UserError("the postgres engine needs --database-url or KOERS_COMPUTE_DATABASE_URL");
  }
  const { PostgresEngine } = await import("../../compute/postgres-engine.js");
  return PostgresEngine.open({
    url: options.databaseUrl,
    ...(options.role ? { role: options.role } : {}),
  });
}

async function computeCommand(dir: string, options: ComputeOptions): Promise<void> {
  if (Boolean(options.period) === Boolean(options.all)) {
    throw new UserError("give either --period <id> or --all");
  }
  const timeout = Number(options.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new UserError(`--timeout ${options.timeout} is not a number of seconds`);
  const [{ readBundle }, app] = await Promise.all([
    import("../../bundle/read-bundle.js"),
    import("../../app/compute.js"),
  ]);
  const bundle = readBundle(dir);
  for (const w of bundle.warnings)
    process.stderr.write(`${formatProblem({ ...w, message: `warning: ${w.message}` })}\n`);
  const engine = await openEngine(options);
  try {
    const figures = await app.computeBundle(bundle, engine, {
      period: options.all ? "all" : (options.period ?? ""),
      timeoutMs: timeout * 1000,
      now: new Date(),
    });
    if (options.write) app.writeComputed(bundle, figures);
    if (options.upload) await uploadFigures(options.upload, figures, options);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(figures.map(app.lineageEntry), null, 2)}\n`);
    } else {
      for (const f of figures.map(app.lineageEntry)) {
        process.stdout.write(`${f.indicator}\t${f.period}\t${f.value ?? "n.b."}\t${f.ms} ms\n`);
      }
      if (options.write)
        process.stderr.write(
          `wrote ${figures.length} figures to ${dir}/realisations.csv and lineage.json\n`,
        );
    }
  } finally {
    await engine.close();
  }
}

/** Into a plan in the database, as `koers upload` would: all figures or none, audited. */
async function uploadFigures(
  planId: string,
  figures: readonly ComputedFigure[],
  options: ComputeOptions,
): Promise<void> {
  const [{ uploadRealisations }, { computedCsv, lineageEntry }] = await Promise.all([
    import("../../app/upload.js"),
    import("../../app/compute.js"),
  ]);
  const result = await withStore(options, async (store) =>
    uploadRealisations(
      store,
      planId,
      computedCsv(figures),
      await actingAs(store, options, "write-figures", planId),
      { lineage: figures.map(lineageEntry) },
    ),
  );
  process.stderr.write(
    `uploaded into plan ${planId}: ${result.inserted} new, ${result.updated} changed, ${result.unchanged} unchanged\n`,
  );
}

export function register(cli: Command): void {
  const command = cli
    .command("compute")
    .description(
      "compute the indicators that have a compute definition from the bundle's source data",
    )
    .argument("<bundle>", "the plan bundle folder")
    .option("--period <id>", "the period to compute, e.g. 2025-10")
    .option("--all", "compute every period of the plan")
    .option(
      "--write",
      "write the figures into realisations.csv and their lineage into lineage.json",
    )
    .option("--json", "print each figure with its lineage as JSON")
    .addOption(
      new Option("--engine <name>", "where the SQL runs").choices(ENGINES).default("duckdb"),
    )
    .addOption(
      new Option("--database-url <url>", "the PostgreSQL database holding the sources").env(
        "KOERS_COMPUTE_DATABASE_URL",
      ),
    )
    .addOption(
      new Option("--role <role>", "the PostgreSQL role the queries run as").env(
        "KOERS_COMPUTE_ROLE",
      ),
    )
    .option("--timeout <seconds>", "the time limit of each query", "300")
    .option(
      "--upload <plan>",
      "write the figures into this plan in the database, as koers upload does",
    )
    .option(
      "--as <email>",
      "with --upload: the account to act as (default: you, at the command line)",
    );
  dbOption(command).action(computeCommand);
}
