/** The audit trail, page by page (editors and admins with a role for all organisations). */
import type { FastifyInstance } from "fastify";
import { AUDIT_PAGE_MAX, readAudit } from "../../app/audit-trail.js";
import { requireCan } from "../../app/authorization.js";
import { signedIn } from "../authenticate.js";
import { signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

const json = { description: "JSON, null for none" };

const entrySchema = {
  type: "object",
  properties: {
    seq: { type: "integer" },
    at: { type: "string" },
    actor: { type: "string" },
    action: { type: "string" },
    entity: { type: "string" },
    entityKey: { type: "string" },
    before: json,
    after: json,
    prevHash: { type: "string" },
    hash: { type: "string" },
  },
} as const;

// Query values arrive as text; they are checked as digits rather than coerced, like bodies.
const digits = (description: string) =>
  ({ type: "string", pattern: "^[0-9]{1,15}$", description }) as const;

export function auditRoutes(scope: FastifyInstance, { store }: RouteContext): void {
  scope.get<{ Querystring: { after?: string; limit?: string } }>(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Entries of the audit trail after a sequence number, oldest first",
        security: SESSION_SECURITY,
        querystring: {
          type: "object",
          properties: {
            after: digits("the last sequence number already read; default 0"),
            limit: digits(`how many entries at most; default 100, at most ${AUDIT_PAGE_MAX}`),
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: "object",
            properties: { entries: { type: "array", items: entrySchema } },
          },
          ...signedInProblems(403),
        },
      },
    },
    async (request) => {
      // The trail spans every organisation, so only a role for all of them may read it.
      requireCan(signedIn(request), "read-audit", { organisation: null });
      const after = Number(request.query.after ?? 0);
      const limit = Math.max(1, Number(request.query.limit ?? 100));
      return { entries: await readAudit(store.db, after, limit) };
    },
  );
}
