/** The register sections in HTML: narrative, risk matrix, then the register's items. */
import { escapeXml as escapeHtml } from "./escape.js";
import type { ReportModel } from "./model.js";
import type { RegisterSection } from "./registers-model.js";

type MarkdownToHtml = (text: string, headingShift: number, docId: string) => string;

function registerSection(section: RegisterSection, markdown: MarkdownToHtml): string {
  return [
    `<section id="${section.anchor}" class="register" aria-labelledby="${section.anchor}-kop">`,
    `<h2 id="${section.anchor}-kop">${escapeHtml(section.heading)}</h2>`,
    ...(section.narrative ? [markdown(section.narrative, 1, `${section.anchor}-verhaal`)] : []),
    ...(section.matrix ? [`<div class="chart">${section.matrix.svg}</div>`] : []),
    markdown(section.markdown, 1, section.anchor),
    "</section>",
  ].join("\n");
}

export function registerSectionsHtml(model: ReportModel, markdown: MarkdownToHtml): string {
  return (model.registers?.sections ?? []).map((s) => registerSection(s, markdown)).join("\n");
}
