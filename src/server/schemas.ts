/**
 * The JSON schemas the routes share: for validating requests, serialising answers and the
 * OpenAPI description. Request bodies come from zod schemas, so a body's type and its check
 * are one definition.
 */
import { z } from "zod";

/**
 * A zod schema as a JSON schema Fastify's validator (draft 7) takes. With `io: "input"`, what
 * the schema accepts before its transforms (trimming, lower case) run.
 */
export function jsonSchema(
  schema: z.ZodType,
  io: "input" | "output" = "output",
): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: "draft-7", io });
  return rest;
}

export const problemSchema = {
  type: "object",
  description: "RFC 9457 problem details",
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        properties: { field: { type: "string" }, message: { type: "string" } },
      },
    },
    current: { type: "object", additionalProperties: true },
    lock: {
      type: "object",
      properties: {
        plan: { type: "string" },
        period: { type: "string" },
        state: { type: "string" },
      },
    },
    problems: {
      type: "array",
      items: { type: "string" },
      description: "every problem of a rejected plan bundle, as `file:line: message`",
    },
  },
  required: ["type", "title", "status", "detail"],
} as const;

/** The problems a route can answer with, besides its own; every route may refuse bad input. */
export function problems(...statuses: number[]): Record<number, typeof problemSchema> {
  return Object.fromEntries([400, ...statuses].map((status) => [status, problemSchema]));
}

/** The problems of every route that needs a session. */
export const signedInProblems = (...statuses: number[]) => problems(401, ...statuses);

const text = (maxLength = 200) => ({ type: "string", minLength: 1, maxLength }) as const;

export const planParams = {
  type: "object",
  properties: { plan: text() },
  required: ["plan"],
} as const;

export const periodParams = {
  type: "object",
  properties: { plan: text(), period: text() },
  required: ["plan", "period"],
} as const;

export const realisationParams = {
  type: "object",
  properties: { plan: text(), indicator: text(), period: text() },
  required: ["plan", "indicator", "period"],
} as const;

const nullableText = { anyOf: [{ type: "string" }, { type: "null" }] } as const;

export const realisationRecordSchema = {
  type: "object",
  properties: {
    indicator: { type: "string" },
    period: { type: "string" },
    value: { anyOf: [{ type: "number" }, { type: "string" }, { type: "null" }] },
    source: nullableText,
    version: { type: "integer", description: "0 when there is no realisation yet" },
    updatedBy: nullableText,
    updatedAt: nullableText,
  },
  required: ["indicator", "period", "value", "source", "version", "updatedBy", "updatedAt"],
} as const;

export const roleGrantSchema = {
  type: "object",
  properties: {
    role: { type: "string", enum: ["admin", "editor", "owner", "viewer"] },
    organisation: { ...nullableText, description: "null: every organisation" },
  },
  required: ["role", "organisation"],
} as const;

export const accountSchema = {
  type: "object",
  properties: {
    email: { type: "string" },
    roles: { type: "array", items: roleGrantSchema },
  },
  required: ["email", "roles"],
} as const;
