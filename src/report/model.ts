/**
 * The report model: everything a renderer shows, as plain data with the texts already in the
 * report's language. Built from evaluated periods; renderers never recompute statuses.
 */
import type { Evaluation, Judgement, Status } from "../domain/evaluate.js";
import {
  formatAppliedTarget,
  formatTarget,
  formatValue,
  isoDate,
  recordedFigure,
} from "../domain/format.js";
import type { Explanation, Section } from "../domain/narrative.js";
import { isYearEnd, type Language, type Plan, type PlanNode } from "../domain/plan.js";
import { seasonalProfilesOf } from "../domain/seasonal-profiles.js";
import { type ChartData, chartData } from "./chart-data.js";
import { draftParagraph } from "./draft.js";
import { type EarlyWarnings, earlyWarningsOf } from "./early-warnings.js";
import {
  type IntentionRow,
  intentionBlocks,
  intentionRows,
  intentionsOverview,
} from "./intentions-model.js";
import { type LineageAppendix, lineageAppendix, type ReportLineage } from "./lineage-model.js";
import { type RegistersReport, registersReport, withToleranceWarnings } from "./registers-model.js";
import { surveyFactList } from "./survey-facts.js";
import { TEXTS, type Texts } from "./texts.js";

export type { ChartData } from "./chart-data.js";

export interface StatusCell {
  readonly status: Status;
  readonly label: string;
  readonly symbol: string;
}

/** One indicator in one period. */
export interface PeriodCell {
  readonly periodId: string;
  /** The figure as shown: formatted, rounded to `decimals`, or the word recorded. */
  readonly value: string;
  /** The figure as recorded, for open data. */
  readonly figure: number | "met" | "not-met" | null;
  /** The target that applies in this period, as shown; null when none does. */
  readonly target: string | null;
  readonly status: StatusCell;
  readonly note: number | null;
  readonly source: string | null;
}

export interface IndicatorRow {
  readonly kind: "indicator";
  readonly id: string;
  readonly title: string;
  /** The titles of the enclosing groups, from the top. */
  readonly groups: readonly string[];
  readonly depth: number;
  readonly unit: string;
  /** Who answers for the indicator, as plan.yaml has it; null when it names no one. */
  readonly owner: string | null;
  /** The whole target as the target column shows it. */
  readonly target: string;
  /** One per column period, in order. */
  readonly cells: readonly PeriodCell[];
  /** The reported period's cell (the last of `cells`). */
  readonly current: PeriodCell;
}

export type TableRow =
  | { readonly kind: "group"; readonly title: string; readonly depth: number }
  | IndicatorRow;

export interface Fact {
  readonly label: string;
  readonly value: string;
}

export interface ExplanationBlock {
  readonly note: number;
  readonly anchor: string;
  readonly indicatorId: string;
  readonly heading: string;
  readonly facts: readonly Fact[];
  /** Markdown with footnotes; null when none was delivered. */
  readonly markdown: string | null;
  /** Without markdown: a drafted factual paragraph, always shown marked as a draft. */
  readonly draft: string | null;
  /** The trend of its figures with the target; null when it has no numeric figure. */
  readonly chart: ChartData | null;
}

export interface NarrativeSection {
  readonly anchor: string;
  readonly heading: string;
  readonly markdown: string;
}

export interface ReportPeriod {
  readonly id: string;
  readonly label: string;
  /** ISO date of the period's last day. */
  readonly until: string;
}

function noteAnchor(texts: Texts, note: number): string {
  return `${texts.anchor}-${note}`;
}

export interface ReportModel {
  readonly language: Language;
  readonly title: string;
  readonly planId: string;
  readonly planTitle: string;
  readonly organisation: string | null;
  readonly period: { readonly id: string; readonly label: string };
  /** The column periods, up to and including the reported one. */
  readonly periods: readonly ReportPeriod[];
  readonly introductionHeading: string;
  readonly introduction: readonly string[];
  readonly table: {
    readonly heading: string;
    readonly caption: string;
    readonly headers: {
      readonly indicator: string;
      readonly target: string;
      readonly periods: readonly string[];
      readonly status: string;
      readonly note: string;
      readonly source: string;
    };
    readonly rows: readonly TableRow[];
    readonly legend: string;
  };
  /** Indicators met now but forecast to miss their year-end target; null when there are none. */
  readonly earlyWarnings: EarlyWarnings | null;
  /** The overview of the plan's intentions; null when it has none. */
  readonly intentions: NarrativeSection | null;
  /** The same intentions with their milestones' date history, for the app. */
  readonly intentionRows: readonly IntentionRow[];
  readonly explanationsHeading: string;
  /** The indicators' explanations, then the intentions'. */
  readonly explanations: readonly ExplanationBlock[];
  readonly noExplanation: string;
  /** Said before a drafted paragraph. */
  readonly draftMark: string;
  readonly noteLink: (note: number) => string;
  /** The id of explanation `note`'s block, for links from the table. */
  readonly noteAnchor: (note: number) => string;
  readonly sections: readonly NarrativeSection[];
  /** The register sections (findings, risks, lawfulness), after `sections`; null without registers. */
  readonly registers: RegistersReport | null;
  /** The appendix on how the computed figures came about; null when none was computed. */
  readonly lineage: LineageAppendix | null;
  /** The closing line of a published report, naming the audit trail's head; null otherwise. */
  readonly colophon: string | null;
}

