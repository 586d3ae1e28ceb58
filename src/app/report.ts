/** Builds a period's report from a bundle and renders it in one format. */
import type { Bundle } from "../bundle/read-bundle.js";
import type { Problem } from "../domain/errors.js";
import type { Evaluation } from "../domain/evaluate.js";
import type { Language } from "../domain/plan.js";
import { renderHtml } from "../report/html.js";
import { renderMarkdown } from "../report/markdown-renderer.js";
import { buildReportModel, type ReportModel } from "../report/model.js";
import { evaluateUpTo, explanationWarnings } from "./period.js";

export const REPORT_FORMATS = ["html", "md"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface BuiltReport {
  readonly model: ReportModel;
  readonly warnings: readonly Problem[];
}

export function buildReport(bundle: Bundle, periodId: string, language?: Language): BuiltReport {
  return reportOf(bundle, evaluateUpTo(bundle, periodId), language);
}

/** The report of the last of `evaluations` (every period up to it, in plan order). */
export function reportOf(
  bundle: Bundle,
  evaluations: readonly Evaluation[],
  language?: Language,
): BuiltReport {
  const reported = evaluations.at(-1);
  const model = buildReportModel({
    plan: bundle.plan,
    evaluations,
    explanations: bundle.explanations,
    sections: bundle.sections,
    language: language ?? bundle.plan.language,
  });
  return { model, warnings: reported ? explanationWarnings(bundle, reported) : [] };
}

export function renderReport(model: ReportModel, format: ReportFormat): string {
  switch (format) {
    case "html":
      return renderHtml(model);
    case "md":
      return renderMarkdown(model);
    default: {
      const unknown: never = format;
      throw new Error(`no renderer for ${unknown}`);
    }
  }
}
