/** The numbered explanations: heading, facts line (with the source), chart and text. */
import {
  Bookmark,
  type FileChild,
  HeadingLevel,
  ImageRun,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from "docx";
import { chartPng, type RenderedChart } from "../chart.js";
import type { ExplanationBlock, ReportModel } from "../model.js";
import { type DocumentParts, markdownToDocx } from "./markdown.js";
import { COLOUR, STYLE, TEXT_WIDTH } from "./styles.js";
import { noteBookmark } from "./table.js";

/** Charts are drawn a third larger than their SVG pixels, so their 10px labels read as 10pt. */
const CHART_SCALE = 4 / 3;
/** The text width in pixels at 96 to the inch (a twip is 1/1440 inch). */
const TEXT_WIDTH_PX = (TEXT_WIDTH / 1440) * 96;

function factsLine(block: ExplanationBlock): Paragraph {
  const children: ParagraphChild[] = block.facts.flatMap((fact, i) => [
    ...(i > 0 ? [new TextRun({ text: "   ·   ", color: COLOUR.muted })] : []),
    new TextRun({ text: `${fact.label}: `, color: COLOUR.muted }),
    new TextRun({ text: fact.value, bold: true }),
  ]);
  return new Paragraph({ style: STYLE.facts, children });
}

export function chartImage(chart: RenderedChart): Paragraph {
  const scale = Math.min(CHART_SCALE, TEXT_WIDTH_PX / chart.width);
  return new Paragraph({
    spacing: { after: 160 },
    children: [
      new ImageRun({
        type: "png",
        data: chartPng(chart),
        transformation: {
          width: Math.round(chart.width * scale),
          height: Math.round(chart.height * scale),
        },
        altText: { name: chart.id, title: chart.title, description: chart.description },
      }),
    ],
  });
}

function explanation(
  block: ExplanationBlock,
  model: ReportModel,
  chart: RenderedChart | undefined,
  parts: DocumentParts,
): FileChild[] {
  const heading = new Paragraph({
    heading: HeadingLevel.HEADING_2,
    children: [
      new Bookmark({
        id: noteBookmark(block.note),
        children: [new TextRun(`${block.note}. ${block.heading}`)],
      }),
    ],
  });
  const body = block.markdown
    ? markdownToDocx(block.markdown, parts, 3)
    : block.draft
      ? [
          new Paragraph({
            children: [
              new TextRun({ text: model.draftMark, bold: true, color: COLOUR.miss }),
              new TextRun({ text: ` ${block.draft}` }),
            ],
          }),
        ]
      : [
          new Paragraph({
            children: [
              new TextRun({ text: model.noExplanation, italics: true, color: COLOUR.miss }),
            ],
          }),
        ];
  return [heading, factsLine(block), ...(chart ? [chartImage(chart)] : []), ...body];
}

export function explanationsSection(
  model: ReportModel,
  charts: ReadonlyMap<number, RenderedChart>,
  parts: DocumentParts,
): FileChild[] {
  if (model.explanations.length === 0) return [];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: model.explanationsHeading }),
    ...model.explanations.flatMap((block) =>
      explanation(block, model, charts.get(block.note), parts),
    ),
  ];
}
