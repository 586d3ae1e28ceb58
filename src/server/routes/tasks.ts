/**
 * The explanation workflow: the period's tasks (one per exception), one task with what its
 * writer needs beside the editor, the steps save, submit, return and approve, the due date, and
 * a preview of Markdown as the report renders it.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Account } from "../../app/accounts.js";
import { requireCan } from "../../app/authorization.js";
import { setExplanationsDue } from "../../app/explanation-due.js";
import { MAX_COMMENT, MAX_MARKDOWN, takeStep } from "../../app/explanation-steps.js";
import { periodTasks, requireTask, summaries } from "../../app/explanation-tasks.js";
import { readableBundle, requirePeriodOf } from "../../app/plan-access.js";
import { LANGUAGES, type Language } from "../../domain/plan.js";
import { renderMarkdown } from "../../report/html.js";
import { signedIn } from "../authenticate.js";
import { jsonSchema, periodParams, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

type Params = { plan: string; period: string };
type TaskParams = Params & { subject: string; step?: string };

const languageQuery = {
  type: "object",
  properties: { language: { type: "string", enum: [...LANGUAGES] } },
  additionalProperties: false,
} as const;

const taskParams = {
  type: "object",
  properties: {
    plan: { type: "string", minLength: 1, maxLength: 200 },
    period: { type: "string", minLength: 1, maxLength: 200 },
    subject: { type: "string", minLength: 1, maxLength: 200 },
  },
  required: ["plan", "period", "subject"],
} as const;

const STEPS = ["save", "submit", "return", "approve"] as const;

const stepBody = z.strictObject({
  version: z.number().int().min(0).describe("the version read; 0 while nothing is written"),
  markdown: z.string().max(MAX_MARKDOWN).optional().describe("save: the text"),
  comment: z.string().max(MAX_COMMENT).optional().describe("return: what should change"),
});

const dueBody = z.strictObject({
  date: z.string().nullable().describe("YYYY-MM-DD; null: two weeks after the period ends"),
});

const previewBody = z.strictObject({ markdown: z.string().max(MAX_MARKDOWN) });

/** The server's calendar date: the day its users live in, not UTC's. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const anyObject = { type: "object", additionalProperties: true } as const;

export function taskRoutes(scope: FastifyInstance, { store, plans }: RouteContext): void {
  async function tasksOf(account: Account, params: Params, language?: Language) {
    const bundle = await readableBundle(plans, account, params.plan);
    requirePeriodOf(bundle.plan, params.period);
    const { organisation } = await plans.definition(params.plan);
    const scope = { db: store.db, bundle, organisation, periodId: params.period, today: today() };
    return { organisation, tasks: await periodTasks(scope, account, language) };
  }

  scope.get<{ Params: Params; Querystring: { language?: Language } }>(
    "/api/plans/:plan/periods/:period/tasks",
    {
      schema: {
        tags: ["explanations"],
        summary: "The period's explanation tasks, one per exception, with state and due date",
        security: SESSION_SECURITY,
        params: periodParams,
        querystring: languageQuery,
        response: { 200: { type: "array", items: anyObject }, ...signedInProblems(403, 404) },
      },
    },
    async (request) =>
      summaries((await tasksOf(signedIn(request), request.params, request.query.language)).tasks),
  );

  scope.get<{ Params: TaskParams; Querystring: { language?: Language } }>(
    "/api/plans/:plan/periods/:period/tasks/:subject",
    {
      schema: {
        tags: ["explanations"],
        summary: "One task: its text, the approved text, the figures and last period's text",
        security: SESSION_SECURITY,
        params: taskParams,
        querystring: languageQuery,
        response: { 200: anyObject, ...signedInProblems(403, 404) },
      },
    },
    async (request) => {
      const { params } = request;
      const { tasks } = await tasksOf(signedIn(request), params, request.query.language);
      const task = requireTask(tasks, params.subject, params.period);
      return {
        ...task,
        previous: task.previous && {
          ...task.previous,
          html: renderMarkdown(task.previous.markdown, 2, "previous"),
        },
      };
    },
  );

  scope.post<{ Params: TaskParams; Body: z.infer<typeof stepBody> }>(
    "/api/plans/:plan/periods/:period/tasks/:subject/:step",
    {
      schema: {
        tags: ["explanations"],
        summary: "Take a step: save, submit, return (with a comment) or approve",
        description:
          "409 with `current` when the version is stale or the state does not allow the step; 409 with `lock` when the period is not open.",
        security: SESSION_SECURITY,
        params: {
          ...taskParams,
          properties: { ...taskParams.properties, step: { type: "string", enum: [...STEPS] } },
          required: [...taskParams.required, "step"],
        },
        body: jsonSchema(stepBody),
        response: { 200: anyObject, ...signedInProblems(400, 403, 404, 409) },
      },
    },
    async (request) => {
      const at = new Date().toISOString();
      const account = signedIn(request);
      const { params } = request;
      const { organisation, tasks } = await tasksOf(account, params);
      const task = requireTask(tasks, params.subject, params.period);
      return takeStep(
        store,
        { planId: params.plan, periodId: params.period, organisation },
        task,
        { step: params.step as (typeof STEPS)[number], ...request.body },
        account,
        at,
      );
    },
  );

  scope.put<{ Params: Params; Body: z.infer<typeof dueBody> }>(
    "/api/plans/:plan/periods/:period/explanations-due",
    {
      schema: {
        tags: ["explanations"],
        summary: "Set the date the period's explanations are due",
        security: SESSION_SECURITY,
        params: periodParams,
        body: jsonSchema(dueBody),
        response: { 204: { type: "null" }, ...signedInProblems(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const account = signedIn(request);
      const { plan, period } = request.params;
      const definition = await plans.definition(plan);
      requireCan(account, "read-plan", { organisation: definition.organisation });
      requirePeriodOf(definition.plan, period);
      requireCan(account, "change-period", { organisation: definition.organisation });
      await setExplanationsDue(store, { planId: plan, periodId: period }, request.body.date, {
        actor: account.email,
        at: new Date().toISOString(),
      });
      return reply.code(204).send();
    },
  );

  scope.post<{ Body: z.infer<typeof previewBody> }>(
    "/api/markdown-preview",
    {
      schema: {
        tags: ["explanations"],
        summary: "Markdown rendered as the report renders it (raw HTML escaped)",
        security: SESSION_SECURITY,
        body: jsonSchema(previewBody),
        response: {
          200: { type: "object", properties: { html: { type: "string" } }, required: ["html"] },
          ...signedInProblems(),
        },
      },
    },
    async (request) => ({ html: renderMarkdown(request.body.markdown, 2, "preview") }),
  );
}
