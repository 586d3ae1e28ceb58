/** The OpenAPI description and its browsable page; open to everyone, as the API is no secret. */
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";

const DOCS_PREFIX = "/api/docs";

export async function docsRoutes(scope: FastifyInstance): Promise<void> {
  scope.get("/api/openapi.json", { schema: { hide: true } }, async () => scope.swagger());
  await scope.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    uiConfig: { url: "/api/openapi.json", withCredentials: true },
    staticCSP: true,
    // Served over plain http on a laptop, so assets must not be forced onto https.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ""),
  });
}
