/**
 * The HTTP server: `buildServer` wires the routes (tests use its `inject`), `startServer`
 * listens. It holds no state of its own: sessions, throttling and locks are in the database,
 * so several instances can serve behind one load balancer.
 */
import type { AddressInfo } from "node:net";
import cookie from "@fastify/cookie";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import type { Config } from "../app/config.js";
import { PlanCache } from "../app/plan-cache.js";
import type { Store } from "../store/open.js";
import { requireSession, SESSION_COOKIE } from "./authenticate.js";
import { notFoundHandler, problemHandler } from "./problems.js";
import { auditRoutes } from "./routes/audit.js";
import { checkRoutes } from "./routes/check.js";
import type { RouteContext } from "./routes/context.js";
import { dashboardRoutes } from "./routes/dashboard.js";
import { diffRoutes } from "./routes/diff.js";
import { docsRoutes } from "./routes/docs.js";
import { indicatorRoutes } from "./routes/indicators.js";
import { periodRoutes } from "./routes/periods.js";
import { planRoutes } from "./routes/plans.js";
import { realisationRoutes } from "./routes/realisations.js";
import { registersRoutes } from "./routes/registers.js";
import { reportRoutes } from "./routes/reports.js";
import { sessionRoutes, signInRoute } from "./routes/session.js";
import { taskRoutes } from "./routes/tasks.js";
import { uploadRoutes } from "./routes/upload.js";
import { userRoutes } from "./routes/users.js";
import { securityHeaders } from "./security-headers.js";
import { webApp } from "./web-app.js";

/** JSON bodies up to 1 MiB; a route that takes uploads sets its own, larger `bodyLimit`. */
const BODY_LIMIT = 1024 * 1024;

export function buildServer(config: Config, store: Store): FastifyInstance {
  const { logLevel, trustProxy } = config.server;
  const app = Fastify({
    logger: logLevel === "silent" ? false : { level: logLevel },
    bodyLimit: BODY_LIMIT,
    // Only the nearest `trustProxy` hops are believed (Fastify's own rule for a hop count).
    trustProxy: trustProxy > 0 ? (_address: string, hop: number) => hop < trustProxy : false,
    // Bodies are checked as sent: no coercion of "3" to 3, no silent dropping of unknown fields.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true } },
  });
  app.decorateRequest("account", null);
  app.setErrorHandler(problemHandler);
  app.setNotFoundHandler(notFoundHandler);
  securityHeaders(app);
  app.register(cookie);
  app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Koers API",
        version: "1",
        description:
          "Annual-plan indicators, their realisations, evaluations and exception reports. Errors are application/problem+json (RFC 9457).",
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE } },
      },
    },
  });
  const context: RouteContext = { config, store, plans: new PlanCache(store) };
  app.register(async (open) => {
    signInRoute(open, context);
    await docsRoutes(open);
    await webApp(open);
  });
  app.register(async (api) => {
    requireSession(api, store);
    sessionRoutes(api, context);
    planRoutes(api, context);
    realisationRoutes(api, context);
    reportRoutes(api, context);
    auditRoutes(api, context);
    userRoutes(api, context);
    periodRoutes(api, context);
    checkRoutes(api, context);
    dashboardRoutes(api, context);
    registersRoutes(api, context);
    diffRoutes(api, context);
    indicatorRoutes(api, context);
    uploadRoutes(api, context);
    taskRoutes(api, context);
  });
  return app;
}

/** Listens as configured; the URL has the port really bound (port 0 picks a free one). */
export async function startServer(
  config: Config,
  store: Store,
): Promise<{ app: FastifyInstance; url: string }> {
  const app = buildServer(config, store);
  await app.listen({ port: config.server.port, host: config.server.host });
  const { port } = app.server.address() as AddressInfo;
  const host = config.server.host.includes(":") ? `[${config.server.host}]` : config.server.host;
  return { app, url: `http://${host}:${port}/` };
}
