/** The check before publishing: the figures the period's texts state, held against its data. */
import type { FastifyInstance } from "fastify";
import { checkPeriod } from "../../app/check.js";
import { readableBundle, requirePeriodOf } from "../../app/plan-access.js";
import { signedIn } from "../authenticate.js";
import { periodParams, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

const findings = {
  type: "array",
  items: {
    type: "object",
    properties: {
      file: { type: "string" },
      line: { type: "integer" },
      kind: { type: "string" },
      stated: { type: "string" },
      message: { type: "string" },
    },
    required: ["file", "line", "kind", "stated", "message"],
  },
} as const;

export function checkRoutes(scope: FastifyInstance, { plans }: RouteContext): void {
  scope.get<{ Params: { plan: string; period: string } }>(
    "/api/plans/:plan/periods/:period/check",
    {
      schema: {
        tags: ["periods"],
        summary: "Every figure the period's explanations and sections state, against its data",
        description:
          "As `koers check`: mismatches, and changes against measurements that are not in the data.",
        security: SESSION_SECURITY,
        params: periodParams,
        response: {
          200: {
            type: "object",
            properties: {
              plan: { type: "string" },
              period: { type: "string" },
              texts: { type: "integer" },
              checked: { type: "integer" },
              consistent: { type: "boolean" },
              mismatches: findings,
              unverifiable: findings,
            },
          },
          ...signedInProblems(403, 404),
        },
      },
    },
    async (request) => {
      const { plan, period } = request.params;
      const bundle = await readableBundle(plans, signedIn(request), plan);
      requirePeriodOf(bundle.plan, period);
      const result = checkPeriod(bundle, period);
      return { ...result, consistent: result.mismatches.length === 0 };
    },
  );
}
