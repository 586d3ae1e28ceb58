/** The JSON of `koers evaluate --json`: FORMAT.md's contract. */
import type { Evaluation, Status } from "../domain/evaluate.js";
import { formatAppliedTarget, isoDate, recordedFigure } from "../domain/format.js";
import type { IntentionJudgement } from "../domain/intentions.js";

export interface IndicatorJson {
  readonly id: string;
  readonly path: readonly string[];
  readonly target: string | null;
  readonly value: number | "met" | "not-met" | null;
  readonly status: Status;
  readonly note: number | null;
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

export function evaluationJson(evaluation: Evaluation): EvaluationJson {
  const { plan } = evaluation;
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
