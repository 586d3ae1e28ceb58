/** Renders the report model as Markdown (GitHub-flavoured tables and footnotes). */
import { lineageMarkdown } from "./lineage-markdown.js";
import { prefixFootnotes, shiftHeadings } from "./markdown.js";
import type { ReportModel, TableRow } from "./model.js";
import { registerSectionsMarkdown } from "./registers-markdown.js";

/** Plan text as Markdown text: nothing that opens an HTML tag (`< 8` stays), no line breaks. */
function inline(text: string): string {
  return text.replace(/<(?=[A-Za-z/!?])/g, "&lt;").replace(/\s*\n\s*/g, " ");
}

function cell(text: string): string {
  return inline(text).replaceAll("|", "\\|");
}

function tableLine(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(" | ")} |`;
}

const INDENT = "\u00a0\u00a0";

function renderRow(row: TableRow, columns: number, model: ReportModel): string {
  if (row.kind === "group") {
    return tableLine([
      `${INDENT.repeat(row.depth)}**${row.title}**`,
      ...Array(columns - 1).fill(""),
    ]);
  }
  return tableLine([
    `${INDENT.repeat(row.depth)}${row.title}`,
    row.target,
    ...row.cells.map((c) => c.value),
    `${row.current.status.symbol} ${row.current.status.label}`,
    row.current.note === null
      ? ""
      : `[${row.current.note}](#${model.noteAnchor(row.current.note)})`,
    row.current.source ?? "",
  ]);
}

function renderTable(model: ReportModel): string[] {
  const { headers, rows } = model.table;
  const header = [
    headers.indicator,
    headers.target,
    ...headers.periods,
    headers.status,
    headers.note,
    headers.source,
  ];
  const align = header.map((_, i) => (i >= 2 && i < 2 + headers.periods.length ? "---:" : "---"));
  return [
    `## ${model.table.heading}`,
    "",
    `*${model.table.caption}*`,
    "",
    tableLine(header),
    `| ${align.join(" | ")} |`,
    ...rows.map((row) => renderRow(row, header.length, model)),
    "",
    model.table.legend,
  ];
}

function renderExplanations(model: ReportModel): string[] {
  if (model.explanations.length === 0) return [];
  return [
    `## ${model.explanationsHeading}`,
    ...model.explanations.flatMap((block) => [
      "",
      `<a id="${block.anchor}"></a>`,
      "",
      `### ${block.note}. ${inline(block.heading)}`,
      "",
      block.facts.map((f) => `${f.label}: **${inline(f.value)}**`).join(" · "),
      "",
      block.markdown
        ? prefixFootnotes(shiftHeadings(block.markdown, 3), `t${block.note}`)
        : block.draft
          ? `> **${model.draftMark}** ${block.draft}`
          : `*${model.noExplanation}*`,
    ]),
  ];
}

export function renderMarkdown(model: ReportModel): string {
  const lines = [
    `# ${inline(model.title)}`,
    "",
    ...(model.organisation ? [inline(model.organisation), ""] : []),
    `## ${model.introductionHeading}`,
    "",
    ...model.introduction.flatMap((p) => [inline(p), ""]),
    ...renderTable(model),
    "",
    ...(model.earlyWarnings
      ? [`## ${model.earlyWarnings.heading}`, "", model.earlyWarnings.section.markdown, ""]
      : []),
    ...(model.intentions
      ? [`## ${inline(model.intentions.heading)}`, "", model.intentions.markdown, ""]
      : []),
    ...renderExplanations(model),
    ...model.sections.flatMap((s, i) => [
      "",
      `## ${inline(s.heading)}`,
      "",
      prefixFootnotes(shiftHeadings(s.markdown, 1), `s${i + 1}`),
    ]),
    ...registerSectionsMarkdown(model),
    ...(model.lineage ? lineageMarkdown(model.lineage) : []),
    ...(model.colophon ? ["", "---", "", inline(model.colophon)] : []),
  ];
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
