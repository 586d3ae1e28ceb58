/** The `koers` command line. */
import { Command, Option } from "commander";
import { evaluationJson } from "../app/evaluation-json.js";
import { bundleForecasts } from "../app/forecast-json.js";
import { isBinary, REPORT_FORMATS, type ReportFormat } from "../app/formats.js";
import { evaluateBundlePeriod, explanationWarnings } from "../app/period.js";
import { type Bundle, readBundle } from "../bundle/read-bundle.js";
import { formatProblem, type Problem, ProblemsError, UserError } from "../domain/errors.js";
import { LANGUAGES, type Language } from "../domain/plan.js";
import { register as registerAudit } from "./commands/audit.js";
import { register as registerCheck } from "./commands/check.js";
import { register as registerCompute } from "./commands/compute.js";
import { register as registerDemoData } from "./commands/demo-data.js";
import { register as registerDiff } from "./commands/diff.js";
import { register as registerExport } from "./commands/export.js";
import { register as registerImport } from "./commands/import.js";
import { register as registerPeriod } from "./commands/period.js";
import { register as registerRemind } from "./commands/remind.js";
import { register as registerServe } from "./commands/serve.js";
import { register as registerUpload } from "./commands/upload.js";
import { register as registerUser } from "./commands/user.js";
import { evaluationTable } from "./evaluate-table.js";

const EXIT_INVALID = 2;

function printProblems(problems: readonly Problem[]): void {
  for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
}

function load(dir: string): Bundle {
  const bundle = readBundle(dir);
  printProblems(bundle.warnings.map((w) => ({ ...w, message: `warning: ${w.message}` })));
  return bundle;
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

const languageOption = () =>
  new Option("--language <nl|en>", "language of the output (default: the plan's language)").choices(
    LANGUAGES,
  );

function validateCommand(dir: string): void {
  const bundle = load(dir);
  const { plan } = bundle;
  const perPeriod = plan.periods.map((period) => {
    const evaluation = evaluateBundlePeriod(bundle, period.id);
    printProblems(explanationWarnings(bundle, evaluation));
    const intentions = evaluation.intentions.filter((i) => i.note !== null).length;
    const more = intentions ? ` and ${counted(intentions, "intention")} behind schedule` : "";
    return `${period.id}: ${counted(evaluation.exceptions.length, "exception")}${more}`;
  });
  const indicators = plan.periods.length ? perPeriod.join(", ") : "no periods";
  process.stdout.write(
    `${dir}: valid — plan ${plan.id}, ${counted(bundle.realisations.length, "realisation")}, ${counted(bundle.explanations.length, "explanation")}, ${counted(bundle.sections.length, "section")}; ${indicators}\n`,
  );
}

function evaluateCommand(
  dir: string,
  options: { period: string; json?: boolean; language?: Language },
): void {
  const bundle = load(dir);
  const evaluation = evaluateBundlePeriod(bundle, options.period);
  if (options.json) {
    const forecasts = bundleForecasts(bundle, options.period);
    process.stdout.write(
      `${JSON.stringify(evaluationJson(evaluation, forecasts, bundle.realisations, bundle.lineage ?? []), null, 2)}\n`,
    );
  } else {
    process.stdout.write(
      `${evaluationTable(evaluation, options.language ?? bundle.plan.language)}\n`,
    );
  }
}

async function reportCommand(
  dir: string,
  options: { period: string; format: ReportFormat; out?: string; language?: Language },
): Promise<void> {
  const bundle = load(dir);
  const { buildReport, renderReport } = await import("../app/report.js");
  const { model, warnings } = buildReport(bundle, options.period, options.language);
  printProblems(warnings);
  if (!options.out && isBinary(options.format) && process.stdout.isTTY) {
    throw new UserError(`a ${options.format} report is a binary file: give --out FILE`);
  }
  const content = await renderReport(model, options.format);
  if (!options.out) {
    process.stdout.write(content);
    return;
  }
  const { writeFileAtomically } = await import("./output.js");
  writeFileAtomically(options.out, content);
  process.stdout.write(
    `Wrote ${options.out} (${options.format}, ${model.period.label}, ${counted(model.explanations.length, "exception")})\n`,
  );
}

export function program(): Command {
  const cli = new Command("koers")
    .description("Koers: evaluate an annual plan's indicators and write its exception report")
    .showHelpAfterError();
  cli
    .command("validate")
    .description(
      "check a plan bundle and report every problem (file:line: message); exit 2 when invalid",
    )
    .argument("<bundle>", "the plan bundle folder")
    .action(validateCommand);
  cli
    .command("evaluate")
    .description("judge every indicator in one period and number the exceptions")
    .argument("<bundle>", "the plan bundle folder")
    .requiredOption("--period <id>", "the period to evaluate, e.g. 2025-10")
    .option("--json", "print FORMAT.md's JSON instead of a table")
    .addOption(languageOption())
    .action(evaluateCommand);
  cli
    .command("report")
    .description("write the exception report of one period")
    .argument("<bundle>", "the plan bundle folder")
    .requiredOption("--period <id>", "the period to report on, e.g. 2025-10")
    .addOption(
      new Option("--format <format>", "output format").choices(REPORT_FORMATS).default("html"),
    )
    .option("--out <file>", "write to this file instead of standard output")
    .addOption(languageOption())
    .action(reportCommand);
  registerCheck(cli);
  registerCompute(cli);
  registerDiff(cli);
  registerServe(cli);
  registerImport(cli);
  registerExport(cli);
  registerUser(cli);
  registerAudit(cli);
  registerPeriod(cli);
  registerUpload(cli);
  registerRemind(cli);
  registerDemoData(cli);
  return cli;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await program().parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof ProblemsError) {
      printProblems(error.problems);
      return EXIT_INVALID;
    }
    if (error instanceof UserError) {
      process.stderr.write(`koers: ${error.message}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
}
