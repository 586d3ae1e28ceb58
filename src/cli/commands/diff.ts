/** `koers diff`: what changed between two periods of a bundle. */
import { type Command, Option } from "commander";
import { formatProblem } from "../../domain/errors.js";
import { LANGUAGES, type Language } from "../../domain/plan.js";

interface DiffOptions {
  readonly from: string;
  readonly to: string;
  readonly json?: boolean;
  readonly language?: Language;
}

async function diffCommand(dir: string, options: DiffOptions): Promise<void> {
  const [{ readBundle }, { diffBundle }, { diffText }] = await Promise.all([
    import("../../bundle/read-bundle.js"),
    import("../../app/diff.js"),
    import("../../app/diff-text.js"),
  ]);
  const bundle = readBundle(dir);
  for (const warning of bundle.warnings) {
    process.stderr.write(
      `${formatProblem({ ...warning, message: `warning: ${warning.message}` })}\n`,
    );
  }
  if (options.json) {
    const diff = diffBundle(bundle, options.from, options.to);
    process.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
    return;
  }
  const language = options.language ?? bundle.plan.language;
  const diff = diffBundle(bundle, options.from, options.to, language);
  process.stdout.write(`${diffText(diff, bundle.plan.title, language)}\n`);
}

export function register(cli: Command): void {
  cli
    .command("diff")
    .description(
      "what changed between two periods: new and resolved exceptions, figures, targets, explanations, intentions",
    )
    .argument("<bundle>", "the plan bundle folder")
    .requiredOption("--from <id>", "the earlier period, e.g. 2025-04")
    .requiredOption("--to <id>", "the later period, e.g. 2025-10")
    .option("--json", "print the differences as JSON")
    .addOption(
      new Option(
        "--language <nl|en>",
        "language of the text (default: the plan's language)",
      ).choices(LANGUAGES),
    )
    .action(diffCommand);
}
