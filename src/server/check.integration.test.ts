/** The check before publishing over HTTP, on the stored example plan, on every engine. */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../testing/engines.js";
import { ACCOUNTS, PLAN, seed, signInCookie, testConfig } from "../testing/server.js";
import { buildServer } from "./server.js";

describeEachEngine("the check of a period's figures over HTTP", ({ store, config }) => {
  let app: FastifyInstance;
  let viewer: string;
  beforeAll(async () => {
    await seed(store());
    app = buildServer(testConfig(config()), store());
    viewer = await signInCookie(app, ACCOUNTS.viewer.email);
  });
  afterAll(() => app?.close());

  it("finds the stored explanations consistent and lists the unverifiable change apart", async () => {
    const response = await app.inject({
      url: `/api/plans/${PLAN}/periods/2025-10/check`,
      headers: { cookie: viewer },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      plan: PLAN,
      period: "2025-10",
      consistent: true,
      mismatches: [],
      unverifiable: [{ file: "2025-10/burgerbelofte-2-tevreden.md", line: 1, kind: "change" }],
    });
  });

  it("answers 404 for a period the plan does not have", async () => {
    const response = await app.inject({
      url: `/api/plans/${PLAN}/periods/2099/check`,
      headers: { cookie: viewer },
    });
    expect(response.statusCode).toBe(404);
  });
});
