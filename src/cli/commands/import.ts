/** `koers import`: a plan bundle into the database, all of it or nothing. */
import type { Command } from "commander";
import { formatProblem } from "../../domain/errors.js";
import { dbOption } from "../db-option.js";
import { actingAs, withStore } from "./with-store.js";

async function importCommand(dir: string, options: { db?: string; replace?: boolean }) {
  const { readBundle } = await import("../../bundle/read-bundle.js");
  const bundle = readBundle(dir);
  for (const warning of bundle.warnings) {
    process.stderr.write(
      `${formatProblem({ ...warning, message: `warning: ${warning.message}` })}\n`,
    );
  }
  await withStore(options, async (store) => {
    const { importBundle } = await import("../../store/plans.js");
    const by = await actingAs(store, {}, "manage-plans", bundle.plan.id);
    await importBundle(store, bundle, by, options.replace ?? false);
    process.stdout.write(
      `Imported plan ${bundle.plan.id}: ${bundle.realisations.length} realisations, ${bundle.explanations.length} explanations, ${bundle.sections.length} sections\n`,
    );
  });
}

export function register(cli: Command): void {
  dbOption(
    cli
      .command("import")
      .description("import a plan bundle into the database; a bundle with errors changes nothing")
      .argument("<bundle>", "the plan bundle folder")
      .option("--replace", "replace the plan with the same id, if there is one"),
  ).action(importCommand);
}
