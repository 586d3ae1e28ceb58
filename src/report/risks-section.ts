/** The risk register's items for the period, as Markdown. */
import type { RiskJudgement } from "../domain/risks.js";
import { type Context, literal, measureList, table } from "./register-markdown.js";
import type { RegisterTexts } from "./registers-texts.js";

function changeText(j: RiskJudgement, t: RegisterTexts["risks"]): string {
  switch (j.change) {
    case "rose":
      return t.rose(j.previousScore as number, j.score as number);
    case "fell":
      return t.fell(j.previousScore as number, j.score as number);
    case "same":
      return t.same(j.score as number);
    case "new":
      return t.new;
    case "not-scored":
      return t.notScored;
    default:
      return t.notAssessed;
  }
}

export function risksMarkdown(judgements: readonly RiskJudgement[], c: Context): string {
  const t = c.t.risks;
  const rows = judgements.map((j, i) => [
    `R${i + 1} ${literal(j.risk.title)}`,
    literal(j.risk.owner),
    String(j.assessment?.likelihood ?? "–"),
    String(j.assessment?.impact ?? "–"),
    j.score === null ? "–" : String(j.score),
    changeText(j, t),
  ]);
  const details = judgements.flatMap((j, i) => [
    `## R${i + 1} ${literal(j.risk.title)}`,
    [
      ...(j.risk.cause ? [`${t.cause}: ${literal(j.risk.cause)}`] : []),
      ...(j.risk.effect ? [`${t.effect}: ${literal(j.risk.effect)}`] : []),
      `${t.owner}: ${literal(j.risk.owner)}`,
      `${t.assessment}: ${changeText(j, t)}${j.assessment?.note ? `. ${literal(j.assessment.note)}` : ""}`,
    ].join("  \n"),
    `${t.mitigations}:`,
    measureList(j.risk.measures, c, t.none),
  ]);
  return [table(t.columns, rows), ...details].join("\n\n");
}
