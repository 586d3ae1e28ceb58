/** The register sections in the Markdown report; the risk matrix appears as its text alternative. */
import { prefixFootnotes, shiftHeadings } from "./markdown.js";
import type { ReportModel } from "./model.js";

export function registerSectionsMarkdown(model: ReportModel): string[] {
  return (model.registers?.sections ?? []).flatMap((s) => [
    "",
    `## ${s.heading.replace(/<(?=[A-Za-z/!?])/g, "&lt;")}`,
    ...(s.narrative ? ["", prefixFootnotes(shiftHeadings(s.narrative, 1), `r-${s.anchor}`)] : []),
    ...(s.matrix ? ["", `*${s.matrix.title}.* ${s.matrix.description}`] : []),
    "",
    shiftHeadings(s.markdown, 1),
  ]);
}
