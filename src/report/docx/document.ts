/**
 * Renders the report model as a Word document, made with `docx` from the model (not from HTML):
 * heading styles for the navigation pane, the indicator table as a Word table, numbered
 * explanations with their charts and footnotes, page numbers, language and properties.
 */
import {
  AlignmentType,
  Document,
  type FileChild,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from "docx";
import type { RenderedChart } from "../chart.js";
import type { ReportModel } from "../model.js";
import { explanationsSection } from "./explanations.js";
import { lineageSection } from "./lineage.js";
import { DocumentParts, markdownToDocx } from "./markdown.js";
import { registerSections } from "./registers.js";
import { COLOUR, documentStyles, NUMBERING, PAGE, STYLE } from "./styles.js";
import { tableSection } from "./table.js";
import { DOCX_TEXTS } from "./texts.js";

function footer(model: ReportModel): Footer {
  const words = DOCX_TEXTS[model.language];
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 17,
            color: COLOUR.muted,
            children: [
              `${words.page} `,
              PageNumber.CURRENT,
              ` ${words.of} `,
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}

function body(
  model: ReportModel,
  charts: ReadonlyMap<number, RenderedChart>,
  parts: DocumentParts,
): FileChild[] {
  return [
    ...(model.organisation
      ? [new Paragraph({ style: STYLE.organisation, text: model.organisation })]
      : []),
    new Paragraph({ heading: HeadingLevel.TITLE, text: model.title }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: model.introductionHeading }),
    ...model.introduction.map((text) => new Paragraph({ text })),
    ...tableSection(model),
    ...(model.earlyWarnings
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: model.earlyWarnings.heading }),
          ...markdownToDocx(model.earlyWarnings.section.markdown, parts, 2),
        ]
      : []),
    ...(model.intentions
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: model.intentions.heading }),
          ...markdownToDocx(model.intentions.markdown, parts, 2),
        ]
      : []),
    ...explanationsSection(model, charts, parts),
    ...model.sections.flatMap((section) => [
      new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.heading }),
      ...markdownToDocx(section.markdown, parts, 2),
    ]),
    ...registerSections(model, parts),
    ...(model.lineage ? lineageSection(model.lineage) : []),
    ...(model.colophon ? [new Paragraph({ style: STYLE.legend, text: model.colophon })] : []),
  ];
}

/** The .docx file; `charts` holds the rendered chart of each explanation that has one, by note. */
export async function renderDocx(
  model: ReportModel,
  charts: ReadonlyMap<number, RenderedChart>,
): Promise<Uint8Array> {
  const parts = new DocumentParts();
  const children = body(model, charts, parts);
  const author = model.organisation ?? "Koers";
  const document = new Document({
    title: model.title,
    subject: model.planTitle,
    creator: author,
    lastModifiedBy: author,
    description: model.introduction[0] ?? model.table.caption,
    styles: documentStyles(DOCX_TEXTS[model.language].languageTag),
    numbering: NUMBERING,
    footnotes: parts.footnotes,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginY,
              bottom: PAGE.marginY,
              left: PAGE.marginX,
              right: PAGE.marginX,
              header: 567,
              footer: 567,
            },
          },
        },
        footers: { default: footer(model) },
        children,
      },
    ],
  });
  return Packer.pack(document, "uint8array");
}
