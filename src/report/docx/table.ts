/**
 * The indicator table as a Word table: a header row that repeats on each page, group rows
 * across all columns, rows that do not split, the note number in a column of its own.
 */
import {
  AlignmentType,
  type FileChild,
  HeadingLevel,
  InternalHyperlink,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { Status } from "../../domain/evaluate.js";
import type { IndicatorRow, TableRow as ModelRow, ReportModel } from "../model.js";
import {
  CELL_MARGINS,
  COLOUR,
  HEADER_RULE,
  SIZE,
  STYLE,
  TABLE_BORDERS,
  TEXT_WIDTH,
} from "./styles.js";

/** The bookmark of an explanation, which the note in the table links to. */
export function noteBookmark(note: number): string {
  return `toelichting_${note}`;
}

/** Indentation per group level, in twips. */
const INDENT = 200;

const STATUS_COLOUR: Partial<Record<Status, string>> = {
  "not-met": COLOUR.miss,
  "behind-plan": COLOUR.behind,
  met: COLOUR.ok,
};

/**
 * Column widths in twips. A figure, the status and the note column get what their (8.5pt) headers
 * and their content need; the indicator, target and source share the rest. When many periods
 * leave too little, every column shrinks alike.
 */
function columnWidths(periods: number): number[] {
  const fixed = { period: 920, status: 1560, note: 1120 };
  const needed = periods * fixed.period + fixed.status + fixed.note;
  const rest = Math.max(TEXT_WIDTH - needed, Math.round(TEXT_WIDTH * 0.45));
  const scale = Math.min(1, (TEXT_WIDTH - rest) / needed);
  const widths = [
    rest * 0.41,
    rest * 0.27,
    ...Array<number>(periods).fill(fixed.period * scale),
    fixed.status * scale,
    fixed.note * scale,
    rest * 0.32,
  ].map(Math.floor);
  widths[0] = (widths[0] as number) + TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

interface CellOptions {
  readonly alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  readonly indent?: number;
  readonly style?: string;
}

function cell(children: ParagraphChild[], width: number, options: CellOptions = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [
      new Paragraph({
        style: options.style ?? STYLE.tableText,
        ...(options.alignment ? { alignment: options.alignment } : {}),
        ...(options.indent ? { indent: { left: options.indent } } : {}),
        children,
      }),
    ],
  });
}

function headerRow(model: ReportModel, widths: readonly number[]): TableRow {
  const { headers } = model.table;
  const texts = [
    headers.indicator,
    headers.target,
    ...headers.periods,
    headers.status,
    headers.note,
    headers.source,
  ];
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: texts.map(
      (text, i) =>
        new TableCell({
          width: { size: widths[i] as number, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.BOTTOM,
          borders: { bottom: HEADER_RULE },
          children: [new Paragraph({ style: STYLE.tableHeading, children: [new TextRun(text)] })],
        }),
    ),
  });
}

function groupRow(title: string, depth: number, widths: readonly number[]): TableRow {
  return new TableRow({
    cantSplit: true,
    keepNext: true,
    children: [
      new TableCell({
        columnSpan: widths.length,
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        shading: {
          type: ShadingType.CLEAR,
          color: "auto",
          fill: depth === 0 ? COLOUR.group : COLOUR.subgroup,
        },
        children: [
          new Paragraph({
            style: STYLE.tableHeading,
            ...(depth > 0 ? { indent: { left: depth * INDENT } } : {}),
            children: [new TextRun({ text: title, size: SIZE.table })],
          }),
        ],
      }),
    ],
  });
}

function indicatorRow(row: IndicatorRow, widths: readonly number[]): TableRow {
  const { status, note, source } = row.current;
  const colour = STATUS_COLOUR[status.status];
  const strong = status.status === "not-met" || status.status === "behind-plan";
  const width = (i: number) => widths[i] as number;
  const last = widths.length - 1;
  return new TableRow({
    cantSplit: true,
    children: [
      cell([new TextRun(row.title)], width(0), { indent: row.depth * INDENT }),
      cell([new TextRun(row.target)], width(1)),
      ...row.cells.map((c, i) =>
        cell([new TextRun(c.value)], width(2 + i), { alignment: AlignmentType.RIGHT }),
      ),
      cell(
        [
          new TextRun({
            text: `${status.symbol}\u00a0${status.label}`,
            ...(colour ? { color: colour } : {}),
            ...(strong ? { bold: true } : {}),
          }),
        ],
        width(last - 2),
      ),
      cell(
        note === null
          ? []
          : [
              new InternalHyperlink({
                anchor: noteBookmark(note),
                children: [new TextRun({ text: String(note), bold: true, color: COLOUR.accent })],
              }),
            ],
        width(last - 1),
        { alignment: AlignmentType.CENTER },
      ),
      cell([new TextRun({ text: source ?? "", size: 17, color: COLOUR.muted })], width(last)),
    ],
  });
}

function row(model: ModelRow, widths: readonly number[]): TableRow {
  return model.kind === "group"
    ? groupRow(model.title, model.depth, widths)
    : indicatorRow(model, widths);
}

/** The table's section: heading, caption, table and legend. */
export function tableSection(model: ReportModel): FileChild[] {
  const widths = columnWidths(model.table.headers.periods.length);
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: model.table.heading }),
    new Paragraph({ style: "Caption", text: model.table.caption }),
    new Table({
      rows: [headerRow(model, widths), ...model.table.rows.map((r) => row(r, widths))],
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: TABLE_BORDERS,
      margins: CELL_MARGINS,
    }),
    new Paragraph({ style: STYLE.legend, text: model.table.legend }),
  ];
}
