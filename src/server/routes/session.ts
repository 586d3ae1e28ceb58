/** Signing in and out, and who is signed in. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { endSession } from "../../app/sessions.js";
import { signIn } from "../../app/sign-in.js";
import { clearSessionCookie, sessionToken, setSessionCookie, signedIn } from "../authenticate.js";
import { accountSchema, jsonSchema, problems, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

const credentials = z.strictObject({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(1024),
});

const noContent = (description: string) => ({ type: "null", description }) as const;

/** POST /api/session: open to everyone, of course. */
export function signInRoute(scope: FastifyInstance, { config, store }: RouteContext): void {
  scope.post<{ Body: z.infer<typeof credentials> }>(
    "/api/session",
    {
      schema: {
        tags: ["session"],
        summary: "Sign in: sets the session cookie",
        body: jsonSchema(credentials),
        response: {
          204: noContent("signed in; the session cookie is set"),
          ...problems(401, 429),
        },
      },
    },
    async (request, reply) => {
      const session = await signIn(store.db, { ...request.body, address: request.ip }, new Date());
      setSessionCookie(config.server, request, reply, session);
      return reply.code(204).send();
    },
  );
}

/** GET and DELETE /api/session: behind a session. */
export function sessionRoutes(scope: FastifyInstance, { store }: RouteContext): void {
  scope.get(
    "/api/session",
    {
      schema: {
        tags: ["session"],
        summary: "Who is signed in, with their roles",
        security: SESSION_SECURITY,
        response: {
          200: {
            ...accountSchema,
            properties: { ...accountSchema.properties, expiresAt: { type: "string" } },
          },
          ...signedInProblems(),
        },
      },
    },
    async (request) => {
      const { email, roles, expiresAt } = signedIn(request);
      return { email, roles, expiresAt };
    },
  );
  scope.delete(
    "/api/session",
    {
      schema: {
        tags: ["session"],
        summary: "Sign out: ends the session",
        security: SESSION_SECURITY,
        response: { 204: noContent("signed out"), ...signedInProblems() },
      },
    },
    async (request, reply) => {
      const token = sessionToken(request);
      if (token) await endSession(store.db, token);
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );
}
