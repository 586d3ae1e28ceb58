/**
 * Headers every answer carries, without a helmet dependency: no MIME sniffing, no framing, no
 * referrer, not cached (answers hold figures before publication). A route that serves a page
 * (the report, the API docs) sets its own Content-Security-Policy; all else is data and gets
 * the strictest.
 */
import type { FastifyInstance } from "fastify";

const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

export function securityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "no-referrer");
    if (!reply.hasHeader("content-security-policy")) {
      reply.header("content-security-policy", DATA_CSP);
    }
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    return payload;
  });
}
