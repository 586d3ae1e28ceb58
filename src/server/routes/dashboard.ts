/**
 * What the web app's dashboard shows of a period: the report's own table and introduction,
 * built by the same report model, so the app and the report never disagree.
 */
import type { FastifyInstance } from "fastify";
import { readableBundle, requirePeriodOf } from "../../app/plan-access.js";
import { toleranceWarningsOf } from "../../app/registers-view.js";
import { buildReport } from "../../app/report.js";
import type { Bundle } from "../../bundle/read-bundle.js";
import { LANGUAGES, type Language } from "../../domain/plan.js";
import { signedIn } from "../authenticate.js";
import { ResponseCache } from "../response-cache.js";
import { periodParams, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

/** A few plans × periods × languages: each answer of a large plan is about a megabyte. */
const CACHED = 24;

export function dashboardRoutes(scope: FastifyInstance, { plans }: RouteContext): void {
  const cache = new ResponseCache(CACHED);
  scope.get<{ Params: { plan: string; period: string }; Querystring: { language?: Language } }>(
    "/api/plans/:plan/periods/:period/dashboard",
    {
      schema: {
        tags: ["plans"],
        summary: "The period's indicator table and introduction, as the report shows them",
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
    async (request, reply) => {
      const { plan, period } = request.params;
      const bundle = await readableBundle(plans, signedIn(request), plan);
      requirePeriodOf(bundle.plan, period);
      const language = request.query.language ?? bundle.plan.language;
      const key = JSON.stringify([plan, period, language]);
      const json = await cache.json(key, bundle.seq, () => dashboardOf(bundle, period, language));
      return reply.type("application/json; charset=utf-8").send(json);
    },
  );
}

function dashboardOf(bundle: Bundle, period: string, language: Language) {
  const { model } = buildReport(bundle, period, language);
  return {
    language: model.language,
    title: model.title,
    planTitle: model.planTitle,
    period: model.period,
    periods: model.periods,
    introduction: model.introduction,
    table: model.table,
    earlyWarnings: model.earlyWarnings,
    toleranceWarnings: toleranceWarningsOf(model.registers, model.language),
    intentions: model.intentions,
    intentionRows: model.intentionRows,
    notes: model.explanations.map((e) => ({
      note: e.note,
      heading: e.heading,
      facts: e.facts,
    })),
  };
}
