/** A period's life cycle (close, publish, reopen) and the reports published for it. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { requireCan } from "../../app/authorization.js";
import type { ReportFormat } from "../../app/formats.js";
import { closePeriod, publishPeriod, reopenPeriod } from "../../app/lifecycle.js";
import { readablePlanDefinition, requirePeriodOf } from "../../app/plan-access.js";
import { getPublished, publishedFile } from "../../app/publication.js";
import { signedIn } from "../authenticate.js";
import { jsonSchema, periodParams, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";
import { CONTENT_TYPES, DOWNLOADS, REPORT_CSP } from "./reports.js";

type Params = { plan: string; period: string };

const reopening = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

const stateSchema = {
  type: "object",
  properties: { plan: { type: "string" }, period: { type: "string" }, state: { type: "string" } },
  additionalProperties: true,
} as const;

export function periodRoutes(scope: FastifyInstance, { store, plans }: RouteContext): void {
  /** The period, after checking that `action` is allowed on its plan. */
  async function allowed(
    request: { params: Params },
    account: ReturnType<typeof signedIn>,
    action: "change-period" | "reopen-period",
  ) {
    const { plan, period } = request.params;
    const definition = await readablePlanDefinition(plans, account, plan);
    requirePeriodOf(definition.plan, period);
    requireCan(account, action, { organisation: definition.organisation });
    return { plan, period, by: { actor: account.email, at: new Date().toISOString() } };
  }

  scope.post<{ Params: Params }>(
    "/api/plans/:plan/periods/:period/close",
    {
      schema: {
        tags: ["periods"],
        summary: "Close an open period: its figures and explanations are locked",
        security: SESSION_SECURITY,
        params: periodParams,
        response: { 200: stateSchema, ...signedInProblems(403, 404, 409) },
      },
    },
    async (request) => {
      const { plan, period, by } = await allowed(request, signedIn(request), "change-period");
      return closePeriod(store, plan, period, by);
    },
  );

  scope.post<{ Params: Params }>(
    "/api/plans/:plan/periods/:period/publish",
    {
      schema: {
        tags: ["periods"],
        summary: "Publish a closed period: its report is stored in every format, with SHA-256",
        security: SESSION_SECURITY,
        params: periodParams,
        response: {
          200: { type: "object", additionalProperties: true },
          ...signedInProblems(403, 404, 409),
        },
      },
    },
    async (request) => {
      const { plan, period, by } = await allowed(request, signedIn(request), "change-period");
      return publishPeriod(store, plan, period, by);
    },
  );

  scope.post<{ Params: Params; Body: z.infer<typeof reopening> }>(
    "/api/plans/:plan/periods/:period/reopen",
    {
      schema: {
        tags: ["periods"],
        summary: "Reopen a closed or published period (administrators), with a reason",
        security: SESSION_SECURITY,
        params: periodParams,
        body: jsonSchema(reopening),
        response: { 200: stateSchema, ...signedInProblems(400, 403, 404, 409) },
      },
    },
    async (request) => {
      const { plan, period, by } = await allowed(request, signedIn(request), "reopen-period");
      return reopenPeriod(store, plan, period, request.body.reason, by);
    },
  );

  scope.get<{ Params: Params }>(
    "/api/plans/:plan/periods/:period/published",
    {
      schema: {
        tags: ["periods"],
        summary: "Every report file published for the period, with its SHA-256 and audit head",
        security: SESSION_SECURITY,
        params: periodParams,
        response: {
          200: { type: "array", items: { type: "object", additionalProperties: true } },
          ...signedInProblems(403, 404),
        },
      },
    },
    async (request) => {
      const { plan, period } = request.params;
      const definition = await readablePlanDefinition(plans, signedIn(request), plan);
      requirePeriodOf(definition.plan, period);
      return getPublished(store, plan, period);
    },
  );

  scope.get<{ Params: Params & { format: ReportFormat } }>(
    "/api/plans/:plan/periods/:period/published/:format",
    {
      schema: {
        tags: ["periods"],
        summary: "The latest published report file in one format, exactly as stored",
        security: SESSION_SECURITY,
        params: {
          ...periodParams,
          properties: {
            ...periodParams.properties,
            format: { type: "string", enum: Object.keys(CONTENT_TYPES) },
          },
          required: [...periodParams.required, "format"],
        },
        response: signedInProblems(403, 404),
      },
    },
    async (request, reply) => {
      const { plan, period, format } = request.params;
      const definition = await readablePlanDefinition(plans, signedIn(request), plan);
      requirePeriodOf(definition.plan, period);
      const file = await publishedFile(store, plan, period, format);
      reply.type(CONTENT_TYPES[format]).header("x-content-sha256", file.sha256);
      if (format === "html") reply.header("content-security-policy", REPORT_CSP);
      if (DOWNLOADS.has(format)) {
        reply.header("content-disposition", `attachment; filename="${plan}-${period}.${format}"`);
      }
      return reply.send(Buffer.from(file.content));
    },
  );
}
