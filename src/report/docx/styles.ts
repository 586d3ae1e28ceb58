/** The Word document's look: A4 page, a sans font, heading styles in the outline, list numbering. */
import {
  AlignmentType,
  type ILevelsOptions,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
  type ITableBordersOptions,
  LevelFormat,
} from "docx";

export const FONT = "Arial";

/** The report's colours, as in the HTML style sheet; colour only ever repeats what text says. */
export const COLOUR = {
  ink: "1A1A1A",
  muted: "4A4A4A",
  rule: "B8B8B8",
  accent: "154273",
  miss: "8B1A1A",
  behind: "7A4B00",
  ok: "1E5C2E",
  group: "DDE5EF",
  subgroup: "EEF2F7",
} as const;

/** A4 in twips (1/20 pt), with margins of 2 cm above and below and 1.75 cm at the sides. */
export const PAGE = { width: 11906, height: 16838, marginY: 1134, marginX: 992 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.marginX;

/** Style ids of the paragraph styles defined here, besides Word's built-in ones. */
export const STYLE = {
  organisation: "Organisation",
  tableText: "TableText",
  tableHeading: "TableHeading",
  legend: "Legend",
  facts: "Facts",
  quote: "Quote",
  code: "Code",
} as const;

/** Sizes in half-points. */
export const SIZE = { body: 21, table: 20, header: 17, small: 17 } as const;

function heading(
  level: number,
  size: number,
  colour: string,
  before: number,
  italics = false,
): IParagraphStyleOptions {
  return {
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { size, bold: true, color: colour, italics },
    paragraph: {
      outlineLevel: level - 1,
      keepNext: true,
      keepLines: true,
      spacing: { before, after: 100 },
    },
  };
}

function custom(
  id: string,
  name: string,
  options: Omit<IParagraphStyleOptions, "id" | "name">,
): IParagraphStyleOptions {
  return { id, name, basedOn: "Normal", next: "Normal", quickFormat: true, ...options };
}

export function documentStyles(languageTag: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: SIZE.body, color: COLOUR.ink, language: { value: languageTag } },
        paragraph: { spacing: { after: 120, line: 276, lineRule: "auto" } },
      },
      title: {
        run: { font: FONT, size: 40, bold: true, color: COLOUR.accent },
        paragraph: { spacing: { after: 360 }, keepNext: true },
      },
      caption: {
        run: { size: SIZE.table, bold: true, italics: false, color: COLOUR.ink },
        paragraph: { keepNext: true, spacing: { before: 120, after: 80 } },
      },
      footnoteText: {
        run: { size: SIZE.small },
        paragraph: { spacing: { after: 40, line: 240, lineRule: "auto" } },
      },
      listParagraph: { paragraph: { contextualSpacing: true } },
      hyperlink: { run: { color: COLOUR.accent, underline: {} } },
    },
    paragraphStyles: [
      heading(1, 30, COLOUR.accent, 480),
      heading(2, 24, COLOUR.ink, 360),
      heading(3, 22, COLOUR.ink, 240),
      heading(4, 21, COLOUR.ink, 200, true),
      heading(5, 21, COLOUR.muted, 160),
      heading(6, 21, COLOUR.muted, 160, true),
      custom(STYLE.organisation, "Organisation", {
        run: { size: 24, color: COLOUR.muted },
        paragraph: { spacing: { after: 60 }, keepNext: true },
      }),
      custom(STYLE.tableText, "Table Text", {
        run: { size: SIZE.table },
        paragraph: { spacing: { before: 30, after: 30, line: 240, lineRule: "auto" } },
      }),
      custom(STYLE.tableHeading, "Table Heading", {
        basedOn: STYLE.tableText,
        run: { size: SIZE.header, bold: true },
        paragraph: {
          keepNext: true,
          spacing: { before: 30, after: 30, line: 240, lineRule: "auto" },
        },
      }),
      custom(STYLE.legend, "Legend", {
        run: { size: SIZE.small, color: COLOUR.muted },
        paragraph: { spacing: { before: 80 } },
      }),
      custom(STYLE.facts, "Facts", {
        run: { size: SIZE.table },
        paragraph: { keepNext: true, spacing: { after: 120 } },
      }),
      custom(STYLE.quote, "Quote", {
        run: { italics: true, color: COLOUR.muted },
        paragraph: {
          indent: { left: 567 },
          border: { left: { style: "single", size: 12, color: COLOUR.rule, space: 8 } },
        },
      }),
      custom(STYLE.code, "Code", {
        run: { font: "Courier New", size: SIZE.small },
        paragraph: { spacing: { after: 160, line: 240, lineRule: "auto" }, indent: { left: 284 } },
      }),
    ],
  };
}

const NO_BORDER = { style: "none" } as const;
const RULE = { style: "single", size: 4, color: COLOUR.rule } as const;

/** Tables are ruled as in the HTML: a line under each row, no vertical lines. */
export const TABLE_BORDERS: ITableBordersOptions = {
  top: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideVertical: NO_BORDER,
  bottom: RULE,
  insideHorizontal: RULE,
};

/** The heavier line under a table's header row. */
export const HEADER_RULE = { style: "single", size: 12, color: COLOUR.ink } as const;

/** Padding inside table cells, in twips. */
export const CELL_MARGINS = { top: 30, bottom: 30, left: 60, right: 60 } as const;

export const LIST = { bullets: "koers-bullets", numbers: "koers-numbers" } as const;

const BULLETS = ["•", "◦", "▪"];

function levels(format: "bullet" | "decimal", start = 1): ILevelsOptions[] {
  return Array.from({ length: 6 }, (_, level) => ({
    level,
    format: format === "bullet" ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: format === "bullet" ? (BULLETS[level % BULLETS.length] as string) : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    start,
    style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } },
  }));
}

/** A numbered list's definition; a list that does not count from 1 gets one of its own. */
export function numberedList(start: number): { reference: string; levels: ILevelsOptions[] } {
  return {
    reference: start === 1 ? LIST.numbers : `${LIST.numbers}-${start}`,
    levels: levels("decimal", start),
  };
}

export const NUMBERING: INumberingOptions = {
  config: [
    { reference: LIST.bullets, levels: levels("bullet") },
    { reference: LIST.numbers, levels: levels("decimal") },
  ],
};
