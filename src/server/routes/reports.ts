/** A period's exception report, rendered on request in any of `koers report`'s formats. */
import type { FastifyInstance } from "fastify";
import { REPORT_FORMATS, type ReportFormat } from "../../app/formats.js";
import { readableBundle, requirePeriodOf } from "../../app/plan-access.js";
import { buildReport, renderReport } from "../../app/report.js";
import { UserError } from "../../domain/errors.js";
import { LANGUAGES, type Language } from "../../domain/plan.js";
import { signedIn } from "../authenticate.js";
import { UnavailableError } from "../problems.js";
import { periodParams, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** Formats a browser should save rather than show. */
export const DOWNLOADS: ReadonlySet<ReportFormat> = new Set(["csv", "docx", "pdf"]);

/** The report page has inline styles and SVG charts, and never a script. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

async function render(model: Parameters<typeof renderReport>[0], format: ReportFormat) {
  try {
    return await renderReport(model, format);
  } catch (error) {
    // The PDF printer's only refusal is a missing Chromium: the server lacks it, not the request.
    if (format === "pdf" && error instanceof UserError) throw new UnavailableError(error.message);
    throw error;
  }
}

export function reportRoutes(scope: FastifyInstance, { plans }: RouteContext): void {
  scope.get<{
    Params: { plan: string; period: string };
    Querystring: { format?: ReportFormat; language?: Language };
  }>(
    "/api/plans/:plan/periods/:period/report",
    {
      schema: {
        tags: ["plans"],
        summary: "The exception report of one period",
        description: "PDF needs Chromium on the server; without it the answer is 503.",
        security: SESSION_SECURITY,
        params: periodParams,
        querystring: {
          type: "object",
          properties: {
            format: { type: "string", enum: [...REPORT_FORMATS], default: "html" },
            language: { type: "string", enum: [...LANGUAGES], description: "default: the plan's" },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            description: "the report",
            content: Object.fromEntries(
              Object.values(CONTENT_TYPES).map((type) => [type, { schema: { type: "string" } }]),
            ),
          },
          ...signedInProblems(403, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const { plan, period } = request.params;
      const format = request.query.format ?? "html";
      const bundle = await readableBundle(plans, signedIn(request), plan);
      requirePeriodOf(bundle.plan, period);
      const { model } = buildReport(bundle, period, request.query.language);
      const content = await render(model, format);
      reply.type(CONTENT_TYPES[format]);
      if (format === "html") reply.header("content-security-policy", REPORT_CSP);
      if (DOWNLOADS.has(format)) {
        reply.header("content-disposition", `attachment; filename="${plan}-${period}.${format}"`);
      }
      return reply.send(typeof content === "string" ? content : Buffer.from(content));
    },
  );
}
