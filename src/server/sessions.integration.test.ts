/**
 * Two `koers serve` processes on one database: a session made on one works on the other, and
 * ends on both when signed out — sessions live in the database, not in a process.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureBuilt } from "../testing/cli.js";
import { describeEachEngine } from "../testing/engines.js";
import { ACCOUNTS, PASSWORD, type RunningKoers, seed, startKoers } from "../testing/server.js";
import { cliDatabase } from "../testing/store-cli.js";

describeEachEngine("sessions shared by two server processes", ({ store, config }) => {
  const servers: RunningKoers[] = [];

  beforeAll(async () => {
    ensureBuilt();
    await seed(store());
    const { args, env } = cliDatabase(config());
    servers.push(...(await Promise.all([startKoers(args, env), startKoers(args, env)])));
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) await server.stop();
  });

  it("accepts on the second a session made on the first, until it is ended there", async () => {
    const [first, second] = servers;
    if (!first || !second) throw new Error("the servers did not start");
    expect(first.url).not.toBe(second.url);
    const signIn = await fetch(new URL("/api/session", first.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: ACCOUNTS.editor.email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(204);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const me = await fetch(new URL("/api/session", second.url), { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: ACCOUNTS.editor.email });
    const plans = await fetch(new URL("/api/plans", second.url), { headers: { cookie } });
    expect(plans.status).toBe(200);
    const out = await fetch(new URL("/api/session", second.url), {
      method: "DELETE",
      headers: { cookie },
    });
    expect(out.status).toBe(204);
    const after = await fetch(new URL("/api/session", first.url), { headers: { cookie } });
    expect(after.status).toBe(401);
  });

  it("stops cleanly on SIGTERM", async () => {
    const server = servers.pop();
    expect(await server?.stop()).toBe(0);
  });
});
