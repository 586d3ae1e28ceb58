/**
 * The registers of one period as the app shows them: each item judged as the report judges it,
 * with its history over the plan's periods up to that one. Amounts come as decimal strings and
 * as the report writes them, so the app and the report never disagree.
 */

import { decimalToString } from "../domain/decimal.js";
import { type FindingJudgement, judgeFindings } from "../domain/findings.js";
import { isoDate } from "../domain/format.js";
import { type ArticleJudgement, judgeLawfulness, shareOf } from "../domain/lawfulness.js";
import type { Language, Period, Plan } from "../domain/plan.js";
import { type Measure, measureOverdue } from "../domain/registers.js";
import { judgeRisks, type RiskJudgement, type ScoreChange } from "../domain/risks.js";
import { euro, percent } from "../report/lawfulness-section.js";
import {
  type RegistersReport,
  registersReport,
  type ToleranceWarningRow,
} from "../report/registers-model.js";
import { REGISTER_TEXTS } from "../report/registers-texts.js";
import {
  FIGURES_ACTION,
  type FiguresEntry,
  figuresEntry,
  figuresKey,
} from "./lawfulness-figures.js";
import { PROGRESS_ACTION, progressKey, type RegisterName } from "./register-edits.js";
import {
  type Editable,
  measureAccess,
  type NarrativeView,
  narrativeViews,
  type RegisterAccess,
} from "./registers-access.js";
import { ASSESSMENT_ACTION, assessmentKey } from "./risk-assessments.js";

export type { RegisterAccess } from "./registers-access.js";

export interface MeasureView extends Editable {
  /** The measure's position in its item's list, from 0: how a change names it. */
  readonly index: number;
  readonly title: string;
  readonly owner: string;
  readonly status: Measure["status"];
  readonly due: string | null;
  readonly overdue: boolean;
}

export interface RiskView extends Editable {
  readonly id: string;
  readonly title: string;
  readonly cause: string | null;
  readonly effect: string | null;
  readonly owner: string;
  readonly likelihood: number | null;
  readonly impact: number | null;
  readonly score: number | null;
  readonly previousScore: number | null;
  readonly change: ScoreChange;
  readonly flagged: boolean;
  readonly note: string | null;
  readonly measures: readonly MeasureView[];
  readonly history: readonly {
    readonly period: string;
    readonly likelihood: number | null;
    readonly impact: number | null;
    readonly score: number | null;
    readonly change: ScoreChange;
    readonly note: string | null;
  }[];
}

export interface FindingView extends Editable {
  readonly id: string;
  readonly title: string;
  readonly sources: readonly string[];
  readonly year: number | null;
  readonly classification: string;
  readonly description: string | null;
  readonly resolveBy: string | null;
  readonly state: FindingJudgement["state"];
  readonly overdue: boolean;
  readonly note: string | null;
  readonly measures: readonly MeasureView[];
  readonly history: readonly {
    readonly period: string;
    readonly state: FindingJudgement["state"];
    readonly overdue: boolean;
    readonly note: string | null;
  }[];
}

/** An amount as a decimal string and as the report writes it. */
export interface Amount {
  readonly value: string;
  readonly text: string;
}

export interface ToleranceView {
  readonly base: Amount;
  readonly errorsAndUncertainties: Amount;
  readonly articleLimit: Amount;
  readonly chapterRoom: Amount;
  readonly effective: Amount;
  /** The effective tolerance as a percentage of the base, as the report writes it. */
  readonly effectivePercent: string;
  readonly boundBy: "article" | "chapter";
  readonly excess: Amount;
  readonly exceeds: boolean;
}

export interface ArticleView extends Editable {
  readonly id: string;
  readonly title: string;
  readonly ministry: string;
  readonly chapter: string | null;
  readonly article: string | null;
  readonly basis: "expected" | "found" | null;
  readonly tolerance: ToleranceView | null;
  readonly statedTolerance: string | null;
  readonly outlook: "exceeds" | "within" | null;
  readonly warning: boolean;
  readonly note: string | null;
  readonly rule: { readonly article: string; readonly chapter: string; readonly source: string };
  /** The period's figures as written, for the form: amounts as decimal strings. */
  readonly figures: FiguresEntry;
  readonly history: readonly {
    readonly period: string;
    readonly basis: "expected" | "found" | null;
    readonly outlook: "exceeds" | "within" | null;
    readonly excess: Amount | null;
  }[];
}

