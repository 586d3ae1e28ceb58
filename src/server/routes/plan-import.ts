/** Importing a plan bundle sent as its files, checked as `koers import` checks a folder. */
import type { FastifyInstance } from "fastify";
import { type BundleFile, bundleFilesSchema, importPlanFiles } from "../../app/plan-import.js";
import { signedIn } from "../authenticate.js";
import { jsonSchema, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

/** A bundle is far larger than a JSON body usually is: a plan with a year of figures and texts. */
const BUNDLE_LIMIT = 32 * 1024 * 1024;

const flag = (description: string) => ({ type: "string", enum: ["true", "false"], description });

const summarySchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    organisation: { type: "string" },
    year: { type: "integer" },
    periods: {
      type: "array",
      items: {
        type: "object",
        properties: { id: { type: "string" }, label: { type: "string" } },
      },
    },
    indicators: { type: "integer" },
    realisations: { type: "integer" },
    explanations: { type: "integer" },
    sections: { type: "integer" },
    warnings: { type: "array", items: { type: "string" } },
    replaces: { type: "boolean", description: "a plan with this id is there: it is replaced" },
    imported: { type: "boolean" },
  },
} as const;

export function planImportRoute(scope: FastifyInstance, { store }: RouteContext): void {
  scope.post<{
    Body: { files: BundleFile[] };
    Querystring: { preview?: "true" | "false"; replace?: "true" | "false" };
  }>(
    "/api/plans",
    {
      bodyLimit: BUNDLE_LIMIT,
      schema: {
        tags: ["plans"],
        summary: "Import a plan bundle, sent as its files: all of it or nothing",
        description:
          "Each file's `path` is relative to the bundle folder (`plan.yaml`, `explanations/2025-10/x.md`). 422 lists every problem as `file:line: message` in `problems`; nothing is stored then.",
        security: SESSION_SECURITY,
        querystring: {
          type: "object",
          properties: {
            preview: flag("check the bundle and describe the plan; store nothing"),
            replace: flag("replace the plan with the same id; without it, that is refused (409)"),
          },
          additionalProperties: false,
        },
        body: jsonSchema(bundleFilesSchema),
        response: {
          200: summarySchema,
          201: summarySchema,
          ...signedInProblems(403, 409, 413, 422),
        },
      },
    },
    async (request, reply) => {
      const summary = await importPlanFiles(store, signedIn(request), request.body.files, {
        preview: request.query.preview === "true",
        replace: request.query.replace === "true",
        at: new Date().toISOString(),
      });
      return reply.code(summary.imported ? 201 : 200).send(summary);
    },
  );
}
