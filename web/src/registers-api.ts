/** The registers of a period, as GET /api/plans/:plan/periods/:period/registers gives them. */

import type { NarrativeView } from "../../src/app/registers-access.js";
import type {
  ArticleView,
  FindingView,
  MeasureView,
  RegistersView,
  RiskView,
} from "../../src/app/registers-view.js";
import { call } from "./api.js";
import type { Language } from "./texts.js";

export type { ArticleView, FindingView, MeasureView, NarrativeView, RegistersView, RiskView };

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

const periodUrl = (plan: string, period: string) =>
  `/api/plans/${encodeURIComponent(plan)}/periods/${encodeURIComponent(period)}`;

const put = (url: string, input: object) =>
  call<unknown>(url, { method: "PUT", body: JSON.stringify(input) });

export interface FindingStatusInput {
  readonly status: FindingView["state"];
  readonly note: string | null;
  readonly version: number;
}

export const putFindingStatus = (
  plan: string,
  period: string,
  finding: string,
  input: FindingStatusInput,
) => put(`${periodUrl(plan, period)}/findings/${encodeURIComponent(finding)}/status`, input);

export interface MeasureInput {
  readonly status: MeasureView["status"];
  readonly due: string | null;
  readonly version: number;
}

/** A measure of a risk or of a finding, by its position in the item's list. */
export const putMeasure = (
  plan: string,
  period: string,
  of: { register: "risks" | "findings"; item: string; index: number },
  input: MeasureInput,
) =>
  put(
    `${periodUrl(plan, period)}/${of.register}/${encodeURIComponent(of.item)}/measures/${of.index}`,
    input,
  );

export type FiguresInput = Omit<ArticleView["figures"], "basis"> & {
  readonly basis: "expected" | "found";
  readonly version: number;
};

export const putFigures = (plan: string, period: string, article: string, input: FiguresInput) =>
  put(`${periodUrl(plan, period)}/lawfulness/${encodeURIComponent(article)}/figures`, input);

export type RegisterName = keyof RegistersView["narratives"];

export const putNarrative = (
  plan: string,
  period: string,
  register: RegisterName,
  input: { readonly markdown: string | null; readonly version: number },
) => put(`${periodUrl(plan, period)}/registers/${register}/narrative`, input);
