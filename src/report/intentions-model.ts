/** The intentions in the report model: an overview of their progress and their explanations. */
import type { Evaluation } from "../domain/evaluate.js";
import type { IntentionJudgement, MilestoneJudgement } from "../domain/intentions.js";
import type { Explanation } from "../domain/narrative.js";
import type { Language, Period } from "../domain/plan.js";
import type { ExplanationBlock, Fact, NarrativeSection } from "./model.js";
import { dateText, type Texts } from "./texts.js";

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replace(/\s*\n\s*/g, " ");
}

function statusLabel(judgement: { status: IntentionJudgement["status"] }, texts: Texts): string {
  if (judgement.status === "no-target") return texts.intentions.notJudged;
  const { symbol, label } = texts.status[judgement.status];
  return `${symbol} ${label}`;
}

/** The overview of every intention, as a Markdown table that each renderer shows as a table. */
export function intentionsOverview(
  reported: Evaluation,
  texts: Texts,
  noteAnchor: (note: number) => string,
): NarrativeSection | null {
  if (reported.intentions.length === 0) return null;
  const t = texts.intentions;
  const rows = reported.intentions.map((j) => {
    const done = j.milestones.filter((m) => m.status === "met").length;
    const progress = j.milestones.length === 0 ? t.noMilestones : t.done(done, j.milestones.length);
    const title = j.intention.group
      ? `${j.intention.group}: ${j.intention.title}`
      : j.intention.title;
    const note = j.note === null ? "" : `[${j.note}](#${noteAnchor(j.note)})`;
    return `| ${cell(title)} | ${cell(progress)} | ${cell(statusLabel(j, texts))} | ${note} |`;
  });
  return {
    anchor: "voornemens",
    heading: t.heading,
    markdown: [`| ${t.columns.join(" | ")} |`, "| --- | --- | --- | --- |", ...rows].join("\n"),
  };
}

function milestoneFact(
  m: MilestoneJudgement,
  texts: Texts,
  language: Language,
  periods: readonly Period[],
): Fact {
  const t = texts.intentions;
  const [planned, ...moves] = m.history;
  const label = (id: string | null) => periods.find((p) => p.id === id)?.label;
  const dates = [
    t.planned(dateText(planned?.date ?? m.milestone.planned, language)),
    ...moves.map((move) => t.revised(dateText(move.date, language), label(move.periodId))),
    ...(m.progress?.state === "done" && m.progress.date
      ? [t.doneOn(dateText(m.progress.date, language), m.late)]
      : []),
  ];
  const reason = m.progress?.reason ? [`${t.reason}: ${m.progress.reason}`] : [];
  return {
    label: t.milestone(m.milestone.title),
    value: [statusLabel(m, texts), ...dates, ...reason].join("; "),
  };
}

export interface MilestoneRow {
  readonly id: string;
  readonly title: string;
  /** Status symbol and label, or "not judged". */
  readonly status: string;
  /** Every due date, oldest first: the plan's, then each move with the report that made it. */
  readonly dates: readonly { readonly date: string; readonly report: string | null }[];
  readonly done: string | null;
  readonly reason: string | null;
}

export interface IntentionRow {
  readonly id: string;
  readonly title: string;
  readonly group: string | null;
  readonly owner: string | null;
  readonly status: string;
  readonly note: number | null;
  readonly milestones: readonly MilestoneRow[];
}

/** Every intention with its milestones and their date history, for the app's overview. */
export function intentionRows(
  reported: Evaluation,
  texts: Texts,
  language: Language,
): IntentionRow[] {
  const label = (id: string | null) =>
    reported.plan.periods.find((p) => p.id === id)?.label ?? null;
  return reported.intentions.map((j) => ({
    id: j.intention.id,
    title: j.intention.title,
    group: j.intention.group ?? null,
    owner: j.intention.owner ?? null,
    status: statusLabel(j, texts),
    note: j.note,
    milestones: j.milestones.map((m) => ({
      id: m.milestone.id,
      title: m.milestone.title,
      status: statusLabel(m, texts),
      dates: m.history.map((h) => ({
        date: dateText(h.date, language),
        report: label(h.periodId),
      })),
      done:
        m.progress?.state === "done" && m.progress.date
          ? texts.intentions.doneOn(dateText(m.progress.date, language), m.late)
          : null,
      reason: m.progress?.reason ?? null,
    })),
  }));
}

/** One explanation block per intention that is an exception, numbered after the indicators. */
export function intentionBlocks(
  reported: Evaluation,
  explanations: readonly Explanation[],
  texts: Texts,
  language: Language,
  noteAnchor: (note: number) => string,
): ExplanationBlock[] {
  return reported.intentions.flatMap((j) => {
    if (j.note === null) return [];
    const explanation = explanations.find(
      (e) => e.periodId === j.period.id && e.indicatorId === j.intention.id,
    );
    return [
      {
        note: j.note,
        anchor: noteAnchor(j.note),
        indicatorId: j.intention.id,
        heading: j.intention.group
          ? `${j.intention.group} – ${j.intention.title}`
          : j.intention.title,
        facts: [
          { label: texts.facts.status, value: texts.status[j.status].label },
          ...j.milestones.map((m) => milestoneFact(m, texts, language, reported.plan.periods)),
        ],
        markdown: explanation?.markdown || null,
        draft: null,
        chart: null,
      },
    ];
  });
}
