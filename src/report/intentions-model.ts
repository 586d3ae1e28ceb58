/** The intentions in the report model: an overview of their progress and their explanations. */
import type { Evaluation } from "../domain/evaluate.js";
import type { IntentionJudgement, MilestoneJudgement } from "../domain/intentions.js";
import type { Explanation } from "../domain/narrative.js";
import type { Language } from "../domain/plan.js";
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

function milestoneFact(m: MilestoneJudgement, texts: Texts, language: Language): Fact {
  const t = texts.intentions;
  const dates = [
    t.planned(dateText(m.milestone.planned, language)),
    ...(m.milestone.revised ? [t.revised(dateText(m.milestone.revised, language))] : []),
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
          ...j.milestones.map((m) => milestoneFact(m, texts, language)),
        ],
        markdown: explanation?.markdown || null,
        chart: null,
      },
    ];
  });
}
