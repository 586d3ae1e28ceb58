/**
 * Every error becomes an `application/problem+json` answer (RFC 9457), here and nowhere else:
 * the app's refusals by their class, Fastify's own (bad JSON, wrong types, too large) by their
 * status, and anything else as a 500 that shows nothing of the bug but is logged.
 */
import { STATUS_CODES } from "node:http";
import type {
  FastifyError,
  FastifyReply,
  FastifyRequest,
  FastifySchemaValidationError,
} from "fastify";
import {
  ConflictError,
  ForbiddenError,
  LockedError,
  NotFoundError,
  ValidationError,
} from "../app/errors.js";
import { ThrottledError, UnauthenticatedError } from "../app/session-errors.js";
import { formatProblem, ProblemsError, UserError } from "../domain/errors.js";

/** The app needs something the machine lacks (Chromium for PDF): 503. */
export class UnavailableError extends UserError {}

interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly FieldProblem[];
  readonly current?: unknown;
  readonly lock?: unknown;
  readonly problems?: readonly string[];
}

const PROBLEM_TYPE = "urn:koers:problem:";

function problem(status: number, slug: string, detail: string, extra: object = {}): Problem {
  return {
    type: `${PROBLEM_TYPE}${slug}`,
    title: STATUS_CODES[status] ?? "Error",
    status,
    detail,
    ...extra,
  };
}

/** Ajv's errors, one per field; a failed `anyOf` lists the types the field may have. */
function fieldProblems(errors: readonly FastifySchemaValidationError[]): FieldProblem[] {
  const byField = new Map<string, FastifySchemaValidationError[]>();
  for (const error of errors) {
    const named = error.params.missingProperty ?? error.params.additionalProperty;
    const path = error.instancePath.replace(/^\//, "").replaceAll("/", ".");
    const field = [path, named].filter((p) => p !== undefined && p !== "").join(".") || "body";
    byField.set(field, [...(byField.get(field) ?? []), error]);
  }
  return [...byField].map(([field, list]) => {
    if (list.some((e) => e.keyword === "anyOf")) {
      const types = list.filter((e) => e.keyword === "type").map((e) => String(e.params.type));
      return { field, message: `must be ${types.join(" or ")}` };
    }
    const messages = list.map((e) =>
      e.keyword === "additionalProperties" ? "is not allowed" : (e.message ?? e.keyword),
    );
    return { field, message: [...new Set(messages)].join("; ") };
  });
}

function problemOf(error: unknown): Problem | undefined {
  if (error instanceof ValidationError) {
    return problem(400, "validation", error.message, { errors: error.fields });
  }
  if (error instanceof ConflictError) {
    return problem(409, "conflict", error.message, { current: error.current });
  }
  if (error instanceof LockedError)
    return problem(409, "locked", error.message, { lock: error.lock });
  if (error instanceof NotFoundError) return problem(404, "not-found", error.message);
  if (error instanceof ForbiddenError) return problem(403, "forbidden", error.message);
  if (error instanceof UnauthenticatedError) return problem(401, "unauthenticated", error.message);
  if (error instanceof ThrottledError) return problem(429, "throttled", error.message);
  if (error instanceof UnavailableError) return problem(503, "unavailable", error.message);
  if (error instanceof ProblemsError) {
    return problem(422, "invalid-bundle", "the plan bundle has problems; nothing was stored", {
      problems: error.problems.map(formatProblem),
    });
  }
  if (error instanceof UserError) return problem(400, "bad-request", error.message);
  const fastify = error as Partial<FastifyError>;
  if (fastify.validation) {
    return problem(400, "validation", `invalid ${fastify.validationContext ?? "request"}`, {
      errors: fieldProblems(fastify.validation),
    });
  }
  const status = fastify.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return problem(status, status === 413 ? "too-large" : "bad-request", fastify.message ?? "");
  }
  return undefined;
}

async function sendProblem(reply: FastifyReply, value: Problem): Promise<void> {
  await reply.code(value.status).type("application/problem+json; charset=utf-8").send(value);
}

export async function problemHandler(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const known = problemOf(error);
  if (error instanceof ThrottledError) reply.header("retry-after", String(error.retryAfterSeconds));
  if (known) return sendProblem(reply, known);
  request.log.error({ err: error }, "unexpected error");
  return sendProblem(reply, problem(500, "internal", "an unexpected error; it has been logged"));
}

export async function notFoundHandler(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  await sendProblem(
    reply,
    problem(404, "not-found", `no ${request.method} ${request.url.split("?")[0]}`),
  );
}