/** What anchors a published report to the audit trail: its head when the report was published. */
export interface ReportAnchor {
  readonly auditHead: string;
  /** ISO 8601 instant of publication, in UTC. */
  readonly publishedAt: string;
}

export interface ReportInput {
  readonly plan: Plan;
  /** The evaluations of every period up to and including the reported one, in plan order. */
  readonly evaluations: readonly Evaluation[];
  readonly explanations: readonly Explanation[];
  readonly sections: readonly Section[];
  readonly language: Language;
  readonly anchor?: ReportAnchor;
  /** lineage.json's figures, when the bundle has computed figures. */
  readonly lineage?: ReportLineage;
}

const STANDING_ORDER: readonly Status[] = ["met", "not-met", "behind-plan", "pending", "no-target"];

/** A period's label in running text, with the year added where the label lacks it. */
function periodPhrase(plan: Plan, label: string): string {
  return label.includes(String(plan.year)) ? label : `${label} ${plan.year}`;
}

export function buildReportModel(input: ReportInput): ReportModel {
  const { plan, evaluations, language } = input;
  const reported = evaluations.at(-1);
  if (!reported) throw new RangeError("a report needs the evaluation of at least one period");
  const texts = TEXTS[language];
  const index = indexJudgements(evaluations);
  const label = reported.period.label;
  const ordinal = plan.periods.findIndex((p) => p.id === reported.period.id) + 1;
  const registers = registersReport(plan, reported.period, language);
  const rows = tableRows(plan.nodes, 0, input, texts, index);
  return {
    language,
    title: texts.reportTitle(ordinal, plan.title, reported.period.until),
    planId: plan.id,
    planTitle: plan.title,
    organisation: plan.organisation ?? null,
    period: { id: reported.period.id, label },
    periods: evaluations.map(({ period: p }) => ({
      id: p.id,
      label: p.label,
      until: isoDate(p.until),
    })),
    introductionHeading: texts.introductionHeading,
    introduction: introduction(plan, reported, texts),
    table: {
      heading: texts.tableHeading,
      caption: texts.caption(plan.title),
      headers: {
        indicator: texts.columns.indicator,
        target: texts.columns.target(plan.year),
        periods: evaluations.map((e) => texts.columns.realisation(e.period.label)),
        status: texts.columns.status(label),
        note: texts.columns.note,
        source: texts.columns.source(label),
      },
      rows,
      legend: texts.legend,
    },
    explanationsHeading: texts.explanationsHeading,
    earlyWarnings: withToleranceWarnings(
      earlyWarningsOf(evaluations, language, seasonalProfilesOf(plan)),
      registers,
      language,
    ),
    intentions: intentionsOverview(reported, texts, (note) => noteAnchor(texts, note)),
    intentionRows: intentionRows(reported, texts, language),
    explanations: [
      ...reported.exceptions.map((j) => explanationBlock(j, input, texts, index)),
      ...intentionBlocks(reported, input.explanations, texts, language, (note) =>
        noteAnchor(texts, note),
      ),
    ],
    noExplanation: texts.noExplanation,
    draftMark: texts.draftMark,
    noteLink: texts.noteLink,
    noteAnchor: (note) => noteAnchor(texts, note),
    sections: input.sections
      .filter((s) => s.periodId === reported.period.id)
      .map((s, index) => ({
        anchor: `sectie-${index + 1}`,
        heading: s.heading,
        markdown: s.markdown,
      })),
    registers,
    lineage: lineageAppendix(rows, input.lineage, {
      periodId: reported.period.id,
      periodLabel: label,
      periodPhrase: periodPhrase(plan, label),
      language,
    }),
    colophon: input.anchor ? colophon(input.anchor, texts) : null,
  };
}

