/** The JSON of `koers evaluate --json`: FORMAT.md's contract. */
import type { LineageEntry } from "../bundle/lineage-file.js";
import type { Lineage } from "../domain/computation.js";
import type { Evaluation, Status } from "../domain/evaluate.js";
import { formatAppliedTarget, isoDate, recordedFigure } from "../domain/format.js";
import type { IntentionJudgement } from "../domain/intentions.js";
import type { Realisation } from "../domain/plan.js";
import type { IndicatorForecast } from "../domain/year-end-forecast.js";
import { type ForecastJson, forecastJson } from "./forecast-json.js";
import { type MarginJson, surveyJson, type TrendJson } from "./survey-json.js";

export interface IndicatorJson {
  readonly id: string;
  readonly path: readonly string[];
  readonly target: string | null;
  readonly value: number | "met" | "not-met" | null;
  readonly status: Status;
  readonly note: number | null;
  /** The year-end forecast (an addition to FORMAT.md); null for an indicator not forecast. */
  readonly forecast: ForecastJson | null;
  /** The survey margin (an addition to FORMAT.md); null without a percentage and sample size. */
  readonly margin: MarginJson | null;
  /** The change against earlier measurements (an addition to FORMAT.md); null without any. */
  readonly trend: TrendJson | null;
  /** How a computed figure came about (an addition to FORMAT.md): only for computed figures. */
  readonly lineage?: Lineage;
}

export interface MilestoneJson {
  readonly id: string;
  readonly title: string;
  readonly planned: string;
  /** The date it is due by as of the period, when it moved from `planned`. */
  readonly revised: string | null;
  /** Every due date up to the period, oldest first, with the period that moved it (null: the plan). */
  readonly dueDates: readonly { readonly date: string; readonly period: string | null }[];
  /** The progress reported at or before the period: done, on-schedule, at-risk, behind, cancelled. */
  readonly progress: string | null;
  readonly reason: string | null;
  readonly done: string | null;
  readonly late: boolean;
  readonly status: Status;
}

export interface IntentionJson {
  readonly id: string;
  readonly path: readonly string[];
  readonly status: Status;
  readonly note: number | null;
  readonly milestones: readonly MilestoneJson[];
}

export interface EvaluationJson {
  readonly plan: string;
  readonly period: string;
  readonly indicators: readonly IndicatorJson[];
  readonly exceptions: readonly string[];
  /** Present when the plan has intentions; their notes follow the indicators'. */
  readonly intentions?: readonly IntentionJson[];
}

/**
 * `forecasts`: the period's year-end forecasts by indicator id; `realisations`: the bundle's,
 * whose earlier periods the trends look back on.
 */
export function evaluationJson(
  evaluation: Evaluation,
  forecasts: ReadonlyMap<string, IndicatorForecast>,
  realisations: readonly Realisation[],
  lineage: readonly LineageEntry[] = [],
): EvaluationJson {
  const { plan } = evaluation;
  const computed = new Map(
    lineage.filter((l) => l.period === evaluation.period.id).map((l) => [l.indicator, l]),
  );
  return {
    plan: plan.id,
    period: evaluation.period.id,
    indicators: evaluation.judgements.map((j) => ({
      id: j.indicator.id,
      path: j.indicator.path,
      target: formatAppliedTarget(plan, j.indicator, j.applied, plan.language),
      value: recordedFigure(j.realisation?.value),
      status: j.status,
      note: j.note,
      forecast: forecastJson(j.indicator, forecasts.get(j.indicator.id), plan.language),
      ...surveyJson(plan, realisations, j),
      ...lineageJson(computed.get(j.indicator.id)),
    })),
    exceptions: evaluation.exceptions.map((j) => j.indicator.id),
    ...(plan.intentions ? { intentions: evaluation.intentions.map(intentionJson) } : {}),
  };
}

function intentionJson(judgement: IntentionJudgement): IntentionJson {
  const { intention } = judgement;
  return {
    id: intention.id,
    path: intention.group ? [intention.group, intention.title] : [intention.title],
    status: judgement.status,
    note: judgement.note,
    milestones: judgement.milestones.map(({ milestone, due, history, progress, status, late }) => ({
      id: milestone.id,
      title: milestone.title,
      planned: isoDate(milestone.planned),
      revised: history.length > 1 ? isoDate(due) : null,
      dueDates: history.map((h) => ({ date: isoDate(h.date), period: h.periodId })),
      progress: progress?.state ?? null,
      reason: progress?.reason ?? null,
      done: progress?.date ? isoDate(progress.date) : null,
      late,
      status,
    })),
  };
}

function lineageJson(entry: LineageEntry | undefined): { lineage?: Lineage } {
  if (!entry) return {};
  const { indicator: _indicator, period: _period, value: _value, ...lineage } = entry;
  return { lineage };
}
