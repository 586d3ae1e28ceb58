/** The risk register judged in one period: each risk's score and how it moved (pure). */
import type { Period, Plan } from "./plan.js";
import { type Measure, measureOverdue, type RegisterText } from "./registers.js";

/** Likelihood and impact on a scale of 1 to 5; both absent when the source gives none. */
export interface RiskAssessment {
  readonly periodId: string;
  readonly likelihood?: number;
  readonly impact?: number;
  readonly note?: string;
}

export interface Risk {
  readonly id: string;
  readonly title: string;
  readonly cause?: string;
  readonly effect?: string;
  readonly owner: string;
  readonly measures: readonly Measure[];
  /** In the order of the plan's periods. */
  readonly assessments: readonly RiskAssessment[];
}

export interface RiskRegister extends RegisterText {
  readonly risks: readonly Risk[];
}

export type ScoreChange = "rose" | "fell" | "same" | "new" | "not-scored" | "not-assessed";

export interface RiskJudgement {
  readonly risk: Risk;
  readonly assessment: RiskAssessment | undefined;
  readonly score: number | null;
  readonly previousScore: number | null;
  readonly change: ScoreChange;
  /** A rise in score is flagged in the report. */
  readonly flagged: boolean;
  readonly overdueMeasures: readonly Measure[];
}

export function riskScore(assessment: RiskAssessment | undefined): number | null {
  if (assessment?.likelihood === undefined || assessment.impact === undefined) return null;
  return assessment.likelihood * assessment.impact;
}

function change(
  assessment: RiskAssessment | undefined,
  score: number | null,
  previous: number | null,
): ScoreChange {
  if (!assessment) return "not-assessed";
  if (score === null) return "not-scored";
  if (previous === null) return "new";
  return score > previous ? "rose" : score < previous ? "fell" : "same";
}

/** Compares each risk's assessment in `period` with that of the period before it in the plan. */
export function judgeRisks(plan: Plan, register: RiskRegister, period: Period): RiskJudgement[] {
  const index = plan.periods.findIndex((p) => p.id === period.id);
  const before = index > 0 ? plan.periods[index - 1] : undefined;
  return register.risks.map((risk) => {
    const assessment = risk.assessments.find((a) => a.periodId === period.id);
    const score = riskScore(assessment);
    const previousScore = riskScore(risk.assessments.find((a) => a.periodId === before?.id));
    const moved = change(assessment, score, previousScore);
    return {
      risk,
      assessment,
      score,
      previousScore,
      change: moved,
      flagged: moved === "rose",
      overdueMeasures: risk.measures.filter((m) => measureOverdue(m, period.until)),
    };
  });
}