function colophon({ auditHead, publishedAt }: ReportAnchor, texts: Texts): string {
  const instant = new Date(publishedAt);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an instant: ${publishedAt}`);
  return texts.colophon(auditHead, {
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
  });
}

function introduction(plan: Plan, reported: Evaluation, texts: Texts): string[] {
  const count = (status: Status) => reported.judgements.filter((j) => j.status === status).length;
  const phrase = periodPhrase(plan, reported.period.label);
  const parts = STANDING_ORDER.filter((s) => count(s) > 0).map(
    (s) => `${count(s)} ${texts.status[s].label}`,
  );
  return [
    texts.scope(plan.title, phrase),
    texts.exceptionsIntro({ notMet: count("not-met"), behindPlan: count("behind-plan") }, phrase),
    ...[
      texts.intentionsIntro(
        reported.intentions.filter((i) => i.note !== null).length,
        isYearEnd(plan, reported.period),
      ),
    ].filter(Boolean),
    texts.standing(reported.judgements.length, parts),
  ];
}

/** Per column period, the judgements by indicator id. */
type JudgementIndex = readonly ReadonlyMap<string, Judgement>[];

function indexJudgements(evaluations: readonly Evaluation[]): JudgementIndex {
  return evaluations.map((e) => new Map(e.judgements.map((j) => [j.indicator.id, j])));
}

function tableRows(
  nodes: readonly PlanNode[],
  depth: number,
  input: ReportInput,
  texts: Texts,
  index: JudgementIndex,
  groups: readonly string[] = [],
): TableRow[] {
  return nodes.flatMap((node): TableRow[] => {
    if (node.kind === "group") {
      return [
        { kind: "group", title: node.title, depth },
        ...tableRows(node.children, depth + 1, input, texts, index, [...groups, node.title]),
      ];
    }
    const cells = index.map((judgements) =>
      periodCell(judgements.get(node.id) as Judgement, input, texts),
    );
    return [
      {
        kind: "indicator",
        id: node.id,
        title: node.title,
        groups,
        depth,
        unit: node.unit,
        owner: node.owner ?? null,
        target: formatTarget(input.plan, node, input.language) ?? texts.notApplicable,
        cells,
        current: cells.at(-1) as PeriodCell,
      },
    ];
  });
}

function periodCell(judgement: Judgement, input: ReportInput, texts: Texts): PeriodCell {
  const { indicator, realisation, status } = judgement;
  return {
    periodId: judgement.period.id,
    value: formatValue(realisation?.value, indicator, input.language),
    figure: recordedFigure(realisation?.value),
    target: formatAppliedTarget(input.plan, indicator, judgement.applied, input.language),
    status: { status, ...texts.status[status] },
    note: judgement.note,
    source: realisation?.source ?? indicator.source ?? null,
  };
}

function explanationBlock(
  judgement: Judgement,
  input: ReportInput,
  texts: Texts,
  index: JudgementIndex,
): ExplanationBlock {
  const { indicator, period } = judgement;
  const note = judgement.note as number;
  const value = formatValue(judgement.realisation?.value, indicator, input.language);
  const context = indicator.path.length > 2 ? indicator.path.slice(1) : [indicator.title];
  const explanation = input.explanations.find(
    (e) => e.periodId === period.id && e.indicatorId === indicator.id,
  );
  const source = judgement.realisation?.source ?? indicator.source;
  const facts: Fact[] = [
    { label: texts.facts.realisation(period.label), value },
    {
      label: texts.facts.target,
      value: formatTarget(input.plan, indicator, input.language) ?? texts.notApplicable,
    },
    { label: texts.facts.status, value: texts.status[judgement.status].label },
    ...(source ? [{ label: texts.facts.source, value: source }] : []),
    ...surveyFactList(input.plan, input.evaluations, judgement, texts, input.language),
  ];
  return {
    note,
    anchor: noteAnchor(texts, note),
    indicatorId: indicator.id,
    heading: `${context.join(" – ")}: ${value}`,
    facts,
    markdown: explanation?.markdown || null,
    draft: explanation?.markdown ? null : draftParagraph(judgement, input.plan, input.language),
    chart: chartData(
      indicator,
      index.map((judgements) => judgements.get(indicator.id) as Judgement),
      input.plan,
      input.language,
    ),
  };
}
