/**
 * The web app at `/`: the files `npm run build` puts in dist/web. Without them (a checkout
 * that was not built), `/` leads to the API's documentation instead.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

export const WEB_ROOT = fileURLToPath(new URL("../../dist/web/", import.meta.url));

/** The app's page may run its own script and talk to its own server, and nothing else. */
const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export async function webApp(scope: FastifyInstance): Promise<void> {
  if (!existsSync(`${WEB_ROOT}index.html`)) {
    scope.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply.redirect("/api/docs/"),
    );
    return;
  }
  await scope.register(fastifyStatic, { root: WEB_ROOT, prefix: "/", index: ["index.html"] });
  scope.addHook("onSend", async (request, reply, payload) => {
    if (!request.url.startsWith("/api/")) reply.header("content-security-policy", APP_CSP);
    return payload;
  });
}
