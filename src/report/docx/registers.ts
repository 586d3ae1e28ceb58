/** The register sections in Word: narrative, risk matrix as an image with its description, items. */
import { type FileChild, HeadingLevel, Paragraph } from "docx";
import type { ReportModel } from "../model.js";
import { chartImage } from "./explanations.js";
import { type DocumentParts, markdownToDocx } from "./markdown.js";

export function registerSections(model: ReportModel, parts: DocumentParts): FileChild[] {
  return (model.registers?.sections ?? []).flatMap((section) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.heading }),
    ...(section.narrative ? markdownToDocx(section.narrative, parts, 2) : []),
    ...(section.matrix ? [chartImage(section.matrix)] : []),
    ...markdownToDocx(section.markdown, parts, 1),
  ]);
}
