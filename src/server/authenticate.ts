/**
 * The session cookie: set at sign-in, read on every request that needs someone signed in.
 * HttpOnly (no script reads it), SameSite=Strict (no other site sends it), and Secure when
 * configured or when the request came over https.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ServerConfig } from "../app/config.js";
import { UnauthenticatedError } from "../app/session-errors.js";
import { SESSION_HOURS, type Session, type SignedIn, sessionAccount } from "../app/sessions.js";
import type { Store } from "../store/open.js";

export const SESSION_COOKIE = "koers_session";

declare module "fastify" {
  interface FastifyRequest {
    /** Who is signed in; set by `requireSession` on every route behind it. */
    account: SignedIn | null;
  }
}

export function setSessionCookie(
  config: ServerConfig,
  request: FastifyRequest,
  reply: FastifyReply,
  session: Session,
): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: "strict",
    secure: config.secureCookies || request.protocol === "https",
    path: "/",
    maxAge: SESSION_HOURS * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE] || undefined;
}

/** Who is signed in, for a route behind `requireSession`. */
export function signedIn(request: FastifyRequest): SignedIn {
  if (!request.account) throw new UnauthenticatedError("sign in first: POST /api/session");
  return request.account;
}

/** Adds the check to every route registered in `scope` (and its children), before the body is read. */
export function requireSession(scope: FastifyInstance, store: Store): void {
  scope.addHook("onRequest", async (request) => {
    const token = sessionToken(request);
    const account = token ? await sessionAccount(store.db, token, new Date()) : undefined;
    if (!account) throw new UnauthenticatedError("sign in first: POST /api/session");
    request.account = account;
  });
}
