/** Upload of realisations as CSV or an Excel workbook: every row or none, every problem by line. */
import { errorCodes, type FastifyInstance } from "fastify";
import type { Account } from "../../app/accounts.js";
import { requireCan } from "../../app/authorization.js";
import { readablePlanDefinition } from "../../app/plan-access.js";
import { readUploadFile, type UploadFile, uploadRealisations } from "../../app/upload.js";
import { cellText, columnsOf } from "../../bundle/realisations-file.js";
import { indicatorsOf, type Plan } from "../../domain/plan.js";
import { signedIn } from "../authenticate.js";
import { planParams, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

/** An upload may be far larger than a JSON body: a year of a large plan's figures. */
export const UPLOAD_LIMIT = 32 * 1024 * 1024;

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A workbook is compressed, so this holds more figures than UPLOAD_LIMIT's CSV, while bounding
 * what is unpacked into memory.
 */
export const WORKBOOK_LIMIT = 8 * 1024 * 1024;

const mebibytes = (bytes: number) => `${bytes / 1024 / 1024} MiB`;

/**
 * Checks that the account may write the figures of every indicator the file names; unknown ids
 * and broken files are left to the upload itself, which reports them by line.
 */
function requireWritable(
  account: Account,
  organisation: string,
  plan: Plan,
  file: UploadFile,
): void {
  if (!file.table) return;
  const column = columnsOf(file.table).indexOf("indicator");
  const ids = new Set(file.table.rows.map((r) => cellText(r.cells[column] ?? "").trim()));
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
  scope.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: "buffer", bodyLimit: WORKBOOK_LIMIT },
    (_request, body, done) => done(null, body),
  );
  scope.post<{
    Params: { plan: string };
    Body: string | Buffer;
    Querystring: { preview?: "true" | "false" };
  }>(
    "/api/plans/:plan/realisations",
    {
      // No route-wide limit: it would override each content type's own.
      schema: {
        tags: ["realisations"],
        summary: "Upload realisations.csv (either dialect) or an Excel workbook: every row or none",
        description: `Send the file as \`text/csv\` (up to ${mebibytes(UPLOAD_LIMIT)}), or an .xlsx workbook as \`${XLSX_TYPE}\` (up to ${mebibytes(WORKBOOK_LIMIT)}) whose first sheet has the columns of realisations.csv in its first row. 400 lists every problem by line (\`line 7\`) or by sheet and row (\`sheet Blad1, row 7\`); nothing is written then.`,
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
        body: {
          content: {
            "text/csv": { schema: { type: "string", description: "realisations.csv" } },
            // OpenAPI 3.1 describes binary content by a schema that says nothing of it.
            [XLSX_TYPE]: { schema: { description: "the workbook's bytes" } },
          },
        },
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
      // Only a type a page on another site cannot send without asking Koers first.
      if (request.mediaType !== "text/csv" && request.mediaType !== XLSX_TYPE) {
        throw new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.mediaType);
      }
      const { plan } = request.params;
      const definition = await readablePlanDefinition(plans, account, plan);
      const file = await readUploadFile(request.body);
      requireWritable(account, definition.organisation, definition.plan, file);
      return uploadRealisations(
        store,
        plan,
        file,
        { actor: account.email, at: new Date().toISOString() },
        { preview: request.query.preview === "true" },
      );
    },
  );
}
