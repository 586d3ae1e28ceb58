/** `koers check`: the figures in a period's explanations and sections, held against the data. */
import type { Command, CommanderError } from "commander";
import type { CheckFinding, CheckResult } from "../../app/check.js";
import { readBundle } from "../../bundle/read-bundle.js";
import { formatProblem, ProblemsError } from "../../domain/errors.js";

/** A mismatch is a finding, not a usage mistake (status 2): scripts can tell them apart. */
const EXIT_MISMATCH = 1;

function counted(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

function lines(findings: readonly CheckFinding[]): string {
  return findings.map((f) => `${formatProblem(f)}\n`).join("");
}

function text(result: CheckResult): string {
  const unverifiable = result.unverifiable.length
    ? `unverifiable (against figures that are not in the data; not a mismatch):\n${lines(result.unverifiable)}`
    : "";
  const summary =
    `${result.period}: ${counted(result.checked, "figure")} checked in ${counted(result.texts, "text")}: ` +
    `${counted(result.mismatches.length, "mismatch", "mismatches")}, ${result.unverifiable.length} unverifiable\n`;
  return `${lines(result.mismatches)}${unverifiable}${summary}`;
}

function json(result: CheckResult): string {
  return `${JSON.stringify({ ...result, consistent: result.mismatches.length === 0 }, null, 2)}\n`;
}

/** Exits once standard output is written out: a pipe may still hold what process.exit would cut off. */
function exitWith(status: number): Promise<never> {
  return new Promise(() => {
    process.stdout.write("", () => process.exit(status));
  });
}

async function check(dir: string, options: { period: string; json?: boolean }): Promise<void> {
  const bundle = readBundle(dir);
  for (const w of bundle.warnings) {
    process.stderr.write(`${formatProblem({ ...w, message: `warning: ${w.message}` })}\n`);
  }
  const { checkPeriod } = await import("../../app/check.js");
  const result = checkPeriod(bundle, options.period);
  process.stdout.write(options.json ? json(result) : text(result));
  if (result.mismatches.length > 0) await exitWith(EXIT_MISMATCH);
}

/**
 * Commander answers a usage mistake with status 1, which here means "mismatches"; it has
 * printed the mistake already, so an empty list of problems makes main() answer 2 silently.
 */
function usageIsInvalid(error: CommanderError): void {
  if (error.exitCode === 0) process.exit(0);
  throw new ProblemsError([]);
}

export function register(cli: Command): void {
  cli
    .command("check")
    .description(
      "check every figure the period's explanations and sections state against the data; exit 1 on a mismatch",
    )
    .argument("<bundle>", "the plan bundle folder")
    .requiredOption("--period <id>", "the period to check, e.g. 2025-10")
    .option("--json", "print the findings as JSON")
    .exitOverride(usageIsInvalid)
    .action(check);
}
