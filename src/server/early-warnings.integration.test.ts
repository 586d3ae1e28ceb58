/** The dashboard's early warnings: an indicator met now but forecast to miss on 31 December. */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureBuilt } from "../testing/cli.js";
import { describeEachEngine } from "../testing/engines.js";
import { ACCOUNTS, OWNED, PLAN, seed, signInCookie, testConfig } from "../testing/server.js";
import { buildServer } from "./server.js";

describeEachEngine("the dashboard's early warnings", ({ store, config }) => {
  let app: FastifyInstance;
  let cookie: string;
  const dashboard = () =>
    app.inject({ url: `/api/plans/${PLAN}/periods/2025-10/dashboard`, headers: { cookie } });

  beforeAll(async () => {
    ensureBuilt();
    await seed(store());
    app = buildServer(testConfig(config()), store());
    cookie = await signInCookie(app, ACCOUNTS.editor.email);
  }, 120_000);
  afterAll(() => app?.close());

  it("has none for the example as it is", async () => {
    // Only the example's lawfulness case, which is no indicator.
    const warnings = (await dashboard()).json().earlyWarnings;
    expect(warnings.rows).toEqual([]);
    expect(warnings.section.markdown).toMatch(/^Rechtmatigheid: /);
  });

  it("lists serious incidents once 7 by October forecast 8 against a target of < 8", async () => {
    const url = `/api/plans/${PLAN}/realisations/${OWNED}/2025-10`;
    const { version } = (await app.inject({ url, headers: { cookie } })).json();
    const put = await app.inject({
      method: "PUT",
      url,
      headers: { cookie },
      payload: { value: 7, version },
    });
    expect(put.statusCode).toBe(200);
    const warnings = (await dashboard()).json().earlyWarnings;
    expect(warnings.heading).toBe("Vroegsignalering");
    expect(warnings.rows).toEqual([
      expect.objectContaining({
        id: OWNED,
        title: "Aantal ernstige productieverstoringen",
        value: "7",
        forecast: "8",
        target: "< 8",
      }),
    ]);
  });
});
