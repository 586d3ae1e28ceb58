/**
 * Changing register items other than a risk's assessment, each at the version read: a finding's
 * status in the period, a measure's status and due date, an article's lawfulness figures and a
 * register's narrative. Every change is refused in a period that is not open.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Account } from "../../app/accounts.js";
import { can } from "../../app/authorization.js";
import { ForbiddenError, NotFoundError } from "../../app/errors.js";
import { updateLawfulnessFigures } from "../../app/lawfulness-figures.js";
import { readablePlanDefinition, requirePeriodOf } from "../../app/plan-access.js";
import {
  measuresOf,
  REGISTERS,
  type RegisterName,
  updateFindingProgress,
  updateMeasure,
  updateNarrative,
} from "../../app/register-edits.js";
import { FINDING_STATES } from "../../domain/findings.js";
import type { Plan } from "../../domain/plan.js";
import { MEASURE_STATES } from "../../domain/registers.js";
import { signedIn } from "../authenticate.js";
import { jsonSchema, periodParams, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

/** Whether the account may change an item these owners answer for; no owner: editors only. */
export const writable =
  (account: Account, organisation: string) =>
  (...owners: string[]): boolean =>
    owners.length === 0
      ? can(account, "write-registers", { organisation })
      : owners.some((owner) =>
          can(account, "write-registers", { organisation, indicatorOwner: owner }),
        );

const version = z.number().int().min(0).describe("the version read; 0 for one not changed yet");
const note = z.string().max(2000).nullable();

const progressBody = z.strictObject({
  status: z.enum(FINDING_STATES as ["open", "resolved"]),
  note: note.describe("what the status rests on"),
  version,
});

const measureBody = z.strictObject({
  status: z.enum(MEASURE_STATES as ["planned", "in-progress", "done", "stopped"]),
  due: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
    .nullable()
    .describe("YYYY-MM-DD; null for none"),
  version,
});

const amount = z
  .string()
  .max(40)
  .nullable()
  .describe("euros as a decimal string, zero or more (1250000.50); all four or none");
const figuresBody = z.strictObject({
  basis: z.enum(["expected", "found"]),
  expenditure: amount,
  receipts: amount,
  errors: amount,
  uncertainties: amount,
  outlook: z.enum(["exceeds", "within"]).nullable().describe("only without amounts: as stated"),
  statedTolerance: z.string().max(200).nullable().describe("the tolerance as the source states it"),
  note: note.describe("required without amounts: why there are none"),
  version,
});

const narrativeBody = z.strictObject({
  markdown: z.string().max(20000).nullable().describe("Markdown; null or blank removes it"),
  version,
});

/** Path parameters: the period's, and the named ones. */
function params(named: Record<string, object>) {
  return {
    type: "object",
    properties: { ...periodParams.properties, ...named },
    required: [...periodParams.required, ...Object.keys(named)],
  } as const;
}
const id = { type: "string", minLength: 1, maxLength: 200 } as const;
/** A measure's position, from 0 (path parameters arrive as text). */
const index = { type: "string", pattern: "^[0-9]{1,4}$" } as const;

function schema(summary: string, path: Record<string, object>, body: z.ZodType) {
  const definition = {
    tags: ["plans"],
    summary,
    description:
      "409 with `current` when the version is stale, 409 with `lock` when the period is not open; 400 with `errors` by field when the input is bad or the register would no longer read.",
    security: SESSION_SECURITY,
    params: params(path),
    body: jsonSchema(body),
    response: {
      200: { type: "object", additionalProperties: true },
      ...signedInProblems(400, 403, 404, 409),
    },
  };
  return { schema: definition };
}

type PeriodParams = { plan: string; period: string };

