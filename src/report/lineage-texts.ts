/** The fixed texts of the appendix on the origin of the computed figures, nl and en. */
import type { RowSelection } from "../domain/computation.js";
import type { Language } from "../domain/plan.js";

type TakenRows = Exclude<RowSelection, { kind: "one-row" }>;

export interface LineageTexts {
  readonly heading: string;
  readonly introduction: (periodPhrase: string) => string;
  readonly figureHeading: (title: string, periodLabel: string) => string;
  readonly caption: (title: string, periodLabel: string) => string;
  readonly facts: {
    readonly figure: string;
    readonly computedWith: string;
    readonly computedAt: string;
    /** Before the link to the query and the result columns the figure was taken from. */
    readonly resultOf: string;
  };
  /** A moment in time: the date in words and the time of day in UTC. */
  readonly instant: (date: string, time: string) => string;
  readonly columns: {
    readonly source: string;
    readonly file: string;
    readonly size: string;
    readonly rows: string;
    readonly sha256: string;
  };
  readonly bytes: (count: string) => string;
  /** A source read from a database table rather than from files. */
  readonly table: (name: string) => string;
  /** A result column by its role in the figure, and which result rows it was taken from. */
  readonly column: (role: string, column: string, rows?: TakenRows) => string;
  readonly queriesHeading: string;
  readonly queriesIntroduction: string;
  readonly query: (number: number) => string;
  readonly usedFor: string;
}

const ROLES: Record<Language, Readonly<Record<string, string>>> = {
  nl: { numerator: "teller", denominator: "noemer" },
  en: { numerator: "numerator", denominator: "denominator" },
};

function column(language: Language, word: string) {
  return (role: string, name: string, rows?: TakenRows): string => {
    const named = role === "value" ? `${word} ${name}` : `${ROLES[language][role] ?? role} ${name}`;
    return rows ? `${named} ${TAKEN[language](rows)}` : named;
  };
}

/** Which rows of the grouped result a column was added up over, in words. */
const TAKEN: Record<Language, (rows: TakenRows) => string> = {
  nl: (rows) => {
    const among = rows.grouping ? ` (onder de rijen met ${rows.grouping} = 0)` : "";
    if (rows.kind === "wave") {
      return `uit de rij met de laatste ${rows.column} tot en met ${rows.until} waarop ${rows.presence} niet 0 is${among}`;
    }
    const range =
      rows.from && rows.until
        ? ` met ${rows.column} van ${rows.from} tot en met ${rows.until}`
        : rows.until
          ? ` met ${rows.column} tot en met ${rows.until}`
          : "";
    return `opgeteld over de rijen${range}${among}`;
  },
  en: (rows) => {
    const among = rows.grouping ? ` (among the rows with ${rows.grouping} = 0)` : "";
    if (rows.kind === "wave") {
      return `from the row with the latest ${rows.column} up to ${rows.until} on which ${rows.presence} is not 0${among}`;
    }
    const range =
      rows.from && rows.until
        ? ` with ${rows.column} from ${rows.from} to ${rows.until}`
        : rows.until
          ? ` with ${rows.column} up to ${rows.until}`
          : "";
    return `added up over the rows${range}${among}`;
  },
};

export const LINEAGE_TEXTS: Record<Language, LineageTexts> = {
  nl: {
    heading: "Herkomst van de berekende cijfers",
    introduction: (period) =>
      `Deze bijlage laat van elk cijfer over ${period} dat Koers uit brongegevens heeft berekend zien hoe het tot stand kwam: waarmee en wanneer het is berekend, welke bestanden zijn gelezen (met hun grootte en SHA-256-controlegetal), hoeveel rijen, en met welke query. Met het controlegetal is na te gaan of een bronbestand sindsdien is veranderd.`,
    figureHeading: (title, period) => `${title}, ${period}`,
    caption: (title, period) => `Bronnen van ${title}, ${period}`,
    facts: {
      figure: "Cijfer",
      computedWith: "Berekend met",
      computedAt: "Berekend op",
      resultOf: "Uitkomst van",
    },
    instant: (date, time) => `${date}, ${time} UTC`,
    columns: {
      source: "Bron",
      file: "Bestand",
      size: "Grootte",
      rows: "Rijen gelezen",
      sha256: "SHA-256",
    },
    bytes: (count) => `${count} bytes`,
    table: (name) => `tabel ${name}`,
    column: column("nl", "kolom"),
    queriesHeading: "Uitgevoerde queries",
    queriesIntroduction:
      "Elke query staat hier één keer, ook als er meer cijfers uit voortkomen; de cijfers hierboven verwijzen naar hun query en de kolommen van de uitkomst.",
    query: (number) => `Query ${number}`,
    usedFor: "Gebruikt voor",
  },
  en: {
    heading: "Origin of the computed figures",
    introduction: (period) =>
      `This appendix shows, for each figure for ${period} that Koers computed from source data, how it came about: with what and when it was computed, which files were read (with their size and SHA-256 checksum), how many rows, and with which query. The checksum shows whether a source file has changed since.`,
    figureHeading: (title, period) => `${title}, ${period}`,
    caption: (title, period) => `Sources of ${title}, ${period}`,
    facts: {
      figure: "Figure",
      computedWith: "Computed with",
      computedAt: "Computed at",
      resultOf: "Result of",
    },
    instant: (date, time) => `${date}, ${time} UTC`,
    columns: {
      source: "Source",
      file: "File",
      size: "Size",
      rows: "Rows read",
      sha256: "SHA-256",
    },
    bytes: (count) => `${count} bytes`,
    table: (name) => `table ${name}`,
    column: column("en", "column"),
    queriesHeading: "Queries that ran",
    queriesIntroduction:
      "Each query appears here once, even when several figures come from it; the figures above point to their query and the result columns.",
    query: (number) => `Query ${number}`,
    usedFor: "Used for",
  },
};
