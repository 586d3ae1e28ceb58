/** The registers of a period, as GET /api/plans/:plan/periods/:period/registers gives them. */
import type {
  ArticleView,
  FindingView,
  MeasureView,
  RegistersView,
  RiskView,
} from "../../src/app/registers-view.js";
import { call } from "./api.js";
import type { Language } from "./texts.js";

export type { ArticleView, FindingView, MeasureView, RegistersView, RiskView };

export function registers(plan: string, period: string, language: Language) {
  return call<RegistersView>(
    `/api/plans/${encodeURIComponent(plan)}/periods/${encodeURIComponent(period)}/registers?language=${language}`,
  );
}

export interface AssessmentInput {
  readonly likelihood: number | null;
  readonly impact: number | null;
  readonly note: string | null;
  readonly version: number;
}

export function putAssessment(plan: string, period: string, risk: string, input: AssessmentInput) {
  return call<unknown>(
    `/api/plans/${encodeURIComponent(plan)}/periods/${encodeURIComponent(period)}/risks/${encodeURIComponent(risk)}/assessment`,
    { method: "PUT", body: JSON.stringify(input) },
  );
}