export function registerEditRoutes(scope: FastifyInstance, { store, plans }: RouteContext): void {
  /** The plan and the account's right to change an item the owners answer for, or a refusal. */
  async function authorise(
    request: FastifyRequest<{ Params: PeriodParams }>,
    what: string,
    owners: (plan: Plan) => string[],
  ) {
    const account = signedIn(request);
    const { plan: planId, period } = request.params;
    const { plan, organisation } = await readablePlanDefinition(plans, account, planId);
    requirePeriodOf(plan, period);
    if (!writable(account, organisation)(...owners(plan))) {
      throw new ForbiddenError(`${account.email} may not change ${what}`);
    }
    return { planId, periodId: period, by: { actor: account.email, at: new Date().toISOString() } };
  }

  scope.put<{
    Params: PeriodParams & { finding: string };
    Body: z.infer<typeof progressBody>;
  }>(
    "/api/plans/:plan/periods/:period/findings/:finding/status",
    schema("Change an audit finding's status for the period", { finding: id }, progressBody),
    async (request) => {
      const { finding } = request.params;
      const { planId, periodId, by } = await authorise(request, `finding ${finding}`, (plan) => {
        if (!plan.registers?.findings?.findings.some((f) => f.id === finding)) {
          throw new NotFoundError(`plan ${plan.id} has no finding ${finding}`);
        }
        return [];
      });
      return updateFindingProgress(
        store,
        { planId, periodId, findingId: finding, ...request.body },
        by,
      );
    },
  );

  for (const register of ["risks", "findings"] as const) {
    const item = register === "risks" ? "risk" : "finding";
    scope.put<{
      Params: PeriodParams & { item: string; measure: string };
      Body: z.infer<typeof measureBody>;
    }>(
      `/api/plans/:plan/periods/:period/${register}/:item/measures/:measure`,
      schema(
        `Change the status and due date of a ${item}'s measure (by its position, from 0)`,
        { item: id, measure: index },
        measureBody,
      ),
      async (request) => {
        const { item: itemId } = request.params;
        const measure = Number(request.params.measure);
        const what = `measure ${measure} of ${item} ${itemId}`;
        const { planId, periodId, by } = await authorise(request, what, (plan) => {
          const found = measuresOf(plan, register, itemId)?.[measure];
          if (!found) throw new NotFoundError(`plan ${plan.id} has no ${what}`);
          const risk = plan.registers?.risks?.risks.find((r) => r.id === itemId);
          // A risk's owner answers for its mitigations too.
          return register === "risks" && risk ? [found.owner, risk.owner] : [found.owner];
        });
        return updateMeasure(
          store,
          { planId, periodId, register, itemId, index: measure, ...request.body },
          by,
        );
      },
    );
  }

  scope.put<{
    Params: PeriodParams & { article: string };
    Body: z.infer<typeof figuresBody>;
  }>(
    "/api/plans/:plan/periods/:period/lawfulness/:article/figures",
    schema(
      "Change a budget article's lawfulness figures for the period",
      { article: id },
      figuresBody,
    ),
    async (request) => {
      const { article } = request.params;
      const { planId, periodId, by } = await authorise(request, `article ${article}`, (plan) => {
        if (!plan.registers?.lawfulness?.articles.some((a) => a.id === article)) {
          throw new NotFoundError(`plan ${plan.id} has no budget article ${article}`);
        }
        return [];
      });
      return updateLawfulnessFigures(
        store,
        { planId, periodId, articleId: article, ...request.body },
        by,
      );
    },
  );

  scope.put<{
    Params: PeriodParams & { register: RegisterName };
    Body: z.infer<typeof narrativeBody>;
  }>(
    "/api/plans/:plan/periods/:period/registers/:register/narrative",
    schema(
      "Change the advisor's narrative of a register for the period",
      { register: { type: "string", enum: [...REGISTERS] } },
      narrativeBody,
    ),
    async (request) => {
      const { register } = request.params;
      const what = `the narrative of ${register}`;
      const { planId, periodId, by } = await authorise(request, what, (plan) => {
        if (!plan.registers?.[register]) {
          throw new NotFoundError(`plan ${plan.id} keeps no ${register} register`);
        }
        return [];
      });
      return updateNarrative(store, { planId, periodId, register, ...request.body }, by);
    },
  );
}