export interface RegistersView {
  readonly language: Language;
  readonly period: { readonly id: string; readonly label: string };
  /** The plan's periods up to and including this one: the columns of each item's history. */
  readonly periods: readonly { readonly id: string; readonly label: string }[];
  /** Null for a register the plan does not keep. */
  readonly risks: readonly RiskView[] | null;
  readonly findings: readonly FindingView[] | null;
  readonly lawfulness: readonly ArticleView[] | null;
  readonly toleranceWarnings: readonly ToleranceWarningRow[];
  /** The advisor's narrative of each register in the period; null for a register not kept. */
  readonly narratives: Readonly<Record<RegisterName, NarrativeView | null>>;
}

function measureView(
  measure: Measure,
  until: Period["until"],
  editable: (index: number, owner: string) => Editable,
  index: number,
): MeasureView {
  return {
    index,
    ...editable(index, measure.owner),
    title: measure.title,
    owner: measure.owner,
    status: measure.status,
    due: measure.due ? isoDate(measure.due) : null,
    overdue: measureOverdue(measure, until),
  };
}

function riskView(
  j: RiskJudgement,
  history: RiskView["history"],
  period: Period,
  access: RegisterAccess,
): RiskView {
  const { risk, assessment } = j;
  return {
    id: risk.id,
    title: risk.title,
    cause: risk.cause ?? null,
    effect: risk.effect ?? null,
    owner: risk.owner,
    likelihood: assessment?.likelihood ?? null,
    impact: assessment?.impact ?? null,
    score: j.score,
    previousScore: j.previousScore,
    change: j.change,
    flagged: j.flagged,
    note: assessment?.note ?? null,
    version: access.versions.of(ASSESSMENT_ACTION, assessmentKey(risk.id, period.id)),
    writable: access.writable(risk.owner),
    measures: risk.measures.map((m, i) =>
      measureView(m, period.until, measureAccess(access, "risks", risk.id, risk.owner), i),
    ),
    history,
  };
}

function findingView(
  j: FindingJudgement,
  history: FindingView["history"],
  period: Period,
  access: RegisterAccess,
) {
  const { finding } = j;
  return {
    version: access.versions.of(PROGRESS_ACTION, progressKey(finding.id, period.id)),
    writable: access.writable(),
    id: finding.id,
    title: finding.title,
    sources: finding.sources,
    year: finding.year ?? null,
    classification: finding.classification,
    description: finding.description ?? null,
    resolveBy: finding.resolveBy ? isoDate(finding.resolveBy) : null,
    state: j.state,
    overdue: j.overdue,
    note: j.progress?.note ?? null,
    measures: finding.measures.map((m, i) =>
      measureView(m, period.until, measureAccess(access, "findings", finding.id), i),
    ),
    history,
  } satisfies FindingView;
}

function amount(value: Parameters<typeof euro>[0], language: Language): Amount {
  return { value: decimalToString(value), text: euro(value, language) };
}

function toleranceView(j: ArticleJudgement, language: Language): ToleranceView | null {
  const t = j.tolerance;
  if (!t) return null;
  return {
    base: amount(t.base, language),
    errorsAndUncertainties: amount(t.errorsAndUncertainties, language),
    articleLimit: amount(t.articleLimit, language),
    chapterRoom: amount(t.chapterRoom, language),
    effective: amount(t.effective, language),
    effectivePercent: percent(shareOf(t.effective, t.base, 1), language),
    boundBy: t.boundBy,
    excess: amount(t.excess, language),
    exceeds: t.exceeds,
  };
}

