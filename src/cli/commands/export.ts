/** `koers export`: a stored plan back into a bundle folder. */
import type { Command } from "commander";
import { dbOption } from "../db-option.js";
import { withStore } from "./with-store.js";

async function exportCommand(planId: string, dir: string, options: { db?: string }) {
  await withStore(options, async (store) => {
    const [{ loadBundle }, { writeBundle }] = await Promise.all([
      import("../../store/plans.js"),
      import("../../bundle/write-bundle.js"),
    ]);
    writeBundle(await loadBundle(store.db, planId), dir);
    process.stdout.write(`Exported plan ${planId} to ${dir}\n`);
  });
}

export function register(cli: Command): void {
  dbOption(
    cli
      .command("export")
      .description("write a stored plan as a plan bundle into a new or empty folder")
      .argument("<plan-id>", "the plan's id")
      .argument("<dir>", "the folder to write"),
  ).action(exportCommand);
}
