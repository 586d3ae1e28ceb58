/**
 * The appendix on the origin of the computed figures in HTML: a heading per figure with its
 * facts and a table of the files read, then each query once, as preformatted code.
 */
import { escapeXml as escapeHtml } from "./escape.js";
import type { LineageAppendix, LineageFigure, LineageQuery } from "./lineage-model.js";

/**
 * Added to the style sheet only when the report has the appendix, so that reports without
 * computed figures stay as they were. Hashes and SQL wrap rather than scroll: a scrolling
 * region would need to be reachable by keyboard, and on paper it would be cut off.
 */
export const LINEAGE_CSS = `
table.lineage { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin-bottom: 1rem; }
table.lineage code.sha256 { overflow-wrap: anywhere; }
section.lineage pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.8rem; background: #f4f4f4; border-left: 4px solid var(--rule); padding: 0.5rem 0.75rem; }
@media print {
  table.lineage { font-size: 7.5pt; }
  section.lineage pre { font-size: 7pt; }
  section.lineage article { break-inside: avoid; }
  section.lineage h4, section.lineage h4 + p { break-after: avoid; }
}
`;

function figureHtml(figure: LineageFigure, appendix: LineageAppendix): string {
  const { columns } = appendix.labels;
  const facts = [
    ...figure.facts.map(
      (f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd></div>`,
    ),
    `<div><dt>${escapeHtml(appendix.labels.resultOf)}</dt><dd><a href="#${figure.query.anchor}">${escapeHtml(figure.query.label)}</a>, ${escapeHtml(figure.query.columns)}</dd></div>`,
  ].join("");
  const head = [columns.source, columns.file, columns.size, columns.rows, columns.sha256]
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join("");
  const rows = figure.files.map((f) =>
    [
      "<tr>",
      `<th scope="row">${escapeHtml(f.source)}</th>`,
      `<td>${escapeHtml(f.file)}</td>`,
      `<td class="value">${escapeHtml(f.size)}</td>`,
      `<td class="value">${escapeHtml(f.rows)}</td>`,
      `<td>${f.sha256 ? `<code class="sha256">${escapeHtml(f.sha256)}</code>` : ""}</td>`,
      "</tr>",
    ].join(""),
  );
  return `<article id="${figure.anchor}" aria-labelledby="${figure.anchor}-kop">
<h3 id="${figure.anchor}-kop">${escapeHtml(figure.heading)}</h3>
<dl class="facts">${facts}</dl>
<table class="lineage">
<caption>${escapeHtml(figure.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</article>`;
}

function queryHtml(query: LineageQuery, appendix: LineageAppendix): string {
  return `<h4 id="${query.anchor}">${escapeHtml(query.heading)}</h4>
<p>${escapeHtml(appendix.labels.usedFor)}: ${escapeHtml(query.usedFor.join("; "))}</p>
<pre><code class="language-sql">${escapeHtml(query.sql)}</code></pre>`;
}

export function lineageHtml(appendix: LineageAppendix): string {
  return `<section id="${appendix.anchor}" class="lineage" aria-labelledby="${appendix.anchor}-kop">
<h2 id="${appendix.anchor}-kop">${escapeHtml(appendix.heading)}</h2>
<p>${escapeHtml(appendix.introduction)}</p>
${appendix.figures.map((f) => figureHtml(f, appendix)).join("\n")}
<h3 id="${appendix.anchor}-queries">${escapeHtml(appendix.queriesHeading)}</h3>
<p>${escapeHtml(appendix.queriesIntroduction)}</p>
${appendix.queries.map((q) => queryHtml(q, appendix)).join("\n")}
</section>`;
}
