/**
 * The appendix on the origin of the computed figures in Word: a heading per figure with its
 * facts (linking to its query) and a table of the files read, then each query once, in the
 * Code style. Hashes are set in a monospace font so that they can be compared by eye.
 */
import {
  AlignmentType,
  Bookmark,
  type FileChild,
  HeadingLevel,
  InternalHyperlink,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { LineageAppendix, LineageFigure, LineageQuery } from "../lineage-model.js";
import {
  CELL_MARGINS,
  COLOUR,
  HEADER_RULE,
  SIZE,
  STYLE,
  TABLE_BORDERS,
  TEXT_WIDTH,
} from "./styles.js";

/** Source, file, size, rows read, SHA-256: the hash gets room for two lines of 32 characters. */
const SHARES = [0.14, 0.27, 0.14, 0.1, 0.35];
const WIDTHS = SHARES.map((share) => Math.floor(TEXT_WIDTH * share));

/** Word bookmark names allow letters, digits and underscores only. */
function bookmark(anchor: string): string {
  return anchor.replaceAll("-", "_");
}

function cell(
  children: ParagraphChild[],
  column: number,
  header = false,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
): TableCell {
  return new TableCell({
    width: { size: WIDTHS[column] as number, type: WidthType.DXA },
    ...(header
      ? { borders: { bottom: HEADER_RULE }, verticalAlign: VerticalAlignTable.BOTTOM }
      : {}),
    children: [
      new Paragraph({ style: header ? STYLE.tableHeading : STYLE.tableText, alignment, children }),
    ],
  });
}

function filesTable(figure: LineageFigure, appendix: LineageAppendix): Table {
  const { columns } = appendix.labels;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [columns.source, columns.file, columns.size, columns.rows, columns.sha256].map(
      (text, i) => cell([new TextRun(text)], i, true),
    ),
  });
  const rows = figure.files.map(
    (f) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell([new TextRun(f.source)], 0),
          cell([new TextRun(f.file)], 1),
          cell([new TextRun(f.size)], 2, false, AlignmentType.RIGHT),
          cell([new TextRun(f.rows)], 3, false, AlignmentType.RIGHT),
          cell(
            f.sha256
              ? [new TextRun({ text: f.sha256, font: "Courier New", size: SIZE.small })]
              : [],
            4,
          ),
        ],
      }),
  );
  return new Table({
    rows: [header, ...rows],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: WIDTHS,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
  });
}

function figureParts(figure: LineageFigure, appendix: LineageAppendix): FileChild[] {
  const facts: ParagraphChild[] = [
    ...figure.facts.flatMap((fact) => [
      new TextRun({ text: `${fact.label}: `, color: COLOUR.muted }),
      new TextRun({ text: fact.value, bold: true }),
      new TextRun({ text: "   ·   ", color: COLOUR.muted }),
    ]),
    new TextRun({ text: `${appendix.labels.resultOf}: `, color: COLOUR.muted }),
    new InternalHyperlink({
      anchor: bookmark(figure.query.anchor),
      children: [new TextRun({ text: figure.query.label, bold: true, color: COLOUR.accent })],
    }),
    new TextRun(`, ${figure.query.columns}`),
  ];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, text: figure.heading }),
    new Paragraph({ style: STYLE.facts, children: facts }),
    new Paragraph({ style: "Caption", text: figure.caption }),
    filesTable(figure, appendix),
  ];
}

function queryParts(query: LineageQuery, appendix: LineageAppendix): FileChild[] {
  const lines = query.sql.replace(/\n$/, "").split("\n");
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_3,
      children: [
        new Bookmark({ id: bookmark(query.anchor), children: [new TextRun(query.heading)] }),
      ],
    }),
    new Paragraph({ text: `${appendix.labels.usedFor}: ${query.usedFor.join("; ")}` }),
    new Paragraph({
      style: STYLE.code,
      children: lines.map((text, i) => new TextRun({ text, ...(i > 0 ? { break: 1 } : {}) })),
    }),
  ];
}

export function lineageSection(appendix: LineageAppendix): FileChild[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: appendix.heading }),
    new Paragraph({ text: appendix.introduction }),
    ...appendix.figures.flatMap((f) => figureParts(f, appendix)),
    new Paragraph({ heading: HeadingLevel.HEADING_2, text: appendix.queriesHeading }),
    new Paragraph({ text: appendix.queriesIntroduction }),
    ...appendix.queries.flatMap((q) => queryParts(q, appendix)),
  ];
}
