/** The differences between two published reports of a plan. */
import type { FastifyInstance } from "fastify";
import { readablePlanDefinition } from "../../app/plan-access.js";
import { diffPublished } from "../../app/published-diff.js";
import { signedIn } from "../authenticate.js";
import { planParams, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

const periodId = { type: "string", minLength: 1, maxLength: 200 } as const;

export function diffRoutes(scope: FastifyInstance, { store, plans }: RouteContext): void {
  scope.get<{ Params: { plan: string }; Querystring: { from: string; to: string } }>(
    "/api/plans/:plan/diff",
    {
      schema: {
        tags: ["periods"],
        summary:
          "What changed between two published periods: exceptions, figures, targets, explanations, intentions",
        security: SESSION_SECURITY,
        params: planParams,
        querystring: {
          type: "object",
          properties: { from: periodId, to: periodId },
          required: ["from", "to"],
          additionalProperties: false,
        },
        response: {
          200: { type: "object", additionalProperties: true },
          ...signedInProblems(400, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const definition = await readablePlanDefinition(
        plans,
        signedIn(request),
        request.params.plan,
      );
      return diffPublished(store, definition.plan, request.query.from, request.query.to);
    },
  );
}
