/** CSV upload of realisations: every row or none, with every problem by line. */
import type { FastifyInstance } from "fastify";
import type { Account } from "../../app/accounts.js";
import { requireCan } from "../../app/authorization.js";
import { readablePlanDefinition } from "../../app/plan-access.js";
import { uploadRealisations } from "../../app/upload.js";
import { parseCsv } from "../../bundle/csv.js";
import { detectDialect } from "../../bundle/realisations-file.js";
import { indicatorsOf, type Plan } from "../../domain/plan.js";
import { signedIn } from "../authenticate.js";
import { planParams, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

/** An upload may be far larger than a JSON body: a year of a large plan's figures. */
export const UPLOAD_LIMIT = 32 * 1024 * 1024;

/**
 * Checks that the account may write the figures of every indicator the file names; unknown ids
 * and broken files are left to the upload itself, which reports them by line.
 */
function requireWritable(account: Account, organisation: string, plan: Plan, csv: string): void {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(csv, detectDialect(csv.replace(/^\uFEFF/, "")));
  } catch {
    return;
  }
  const [header, ...rows] = records;
  const column = header?.cells.findIndex((c) => c.trim().toLowerCase() === "indicator") ?? -1;
  const ids = new Set(rows.map((r) => (r.cells[column] ?? "").trim()));
  for (const indicator of indicatorsOf(plan.nodes).filter((i) => ids.has(i.id))) {
    requireCan(account, "write-figures", { organisation, indicatorOwner: indicator.owner });
  }
}

export function uploadRoutes(scope: FastifyInstance, { store, plans }: RouteContext): void {
  scope.addContentTypeParser(
    "text/csv",
    { parseAs: "string", bodyLimit: UPLOAD_LIMIT },
    (_request, body, done) => done(null, body),
  );
  scope.post<{
    Params: { plan: string };
    Body: string;
    Querystring: { preview?: "true" | "false" };
  }>(
    "/api/plans/:plan/realisations",
    {
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: ["realisations"],
        summary: "Upload realisations.csv (either dialect): every row or none",
        description:
          "Send the file as `text/csv`. 400 lists every problem by line; nothing is written then.",
        security: SESSION_SECURITY,
        params: planParams,
        querystring: {
          type: "object",
          properties: {
            preview: {
              type: "string",
              enum: ["true", "false"],
              description: "check and say what would change; write nothing",
            },
          },
          additionalProperties: false,
        },
        consumes: ["text/csv"],
        response: {
          200: {
            type: "object",
            properties: {
              rows: { type: "integer" },
              inserted: { type: "integer" },
              updated: { type: "integer" },
              unchanged: { type: "integer" },
              changes: { type: "array", items: { type: "object", additionalProperties: true } },
            },
          },
          ...signedInProblems(400, 403, 404, 409, 413, 415),
        },
      },
    },
    async (request) => {
      const account = signedIn(request);
      const { plan } = request.params;
      const definition = await readablePlanDefinition(plans, account, plan);
      requireWritable(account, definition.organisation, definition.plan, request.body);
      return uploadRealisations(
        store,
        plan,
        request.body,
        { actor: account.email, at: new Date().toISOString() },
        { preview: request.query.preview === "true" },
      );
    },
  );
}
