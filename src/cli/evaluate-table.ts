/** The readable table `koers evaluate` prints on a terminal. */
import type { Evaluation } from "../domain/evaluate.js";
import { formatAppliedTarget, formatValue } from "../domain/format.js";
import type { Language } from "../domain/plan.js";
import { TEXTS } from "../report/texts.js";

const TITLE_WIDTH = 56;

function padOrCut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** The groups an indicator opens: those on its path from the first that differs from the previous one's. */
function newGroups(
  path: readonly string[],
  previous: readonly string[],
): { title: string; depth: number }[] {
  const groups = path.slice(0, -1).map((title, depth) => ({ title, depth }));
  const first = groups.findIndex(
    ({ title, depth }) => previous[depth] !== title || depth >= previous.length - 1,
  );
  return first < 0 ? [] : groups.slice(first);
}

export function evaluationTable(evaluation: Evaluation, language: Language): string {
  const { plan, period } = evaluation;
  const texts = TEXTS[language];
  const rows = evaluation.judgements.flatMap((j, index) => [
    ...newGroups(j.indicator.path, evaluation.judgements[index - 1]?.indicator.path ?? []).map(
      ({ title, depth }) => ["", `${"  ".repeat(depth)}${title}`],
    ),
    [
      j.note === null ? "" : String(j.note),
      `${"  ".repeat(j.indicator.path.length - 1)}${j.indicator.title}`,
      formatAppliedTarget(plan, j.indicator, j.applied, language) ?? texts.notApplicable,
      formatValue(j.realisation?.value, j.indicator, language),
      `${texts.status[j.status].symbol} ${texts.status[j.status].label}`,
    ],
  ]);
  const header = [
    "#",
    texts.columns.indicator,
    texts.columns.target(plan.year),
    texts.columns.realisation(period.label),
    "Status",
  ];
  const widths = header.map((h, i) =>
    i === 1
      ? TITLE_WIDTH
      : Math.min(28, Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : padOrCut(c, widths[i] ?? 10)))
      .join("  ")
      .trimEnd();
  const count = evaluation.exceptions.length;
  return [
    `${plan.title} — ${period.label} (${period.id})`,
    "",
    line(header),
    line(widths.map((w) => "─".repeat(w))),
    ...rows.map(line),
    "",
    `${texts.tally(evaluation.judgements.length, count)}${count ? `: ${evaluation.exceptions.map((j) => `${j.note} ${j.indicator.id}`).join(", ")}` : ""}`,
  ].join("\n");
}
