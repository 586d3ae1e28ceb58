/** Builds a period's report from a bundle and renders it in one format. */
import type { Bundle } from "../bundle/read-bundle.js";
import type { Problem } from "../domain/errors.js";
import type { Evaluation } from "../domain/evaluate.js";
import type { Language } from "../domain/plan.js";
import { buildReportModel, type ReportAnchor, type ReportModel } from "../report/model.js";
import type { ReportFormat } from "./formats.js";
import { evaluateUpTo, explanationWarnings } from "./period.js";

export interface BuiltReport {
  readonly model: ReportModel;
  readonly warnings: readonly Problem[];
}

/** With `anchor`, the report is a published one and closes with the audit trail's head. */
export function buildReport(
  bundle: Bundle,
  periodId: string,
  language?: Language,
  anchor?: ReportAnchor,
): BuiltReport {
  return reportOf(bundle, evaluateUpTo(bundle, periodId), language, anchor);
}

/** The report of the last of `evaluations` (every period up to it, in plan order). */
export function reportOf(
  bundle: Bundle,
  evaluations: readonly Evaluation[],
  language?: Language,
  anchor?: ReportAnchor,
): BuiltReport {
  const reported = evaluations.at(-1);
  const model = buildReportModel({
    plan: bundle.plan,
    evaluations,
    explanations: bundle.explanations,
    sections: bundle.sections,
    language: language ?? bundle.plan.language,
    ...(anchor ? { anchor } : {}),
    ...(bundle.lineage ? { lineage: { entries: bundle.lineage, dir: bundle.dir } } : {}),
  });
  return { model, warnings: reported ? explanationWarnings(bundle, reported) : [] };
}

/**
 * Renders a report; text formats give a string, binary ones (Word, PDF) bytes. Each renderer
 * is loaded when asked for, so that a Markdown report does not wait for the chart engine.
 */
export async function renderReport(
  model: ReportModel,
  format: ReportFormat,
): Promise<string | Uint8Array> {
  switch (format) {
    case "html": {
      const [{ renderHtml }, { renderCharts }] = await Promise.all([
        import("../report/html.js"),
        import("../report/chart.js"),
      ]);
      return renderHtml(model, await renderCharts(model));
    }
    case "md":
      return (await import("../report/markdown-renderer.js")).renderMarkdown(model);
    case "csv":
      return (await import("../report/open-data.js")).renderOpenData(model);
    case "docx": {
      const [{ renderDocx }, { renderCharts }] = await Promise.all([
        import("../report/docx/document.js"),
        import("../report/chart.js"),
      ]);
      return renderDocx(model, await renderCharts(model));
    }
    case "pdf": {
      const [{ renderPdf }, html] = await Promise.all([
        import("../report/pdf.js"),
        renderReport(model, "html"),
      ]);
      return renderPdf(html as string, { title: model.title, language: model.language });
    }
    default: {
      const unknown: never = format;
      throw new Error(`no renderer for ${unknown}`);
    }
  }
}
