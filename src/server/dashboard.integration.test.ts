/**
 * The dashboard's answer is kept between changes: the same answer while nothing changes, a new
 * one after any write, and one per language.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../testing/engines.js";
import { ACCOUNTS, OWNED, PLAN, seed, signInCookie, testConfig } from "../testing/server.js";
import { buildServer } from "./server.js";

const dashboard = (language: string) =>
  `/api/plans/${PLAN}/periods/2025-10/dashboard?language=${language}`;

describeEachEngine("the dashboard between changes", ({ store, config }) => {
  let app: FastifyInstance;
  let cookie: string;

  beforeAll(async () => {
    await seed(store());
    app = buildServer(testConfig(config()), store());
    cookie = await signInCookie(app, ACCOUNTS.editor.email);
  });
  afterAll(() => app?.close());

  const read = async (language = "nl") => {
    const response = await app.inject({ url: dashboard(language), headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    return response.json();
  };

  it("answers the same while nothing changes, and anew after a figure changes", async () => {
    const first = await read();
    expect(first.notes).toHaveLength(6);
    expect(await read()).toEqual(first);
    const put = await app.inject({
      method: "PUT",
      url: `/api/plans/${PLAN}/realisations/${OWNED}/2025-10`,
      headers: { cookie },
      payload: { value: 9, version: 1 },
    });
    expect(put.statusCode).toBe(200);
    expect((await read()).notes).toHaveLength(7);
  });

  it("keeps each language apart", async () => {
    expect((await read("en")).language).toBe("en");
    expect((await read("nl")).language).toBe("nl");
  });
});
