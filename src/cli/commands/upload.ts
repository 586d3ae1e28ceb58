/** `koers upload`: realisations from a CSV file into a plan in the database, all rows or none. */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { ValidationError } from "../../app/errors.js";
import { dbOption } from "../db-option.js";
import { type ActorOptions, actingAs, withStore } from "./with-store.js";

async function upload(planId: string, file: string, options: ActorOptions): Promise<void> {
  const csv = readFileSync(file, "utf8");
  const { uploadRealisations } = await import("../../app/upload.js");
  try {
    const result = await withStore(options, async (store) =>
      uploadRealisations(
        store,
        planId,
        csv,
        await actingAs(store, options, "write-figures", planId),
      ),
    );
    process.stdout.write(
      `Uploaded ${file} into plan ${planId}: ${result.rows} row${result.rows === 1 ? "" : "s"}, ${result.inserted} new, ${result.updated} changed, ${result.unchanged} unchanged\n`,
    );
  } catch (error) {
    // Every problem as file:line: message, as `koers validate` reports a bundle's.
    if (error instanceof ValidationError) {
      for (const { field, message } of error.fields) {
        const where = field.startsWith("line ") ? `${file}:${field.slice(5)}` : file;
        process.stderr.write(`${where}: ${message}\n`);
      }
    }
    throw error;
  }
}

export function register(cli: Command): void {
  dbOption(
    cli
      .command("upload")
      .description(
        "write realisations from a CSV file (either dialect of realisations.csv) into a plan in the database: all rows or, on any problem, none",
      )
      .argument("<plan>", "the plan's id")
      .argument("<file>", "the CSV file: indicator, period, value[, source, sample_size]")
      .option("--as <email>", "the account to act as (default: you, at the command line)"),
  ).action(upload);
}
