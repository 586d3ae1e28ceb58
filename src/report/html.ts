/** Renders the report model as one self-contained, accessible HTML page. */
import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";
import type { RenderedChart } from "./chart.js";
import { escapeXml as escapeHtml } from "./escape.js";
import { LINEAGE_CSS, lineageHtml } from "./lineage-html.js";
import { shiftHeadings } from "./markdown.js";
import type { ExplanationBlock, NarrativeSection, ReportModel, TableRow } from "./model.js";
import { registerSectionsHtml } from "./registers-html.js";
import { REPORT_CSS } from "./report-css.js";

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote);

/**
 * Markdown as the report shows it: raw HTML escaped, headings moved down by `headingShift`,
 * footnote ids made unique by `docId`.
 */
export function renderMarkdown(text: string, headingShift: number, docId: string): string {
  return markdown.render(shiftHeadings(text, headingShift), { docId }).trim();
}

/** The page; `charts` holds the rendered chart of each explanation that has one, by note. */
export function renderHtml(
  model: ReportModel,
  charts: ReadonlyMap<number, RenderedChart> = new Map(),
): string {
  return `<!DOCTYPE html>
<html lang="${model.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)}</title>
<style>${REPORT_CSS}${model.lineage ? LINEAGE_CSS : ""}</style>
</head>
<body>
<header>
${model.organisation ? `<p class="organisation">${escapeHtml(model.organisation)}</p>\n` : ""}<h1>${escapeHtml(model.title)}</h1>
</header>
<main>
<section aria-labelledby="inleiding">
<h2 id="inleiding">${escapeHtml(model.introductionHeading)}</h2>
${model.introduction.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
</section>
${renderTable(model)}${model.earlyWarnings ? `\n${renderSection(model.earlyWarnings.section)}` : ""}
${model.intentions ? renderSection(model.intentions) : ""}
${renderExplanations(model, charts)}
${model.sections.map(renderSection).join("\n")}
${registerSectionsHtml(model, renderMarkdown)}${model.lineage ? `\n${lineageHtml(model.lineage)}` : ""}
</main>
${model.colophon ? `<footer class="colophon">\n<p>${escapeHtml(model.colophon)}</p>\n</footer>\n` : ""}</body>
</html>
`;
}

function renderSection(section: NarrativeSection): string {
  return `<section id="${section.anchor}" aria-labelledby="${section.anchor}-kop">
<h2 id="${section.anchor}-kop">${escapeHtml(section.heading)}</h2>
${renderMarkdown(section.markdown, 1, section.anchor)}
</section>`;
}

function renderTable(model: ReportModel): string {
  const { table } = model;
  const columns = 5 + table.headers.periods.length;
  const head = [
    table.headers.indicator,
    table.headers.target,
    ...table.headers.periods,
    table.headers.status,
    table.headers.note,
    table.headers.source,
  ]
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join("");
  return `<section aria-labelledby="indicatoren">
<h2 id="indicatoren">${escapeHtml(table.heading)}</h2>
<table class="indicators">
<caption>${escapeHtml(table.caption)}</caption>
<thead><tr>${head}</tr></thead>
${tableBodies(table.rows, columns, model)}
</table>
<p class="legend">${escapeHtml(table.legend)}</p>
</section>`;
}

/** One tbody per top-level group, so a screen reader can move group by group. */
function tableBodies(rows: readonly TableRow[], columns: number, model: ReportModel): string {
  const bodies: string[][] = [];
  for (const row of rows) {
    if (bodies.length === 0 || (row.kind === "group" && row.depth === 0)) bodies.push([]);
    bodies.at(-1)?.push(renderRow(row, columns, model));
  }
  return bodies.map((body) => `<tbody>\n${body.join("\n")}\n</tbody>`).join("\n");
}

function renderRow(row: TableRow, columns: number, model: ReportModel): string {
  if (row.kind === "group") {
    return `<tr class="group depth-${row.depth}"><th scope="rowgroup" colspan="${columns}">${escapeHtml(row.title)}</th></tr>`;
  }
  const note =
    row.current.note === null
      ? ""
      : `<a href="#${model.noteAnchor(row.current.note)}" aria-label="${escapeHtml(model.noteLink(row.current.note))}">${row.current.note}</a>`;
  return [
    `<tr class="indicator status-${row.current.status.status}">`,
    `<th scope="row" class="depth-${row.depth}">${escapeHtml(row.title)}</th>`,
    `<td class="target">${escapeHtml(row.target)}</td>`,
    ...row.cells.map(({ value: v }) => `<td class="value">${escapeHtml(v)}</td>`),
    `<td class="status"><span class="symbol" aria-hidden="true">${row.current.status.symbol}</span>&nbsp;${escapeHtml(row.current.status.label)}</td>`,
    `<td class="note">${note || "&nbsp;"}</td>`,
    `<td class="source">${escapeHtml(row.current.source ?? "")}</td>`,
    "</tr>",
  ].join("");
}

function renderExplanations(
  model: ReportModel,
  charts: ReadonlyMap<number, RenderedChart>,
): string {
  if (model.explanations.length === 0) return "";
  return `<section aria-labelledby="toelichtingen">
<h2 id="toelichtingen">${escapeHtml(model.explanationsHeading)}</h2>
${model.explanations.map((e) => renderExplanation(e, model, charts.get(e.note))).join("\n")}
</section>`;
}

function renderExplanation(
  block: ExplanationBlock,
  model: ReportModel,
  chart: RenderedChart | undefined,
): string {
  const facts = block.facts
    .map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd></div>`)
    .join("");
  const body = block.markdown
    ? renderMarkdown(block.markdown, 3, block.anchor)
    : block.draft
      ? `<div class="draft"><p><strong>${escapeHtml(model.draftMark)}</strong> ${escapeHtml(block.draft)}</p></div>`
      : `<p class="missing">${escapeHtml(model.noExplanation)}</p>`;
  return `<article id="${block.anchor}" class="explanation" aria-labelledby="${block.anchor}-kop">
<h3 id="${block.anchor}-kop"><span class="note-number">${block.note}</span> ${escapeHtml(block.heading)}</h3>
<dl class="facts">${facts}</dl>
${chart ? `<div class="chart">${chart.svg}</div>\n` : ""}${body}
</article>`;
}
