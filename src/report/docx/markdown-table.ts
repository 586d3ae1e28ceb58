/** A Markdown (GFM) table as a Word table, ruled like the indicator table. */
import {
  AlignmentType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from "docx";
import type { Token } from "markdown-it";
import { type FootnoteMark, inlineRuns } from "./inline.js";
import { CELL_MARGINS, HEADER_RULE, STYLE, TABLE_BORDERS, TEXT_WIDTH } from "./styles.js";

/** A Markdown table as a Word table of equal columns, its header row repeated on each page. */
export function markdownTable(tokens: readonly Token[], mark: FootnoteMark): Table {
  const rows: { header: boolean; cells: TableCell[] }[] = [];
  for (const [i, token] of tokens.entries()) {
    if (token.type === "tr_open") rows.push({ header: false, cells: [] });
    if (token.type !== "th_open" && token.type !== "td_open") continue;
    const row = rows.at(-1);
    if (!row) continue;
    row.header = token.type === "th_open";
    const align = /text-align:(\w+)/.exec(token.attrGet("style") ?? "")?.[1];
    const alignment =
      align === "right"
        ? AlignmentType.RIGHT
        : align === "center"
          ? AlignmentType.CENTER
          : AlignmentType.LEFT;
    const style = row.header ? STYLE.tableHeading : STYLE.tableText;
    const children = inlineRuns(tokens[i + 1], mark);
    row.cells.push(
      new TableCell({
        children: [new Paragraph({ style, alignment, children })],
        ...(row.header ? { borders: { bottom: HEADER_RULE } } : {}),
      }),
    );
  }
  const columns = Math.max(1, ...rows.map((r) => r.cells.length));
  return new Table({
    rows: rows.map(
      (r) => new TableRow({ children: r.cells, tableHeader: r.header, cantSplit: true }),
    ),
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: Array(columns).fill(Math.floor(TEXT_WIDTH / columns)),
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
  });
}
