/**
 * The appendix on the origin of the computed figures in the Markdown report: a heading per
 * figure with its facts and a table of the files read, then each query once as an SQL block.
 */
import type { LineageAppendix, LineageFigure, LineageQuery } from "./lineage-model.js";
import { literal, table } from "./register-markdown.js";

function figureMarkdown(figure: LineageFigure, appendix: LineageAppendix): string[] {
  const { columns } = appendix.labels;
  const facts = [
    ...figure.facts.map((f) => `${f.label}: **${literal(f.value)}**`),
    `${appendix.labels.resultOf}: **[${figure.query.label}](#${figure.query.anchor})**, ${literal(figure.query.columns)}`,
  ];
  return [
    "",
    `<a id="${figure.anchor}"></a>`,
    "",
    `### ${literal(figure.heading)}`,
    "",
    facts.join(" · "),
    "",
    `*${literal(figure.caption)}*`,
    "",
    table(
      [columns.source, columns.file, columns.size, columns.rows, columns.sha256],
      figure.files.map((f) => [
        literal(f.source),
        literal(f.file),
        f.size,
        f.rows,
        f.sha256 ? `\`${f.sha256}\`` : "",
      ]),
    ),
  ];
}

/** A fence longer than any run of backticks in the query, so that none can close it. */
function fence(sql: string): string {
  const longest = Math.max(0, ...(sql.match(/`+/g) ?? []).map((run) => run.length));
  return "`".repeat(Math.max(3, longest + 1));
}

function queryMarkdown(query: LineageQuery, appendix: LineageAppendix): string[] {
  const marks = fence(query.sql);
  return [
    "",
    `<a id="${query.anchor}"></a>`,
    "",
    `#### ${query.heading}`,
    "",
    `${appendix.labels.usedFor}: ${query.usedFor.map(literal).join("; ")}`,
    "",
    `${marks}sql`,
    query.sql,
    marks,
  ];
}

export function lineageMarkdown(appendix: LineageAppendix): string[] {
  return [
    "",
    `<a id="${appendix.anchor}"></a>`,
    "",
    `## ${appendix.heading}`,
    "",
    appendix.introduction,
    ...appendix.figures.flatMap((f) => figureMarkdown(f, appendix)),
    "",
    `### ${appendix.queriesHeading}`,
    "",
    appendix.queriesIntroduction,
    ...appendix.queries.flatMap((q) => queryMarkdown(q, appendix)),
  ];
}
