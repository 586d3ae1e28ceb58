/**
 * The plan's registers (risks, audit findings, lawfulness) in one period, with their history,
 * and changing a risk's assessment at the version read (the other items: register-edits.ts).
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ForbiddenError, NotFoundError } from "../../app/errors.js";
import { readablePlanDefinition, requirePeriodOf } from "../../app/plan-access.js";
import { registerVersions } from "../../app/register-writes.js";
import { REGISTER_ACTIONS } from "../../app/registers-access.js";
import { registersView } from "../../app/registers-view.js";
import { updateRiskAssessment } from "../../app/risk-assessments.js";
import { LANGUAGES, type Language, type Plan } from "../../domain/plan.js";
import { renderMarkdown } from "../../report/html.js";
import { signedIn } from "../authenticate.js";
import { jsonSchema, periodParams, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";
import { registerEditRoutes, writable } from "./register-edits.js";

const score = z.number().int().min(1).max(5).nullable();
const assessment = z.strictObject({
  likelihood: score.describe("1 to 5; null together with impact when there is no score"),
  impact: score.describe("1 to 5; null together with likelihood when there is no score"),
  note: z.string().max(2000).nullable().describe("required when there is no score"),
  version: z.number().int().min(0).describe("the version read; 0 for one not changed yet"),
});

const riskParams = {
  type: "object",
  properties: {
    ...periodParams.properties,
    risk: { type: "string", minLength: 1, maxLength: 200 },
  },
  required: [...periodParams.required, "risk"],
} as const;

function requireRiskOwner(plan: Plan, riskId: string): string {
  const risk = plan.registers?.risks?.risks.find((r) => r.id === riskId);
  if (!risk) throw new NotFoundError(`plan ${plan.id} has no risk ${riskId}`);
  return risk.owner;
}

export function registersRoutes(scope: FastifyInstance, context: RouteContext): void {
  const { store, plans } = context;
  scope.get<{ Params: { plan: string; period: string }; Querystring: { language?: Language } }>(
    "/api/plans/:plan/periods/:period/registers",
    {
      schema: {
        tags: ["plans"],
        summary:
          "The risks, audit findings and lawfulness of the period as the report judges them, each with its history",
        security: SESSION_SECURITY,
        params: periodParams,
        querystring: {
          type: "object",
          properties: { language: { type: "string", enum: [...LANGUAGES] } },
          additionalProperties: false,
        },
        response: {
          200: { type: "object", additionalProperties: true },
          ...signedInProblems(403, 404),
        },
      },
    },
    async (request) => {
      const account = signedIn(request);
      const { plan: planId, period: periodId } = request.params;
      // The registers live in the plan's definition: its figures are not needed.
      const { plan, organisation } = await readablePlanDefinition(plans, account, planId);
      const period = requirePeriodOf(plan, periodId);
      const versions = await registerVersions(store.db, planId, REGISTER_ACTIONS);
      return registersView(plan, period, request.query.language ?? plan.language, {
        versions,
        writable: writable(account, organisation),
        render: (markdown, id) => renderMarkdown(markdown, 2, id),
      });
    },
  );
  scope.put<{
    Params: { plan: string; period: string; risk: string };
    Body: z.infer<typeof assessment>;
  }>(
    "/api/plans/:plan/periods/:period/risks/:risk/assessment",
    {
      schema: {
        tags: ["plans"],
        summary: "Change a risk's assessment for the period at the version read",
        description:
          "409 with `current` when the version is stale, 409 with `lock` when the period is not open; 400 with the register's own messages when it would no longer read.",
        security: SESSION_SECURITY,
        params: riskParams,
        body: jsonSchema(assessment),
        response: {
          200: { type: "object", additionalProperties: true },
          ...signedInProblems(400, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const at = new Date().toISOString();
      const account = signedIn(request);
      const { plan: planId, period, risk } = request.params;
      const { plan, organisation } = await readablePlanDefinition(plans, account, planId);
      requirePeriodOf(plan, period);
      const owner = requireRiskOwner(plan, risk);
      // Editors, admins, and the risk's own owner.
      if (!writable(account, organisation)(owner)) {
        throw new ForbiddenError(`${account.email} may not change the assessment of risk ${risk}`);
      }
      return updateRiskAssessment(
        store,
        { planId, riskId: risk, periodId: period, ...request.body },
        { actor: account.email, at },
      );
    },
  );
  registerEditRoutes(scope, context);
}
