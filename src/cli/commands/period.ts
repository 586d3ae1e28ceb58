/** `koers period close|publish|reopen`: a period's life cycle, for administrators. */
import type { Command } from "commander";
import { dbOption } from "../db-option.js";
import { type ActorOptions, actingAs, withStore } from "./with-store.js";

const AS_OPTION = [
  "--as <email>",
  "the account to act as (default: you, at the command line)",
] as const;

async function close(planId: string, periodId: string, options: ActorOptions): Promise<void> {
  const { closePeriod } = await import("../../app/lifecycle.js");
  await withStore(options, async (store) => {
    const by = await actingAs(store, options, "change-period", planId);
    await closePeriod(store, planId, periodId, by);
  });
  process.stdout.write(
    `Closed period ${periodId} of plan ${planId}: its figures and explanations are locked\n`,
  );
}

async function reopen(
  planId: string,
  periodId: string,
  options: ActorOptions & { reason: string },
): Promise<void> {
  const { reopenPeriod } = await import("../../app/lifecycle.js");
  await withStore(options, async (store) => {
    const by = await actingAs(store, options, "reopen-period", planId);
    await reopenPeriod(store, planId, periodId, options.reason, by);
  });
  process.stdout.write(`Reopened period ${periodId} of plan ${planId}\n`);
}

async function publish(planId: string, periodId: string, options: ActorOptions): Promise<void> {
  const { publishPeriod } = await import("../../app/lifecycle.js");
  const publication = await withStore(options, async (store) => {
    const by = await actingAs(store, options, "change-period", planId);
    return publishPeriod(store, planId, periodId, by);
  });
  for (const warning of publication.warnings) process.stderr.write(`${warning}\n`);
  if (publication.withoutPdf) process.stderr.write(`koers: ${publication.withoutPdf}\n`);
  const [first] = publication.files;
  process.stdout.write(
    `Published period ${periodId} of plan ${planId} at ${first?.publishedAt}\n` +
      `audit trail head: ${first?.auditHead}\n` +
      publication.files
        .map((f) => `  ${f.format.padEnd(5)}${f.sha256}  ${f.bytes} bytes\n`)
        .join(""),
  );
}

export function register(cli: Command): void {
  const period = cli
    .command("period")
    .description("close, publish or reopen a period of a plan in the database");
  dbOption(
    period
      .command("close")
      .description("lock the period's figures and explanations")
      .argument("<plan>", "the plan's id")
      .argument("<period>", "the period's id, e.g. 2025-10")
      .option(...AS_OPTION),
  ).action(close);
  dbOption(
    period
      .command("publish")
      .description(
        "store the closed period's report (html, md, csv, docx and pdf) with its SHA-256 and the audit trail's head",
      )
      .argument("<plan>", "the plan's id")
      .argument("<period>", "the period's id, e.g. 2025-10")
      .option(...AS_OPTION),
  ).action(publish);
  dbOption(
    period
      .command("reopen")
      .description("open a closed or published period again (administrators), saying why")
      .argument("<plan>", "the plan's id")
      .argument("<period>", "the period's id, e.g. 2025-10")
      .requiredOption("--reason <text>", "why the period is reopened; kept in the audit trail")
      .option(...AS_OPTION),
  ).action(reopen);
}
