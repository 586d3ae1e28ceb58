/** The audit findings for the period, as Markdown. */
import type { FindingJudgement } from "../domain/findings.js";
import type { Period } from "../domain/plan.js";
import { type Context, literal, measureList, table } from "./register-markdown.js";
import { dateText } from "./texts.js";

export function findingsMarkdown(judgements: readonly FindingJudgement[], c: Context): string {
  const t = c.t.findings;
  const state = (j: FindingJudgement) =>
    j.overdue
      ? t.overdue(dateText(j.finding.resolveBy as Period["until"], c.language))
      : t.state[j.state];
  const rows = judgements.map((j) => [
    literal(j.finding.title),
    j.finding.sources.map((s) => t.source[s]).join(", "),
    j.finding.year === undefined ? t.notGiven : String(j.finding.year),
    t.classification[j.finding.classification],
    j.finding.resolveBy ? dateText(j.finding.resolveBy, c.language) : t.notGiven,
    state(j),
  ]);
  const details = judgements.flatMap((j) => [
    `## ${literal(j.finding.title)}`,
    ...(j.finding.description ? [literal(j.finding.description)] : []),
    `${t.columns[5]}: ${state(j)}${j.progress?.note ? `. ${literal(j.progress.note)}` : ""}`,
    `${t.measures}:`,
    measureList(j.finding.measures, c, t.none),
  ]);
  return [table(t.columns, rows), ...details].join("\n\n");
}
