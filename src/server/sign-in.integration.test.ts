/** Signing in and out on every engine: the cookie, one answer for unknown and wrong, and limits. */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachEngine } from "../testing/engines.js";
import { ACCOUNTS, PASSWORD, seed, signInCookie, testConfig } from "../testing/server.js";
import { buildServer } from "./server.js";

describeEachEngine("signing in", ({ store, config }) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    await seed(store());
    app = buildServer(testConfig(config()), store());
  });
  afterAll(() => app?.close());

  describe("sessions", () => {
    it("signs in with an HttpOnly, SameSite=Strict cookie, tells who it is, and signs out", async () => {
      const response = await app.inject({
        method: "POST",
        url: "/api/session",
        payload: { email: "  Kijker@Example.org", password: PASSWORD },
      });
      expect(response.statusCode).toBe(204);
      const setCookie = String(response.headers["set-cookie"]);
      expect(setCookie).toMatch(
        /^koers_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/,
      );
      const session = setCookie.split(";")[0] ?? "";
      const me = await app.inject({ url: "/api/session", headers: { cookie: session } });
      expect(me.json()).toMatchObject({
        email: ACCOUNTS.viewer.email,
        roles: [{ role: "viewer", organisation: "dienst-toeslagen" }],
      });
      const out = await app.inject({
        method: "DELETE",
        url: "/api/session",
        headers: { cookie: session },
      });
      expect(out.statusCode).toBe(204);
      expect(String(out.headers["set-cookie"])).toMatch(/^koers_session=;/);
      const after = await app.inject({ url: "/api/session", headers: { cookie: session } });
      expect(after.statusCode).toBe(401);
    });

    it("stores only the token's hash", async () => {
      const session = (await signInCookie(app, ACCOUNTS.admin.email)).split("=")[1] ?? "";
      const rows = await store().db.selectFrom("sessions").select("token_hash").execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(
        rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash) && r.token_hash !== session),
      ).toBe(true);
    });

    it("answers an unknown e-mail address exactly as a wrong password", async () => {
      const attempt = (email: string) =>
        app.inject({
          method: "POST",
          url: "/api/session",
          payload: { email, password: "wrong password" },
          remoteAddress: "192.0.2.1",
        });
      const [unknown, wrong] = await Promise.all([
        attempt("niemand@example.org"),
        attempt(ACCOUNTS.viewer.email),
      ]);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.body).toBe(wrong.body);
      expect(unknown.headers["set-cookie"]).toBeUndefined();
    });

    it("marks the cookie Secure when configured, or behind a trusted https proxy only", async () => {
      const secureOf = async (server: Parameters<typeof testConfig>[1], proto?: string) => {
        const other = buildServer(testConfig(config(), server), store());
        const response = await other.inject({
          method: "POST",
          url: "/api/session",
          payload: { email: ACCOUNTS.viewer.email, password: PASSWORD },
          headers: proto ? { "x-forwarded-proto": proto } : {},
        });
        await other.close();
        return String(response.headers["set-cookie"]).includes("; Secure");
      };
      expect(await secureOf({ secureCookies: true })).toBe(true);
      expect(await secureOf({ trustProxy: 1 }, "https")).toBe(true);
      expect(await secureOf({ trustProxy: 0 }, "https")).toBe(false);
      expect(await secureOf({})).toBe(false);
    });
  });

  describe("throttling", () => {
    const attempt = (email: string, password: string, remoteAddress: string) =>
      app.inject({
        method: "POST",
        url: "/api/session",
        payload: { email, password },
        remoteAddress,
      });

    it("refuses an account after five failures, even with the right password, and others not", async () => {
      for (let i = 0; i < 5; i++) {
        expect((await attempt(ACCOUNTS.owner.email, "wrong", `198.51.100.${i}`)).statusCode).toBe(
          401,
        );
      }
      const refused = await attempt(ACCOUNTS.owner.email, PASSWORD, "198.51.100.9");
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(800);
      expect(refused.json()).toMatchObject({ status: 429, type: "urn:koers:problem:throttled" });
      expect((await attempt(ACCOUNTS.otherOwner.email, PASSWORD, "198.51.100.9")).statusCode).toBe(
        204,
      );
    });

    it("refuses an address after twenty failures, for every account, and other addresses not", async () => {
      const failures = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          attempt(`guess-${i}@example.org`, "wrong", "203.0.113.7"),
        ),
      );
      expect(failures.map((r) => r.statusCode)).toEqual(Array(20).fill(401));
      expect((await attempt(ACCOUNTS.admin.email, PASSWORD, "203.0.113.7")).statusCode).toBe(429);
      expect((await attempt(ACCOUNTS.admin.email, PASSWORD, "203.0.113.8")).statusCode).toBe(204);
    });
  });
});
