/**
 * A published report read back into a period snapshot: the open-data CSV gives every
 * indicator's target, figure, status and note; the Markdown gives the explanations and the
 * intentions' statuses. Both are the frozen files of a publication, so a comparison never
 * depends on what the plan in the database has become since.
 */
import { parseCsv } from "../bundle/csv.js";
import type { Figure, IndicatorState, IntentionState, PeriodSnapshot } from "../domain/diff.js";
import { STATUSES, type Status } from "../domain/evaluate.js";
import type { Language } from "../domain/plan.js";
import { OPEN_DATA_COLUMNS } from "./open-data.js";
import { TEXTS } from "./texts.js";

type Column = (typeof OPEN_DATA_COLUMNS)[number];
type Row = Record<Column, string>;

function rowsOf(csv: string): Row[] {
  const [header, ...records] = parseCsv(csv, ",");
  const names = header?.cells ?? [];
  return records.map(
    (record) =>
      Object.fromEntries(
        OPEN_DATA_COLUMNS.map((column) => [column, record.cells[names.indexOf(column)] ?? ""]),
      ) as Row,
  );
}

function figure(text: string): Figure {
  if (text === "") return null;
  if (text === "met" || text === "not-met") return text;
  return Number(text);
}

function status(text: string): Status {
  const known = STATUSES.find((s) => s === text);
  if (!known) throw new Error(`the published open data has an unknown status "${text}"`);
  return known;
}

function note(text: string): number | null {
  return text === "" ? null : Number(text);
}

function indicatorState(row: Row): IndicatorState {
  return {
    id: row.indicator_id,
    path: [...row.group_path.split(" > ").filter(Boolean), row.indicator],
    target: row.target === "" ? null : row.target,
    value: figure(row.value),
    shown: row.value_shown,
    status: status(row.status),
    note: note(row.note),
  };
}

/** Splits a Markdown table row on its unescaped pipes. */
function cells(line: string): string[] {
  return line
    .replace(/^\|\s?|\s?\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll("\\|", "|"));
}

function intentionStatus(label: string, language: Language): Status {
  const texts = TEXTS[language];
  if (label === texts.intentions.notJudged) return "no-target";
  const known = STATUSES.find(
    (s) => `${texts.status[s].symbol} ${texts.status[s].label}` === label,
  );
  if (!known) throw new Error(`the published report has an unknown intention status "${label}"`);
  return known;
}

/** The rows of the intentions overview; `ids` gives each intention's id by its shown title. */
function intentionStates(
  lines: readonly string[],
  language: Language,
  ids: ReadonlyMap<string, string>,
): IntentionState[] {
  const start = lines.indexOf(`## ${TEXTS[language].intentions.heading}`);
  if (start < 0) return [];
  const table = lines.slice(start + 2);
  const end = table.findIndex((line) => !line.startsWith("|"));
  return table
    .slice(2, end < 0 ? undefined : end)
    .map(cells)
    .map(([title = "", , label = "", link = ""]) => {
      const [group, ...rest] = title.split(": ");
      const path = rest.length ? [group ?? "", rest.join(": ")] : [title];
      return {
        id: ids.get(title) ?? title,
        path,
        status: intentionStatus(label, language),
        note: note(/\[(\d+)\]/.exec(link)?.[1] ?? ""),
      };
    });
}

/** The closing line with the audit head differs per publication: it is no part of a text. */
function withoutColophon(markdown: string, language: Language): string {
  const head = "\u0000";
  const [prefix = ""] = TEXTS[language]
    .colophon(head, { year: 2000, month: 1, day: 1 })
    .split(head);
  const lines = markdown.trimEnd().split("\n");
  const last = lines.at(-1) ?? "";
  return last.startsWith(prefix) && lines.at(-3) === "---"
    ? lines.slice(0, -3).join("\n")
    : markdown;
}

/**
 * Each explanation's text by its note: what follows the heading and facts line, up to the next
 * explanation or section. Footnote labels lose the prefix of their note, which a renumbering
 * changes without changing the text.
 */
function explanationsByNote(markdown: string, language: Language): Map<number, string> {
  const texts = TEXTS[language];
  const marker = new RegExp(`^<a id="${texts.anchor}-(\\d+)"></a>$`);
  const lines = withoutColophon(markdown, language).split("\n");
  const found = new Map<number, string>();
  lines.forEach((line, index) => {
    const number = marker.exec(line)?.[1];
    if (number === undefined) return;
    const rest = lines.slice(index + 1);
    const end = rest.findIndex((l, i) => i > 0 && (marker.test(l) || /^## /.test(l)));
    const body = rest
      .slice(0, end < 0 ? undefined : end)
      .slice(4)
      .join("\n")
      .replaceAll(`[^t${number}-`, "[^")
      .trim();
    if (body !== `*${texts.noExplanation}*`) found.set(Number(number), body);
  });
  return found;
}

export interface PublishedReport {
  readonly periodId: string;
  readonly csv: string;
  readonly markdown: string;
  /** The report's language: the plan's. */
  readonly language: Language;
  /** Intention ids by the title the report shows (`group: title`). */
  readonly intentionIds: ReadonlyMap<string, string>;
}

export function publishedSnapshot(report: PublishedReport): PeriodSnapshot {
  const rows = rowsOf(report.csv).filter((row) => row.period === report.periodId);
  const indicators = rows.map(indicatorState);
  const lines = report.markdown.split("\n");
  const intentions = intentionStates(lines, report.language, report.intentionIds);
  const byNote = new Map(
    [...indicators, ...intentions].flatMap((s) => (s.note === null ? [] : [[s.note, s.id]])),
  );
  const explanations = [...explanationsByNote(report.markdown, report.language)].flatMap(
    ([number, text]) => {
      const id = byNote.get(number);
      return id === undefined ? [] : [[id, text] as const];
    },
  );
  return {
    period: { id: report.periodId, label: rows[0]?.period_label ?? report.periodId },
    indicators,
    intentions,
    explanations: new Map(explanations),
  };
}
