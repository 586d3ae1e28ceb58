/** What the register sections' Markdown shares: escaping, tables and measures. */
import type { Language, Period } from "../domain/plan.js";
import { type Measure, measureOverdue } from "../domain/registers.js";
import type { RegisterTexts } from "./registers-texts.js";
import { dateText } from "./texts.js";

/** Plan text inside Markdown, with nothing read as emphasis, a link or a tag. */
export function literal(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, "\\$&").replace(/\s*\n\s*/g, " ");
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

export function table(columns: readonly string[], rows: readonly string[][]): string {
  return [row(columns), row(columns.map(() => "---")), ...rows.map(row)].join("\n");
}

export interface Context {
  readonly period: Period;
  readonly language: Language;
  readonly t: RegisterTexts;
}

function measureLine(m: Measure, c: Context): string {
  const overdue = measureOverdue(m, c.period.until);
  const due = m.due ? dateText(m.due, c.language) : null;
  return `- ${literal(m.title)} (${c.t.measure(literal(m.owner), c.t.measureStatus[m.status], due, overdue)})`;
}

export function measureList(measures: readonly Measure[], c: Context, none: string): string {
  return measures.length === 0 ? none : measures.map((m) => measureLine(m, c)).join("\n");
}