function articleView(
  j: ArticleJudgement,
  history: ArticleView["history"],
  language: Language,
  editable: Editable,
) {
  const rule = j.article.rule ?? j.chapter.rule;
  return {
    ...editable,
    id: j.article.id,
    title: j.article.title,
    ministry: j.chapter.ministry,
    chapter: j.chapter.chapter ?? null,
    article: j.article.article ?? null,
    basis: j.figures?.basis ?? null,
    tolerance: toleranceView(j, language),
    statedTolerance: j.figures?.statedTolerance ?? null,
    outlook: j.outlook,
    warning: j.warning,
    note: j.figures?.note ?? null,
    rule: {
      article: percent(rule.article, language),
      chapter: percent(j.chapter.rule.chapter, language),
      source: rule.source,
    },
    figures: figuresEntry(j.figures),
    history,
  } satisfies ArticleView;
}

/** `judge` run for every period up to `period`, each item's judgements in period order. */
function over<J>(periods: readonly Period[], judge: (p: Period) => readonly J[]) {
  const judged = periods.map((p) => ({ period: p.id, items: judge(p) }));
  return (index: number) => judged.map(({ period, items }) => ({ period, j: items[index] as J }));
}

export function registersView(
  plan: Plan,
  period: Period,
  language: Language,
  access: RegisterAccess,
): RegistersView {
  const periods = plan.periods.slice(0, plan.periods.findIndex((p) => p.id === period.id) + 1);
  const { risks, findings, lawfulness } = plan.registers ?? {};
  const riskHistory = risks && over(periods, (p) => judgeRisks(plan, risks, p));
  const findingHistory = findings && over(periods, (p) => judgeFindings(plan, findings, p));
  const articleHistory = lawfulness && over(periods, (p) => judgeLawfulness(lawfulness, p));
  return {
    language,
    period: { id: period.id, label: period.label },
    periods: periods.map((p) => ({ id: p.id, label: p.label })),
    risks: risks
      ? judgeRisks(plan, risks, period).map((j, i) =>
          riskView(j, riskRows(riskHistory?.(i) ?? []), period, access),
        )
      : null,
    findings: findings
      ? judgeFindings(plan, findings, period).map((j, i) =>
          findingView(j, findingRows(findingHistory?.(i) ?? []), period, access),
        )
      : null,
    lawfulness: lawfulness
      ? judgeLawfulness(lawfulness, period).map((j, i) =>
          articleView(j, articleRows(articleHistory?.(i) ?? [], language), language, {
            version: access.versions.of(FIGURES_ACTION, figuresKey(j.article.id, period.id)),
            writable: access.writable(),
          }),
        )
      : null,
    toleranceWarnings: registersReport(plan, period, language)?.toleranceWarnings ?? [],
    narratives: narrativeViews(plan, period, access),
  };
}

type Judged<J> = readonly { readonly period: string; readonly j: J }[];

function riskRows(judged: Judged<RiskJudgement>): RiskView["history"] {
  return judged.map(({ period, j }) => ({
    period,
    likelihood: j.assessment?.likelihood ?? null,
    impact: j.assessment?.impact ?? null,
    score: j.score,
    change: j.change,
    note: j.assessment?.note ?? null,
  }));
}

function findingRows(judged: Judged<FindingJudgement>): FindingView["history"] {
  return judged.map(({ period, j }) => ({
    period,
    state: j.state,
    overdue: j.overdue,
    note: j.progress?.periodId === period ? (j.progress.note ?? null) : null,
  }));
}

function articleRows(judged: Judged<ArticleJudgement>, language: Language): ArticleView["history"] {
  return judged.map(({ period, j }) => ({
    period,
    basis: j.figures?.basis ?? null,
    outlook: j.outlook,
    excess: j.tolerance?.exceeds ? amount(j.tolerance.excess, language) : null,
  }));
}

/** The tolerance excesses among the dashboard's early warnings, in the report's words. */
export interface ToleranceWarnings {
  readonly heading: string;
  readonly introduction: string;
  readonly rows: readonly ToleranceWarningRow[];
}

export function toleranceWarningsOf(
  registers: RegistersReport | null,
  language: Language,
): ToleranceWarnings | null {
  const rows = registers?.toleranceWarnings ?? [];
  if (rows.length === 0) return null;
  const t = REGISTER_TEXTS[language];
  return { heading: t.earlyWarningsHeading, introduction: t.lawfulness.warningsIntro, rows };
}
