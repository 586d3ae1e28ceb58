/** One indicator over the whole year, for the web app's indicator page. */
import type { FastifyInstance } from "fastify";
import { indicatorDetail } from "../../app/indicator-detail.js";
import { LANGUAGES, type Language } from "../../domain/plan.js";
import { signedIn } from "../authenticate.js";
import { signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

const id = { type: "string", minLength: 1, maxLength: 200 } as const;

export function indicatorRoutes(scope: FastifyInstance, { store, plans }: RouteContext): void {
  scope.get<{ Params: { plan: string; indicator: string }; Querystring: { language?: Language } }>(
    "/api/plans/:plan/indicators/:indicator",
    {
      schema: {
        tags: ["plans"],
        summary:
          "An indicator's definition, every period's figure with who entered it, its status, explanations and trend chart",
        security: SESSION_SECURITY,
        params: {
          type: "object",
          properties: { plan: id, indicator: id },
          required: ["plan", "indicator"],
        },
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
    async (request) =>
      indicatorDetail(store.db, plans, signedIn(request), request.params, request.query.language),
  );
}
