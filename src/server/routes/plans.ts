/** The plans someone may read, and a period's evaluation: exactly `koers evaluate --json`. */
import type { FastifyInstance } from "fastify";
import { evaluationJson } from "../../app/evaluation-json.js";
import { bundleForecasts } from "../../app/forecast-json.js";
import { evaluateBundlePeriod } from "../../app/period.js";
import { readableBundle, readablePlans, requirePeriodOf } from "../../app/plan-access.js";
import { signedIn } from "../authenticate.js";
import { periodParams, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";
import { planImportRoute } from "./plan-import.js";

const planSummarySchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    organisation: { type: "string" },
    year: { type: "integer" },
    periods: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "string" },
          state: { type: "string", enum: ["open", "closed", "published"] },
        },
      },
    },
  },
} as const;

/** FORMAT.md's JSON, property for property in its order. */
const evaluationSchema = {
  type: "object",
  properties: {
    plan: { type: "string" },
    period: { type: "string" },
    indicators: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "string" },
          path: { type: "array", items: { type: "string" } },
          target: { anyOf: [{ type: "string" }, { type: "null" }] },
          value: { anyOf: [{ type: "number" }, { type: "string" }, { type: "null" }] },
          status: {
            type: "string",
            enum: ["no-target", "pending", "met", "behind-plan", "not-met"],
          },
          note: { anyOf: [{ type: "integer" }, { type: "null" }] },
          forecast: {
            anyOf: [{ type: "object", additionalProperties: true }, { type: "null" }],
            description: "The year-end forecast; see docs/cli.md",
          },
        },
      },
    },
    exceptions: { type: "array", items: { type: "string" } },
  },
} as const;

export function planRoutes(scope: FastifyInstance, context: RouteContext): void {
  const { store, plans } = context;
  planImportRoute(scope, context);
  scope.get(
    "/api/plans",
    {
      schema: {
        tags: ["plans"],
        summary: "The plans you may read, with their periods and each period's state",
        security: SESSION_SECURITY,
        response: { 200: { type: "array", items: planSummarySchema }, ...signedInProblems() },
      },
    },
    async (request) => readablePlans(store.db, signedIn(request)),
  );
  scope.get<{ Params: { plan: string; period: string } }>(
    "/api/plans/:plan/periods/:period/evaluation",
    {
      schema: {
        tags: ["plans"],
        summary: "Every indicator judged in one period: the JSON of `koers evaluate --json`",
        security: SESSION_SECURITY,
        params: periodParams,
        response: { 200: evaluationSchema, ...signedInProblems(403, 404) },
      },
    },
    async (request, reply) => {
      const { plan, period } = request.params;
      const bundle = await readableBundle(plans, signedIn(request), plan);
      requirePeriodOf(bundle.plan, period);
      // Kept serialised: a plan's evaluation is read far more often than it changes.
      const json = await plans.derive(
        plan,
        `evaluation ${period}`,
        (current) =>
          JSON.stringify(
            evaluationJson(
              evaluateBundlePeriod(current, period),
              bundleForecasts(current, period),
              current.realisations,
            ),
          ),
        bundle.seq,
      );
      return reply.type("application/json; charset=utf-8").send(json);
    },
  );
}
