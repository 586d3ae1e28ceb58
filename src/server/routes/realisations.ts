/** One realisation: read it with its version, and change it at the version read. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { requireCan } from "../../app/authorization.js";
import {
  entryRows,
  readablePlanDefinition,
  readRealisation,
  requireIndicator,
  requirePeriodOf,
} from "../../app/plan-access.js";
import { updateRealisation } from "../../app/realisations.js";
import { signedIn } from "../authenticate.js";
import {
  jsonSchema,
  periodParams,
  realisationParams,
  realisationRecordSchema,
  signedInProblems,
} from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

const change = z.strictObject({
  value: z
    .union([z.number(), z.string().max(100), z.null()])
    .describe("a number; met or not-met for a qualitative target; text as in realisations.csv"),
  source: z.string().max(2000).nullable().optional().describe("absent: kept as it was"),
  version: z.number().int().min(0).describe("the version read; 0 for a realisation not there yet"),
  notation: z
    .enum(["nl", "en"])
    .optional()
    .describe("how a text value writes its numbers: en 93.5 (default), nl 93,5 and 1.266"),
});

type Params = { plan: string; indicator: string; period: string };

const URL = "/api/plans/:plan/realisations/:indicator/:period";

export function realisationRoutes(scope: FastifyInstance, { store, plans }: RouteContext): void {
  scope.get<{ Params: { plan: string; period: string } }>(
    "/api/plans/:plan/periods/:period/realisations",
    {
      schema: {
        tags: ["realisations"],
        summary:
          "Every indicator's figure in a period, with its version and whether you may change it",
        security: SESSION_SECURITY,
        params: periodParams,
        response: {
          200: { type: "array", items: { type: "object", additionalProperties: true } },
          ...signedInProblems(403, 404),
        },
      },
    },
    async (request) => {
      const account = signedIn(request);
      const { plan, period } = request.params;
      const definition = await readablePlanDefinition(plans, account, plan);
      requirePeriodOf(definition.plan, period);
      return entryRows(store.db, account, definition.organisation, definition.plan, period);
    },
  );
  scope.get<{ Params: Params }>(
    URL,
    {
      schema: {
        tags: ["realisations"],
        summary: "One realisation with its version (0 when there is none yet)",
        security: SESSION_SECURITY,
        params: realisationParams,
        response: { 200: realisationRecordSchema, ...signedInProblems(403, 404) },
      },
    },
    async (request) => {
      const { plan, indicator, period } = request.params;
      const definition = await readablePlanDefinition(plans, signedIn(request), plan);
      requireIndicator(definition.plan, indicator);
      requirePeriodOf(definition.plan, period);
      return readRealisation(store.db, plan, indicator, period);
    },
  );
  scope.put<{ Params: Params; Body: z.infer<typeof change> }>(
    URL,
    {
      schema: {
        tags: ["realisations"],
        summary: "Change one realisation at the version read",
        description:
          "409 with `current` when the version is stale, 409 with `lock` when the period is not open.",
        security: SESSION_SECURITY,
        params: realisationParams,
        body: jsonSchema(change),
        response: { 200: realisationRecordSchema, ...signedInProblems(403, 404, 409) },
      },
    },
    async (request) => {
      const at = new Date().toISOString();
      const account = signedIn(request);
      const { plan, indicator, period } = request.params;
      const definition = await readablePlanDefinition(plans, account, plan);
      const target = requireIndicator(definition.plan, indicator);
      requirePeriodOf(definition.plan, period);
      requireCan(account, "write-figures", {
        organisation: definition.organisation,
        indicatorOwner: target.owner,
      });
      return updateRealisation(
        store,
        { planId: plan, indicatorId: indicator, periodId: period, ...request.body },
        { actor: account.email, at },
        definition.plan,
      );
    },
  );
}
