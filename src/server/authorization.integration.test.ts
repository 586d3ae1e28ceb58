/**
 * Every route × every role, and no session: the exact answer each gets, and that a refused
 * write changes nothing (the realisation, the users and the audit trail are as before).
 */
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { countUsers } from "../app/accounts.js";
import { readRealisation } from "../app/plan-access.js";
import { assessmentVersions } from "../app/risk-assessments.js";
import { describeEachEngine } from "../testing/engines.js";
import {
  ACCOUNTS,
  type AccountName,
  OTHER_PLAN,
  OWNED,
  PASSWORD,
  PLAN,
  seed,
  signInCookie,
  testConfig,
} from "../testing/server.js";
import { buildServer } from "./server.js";

type Who = AccountName | "none";
const WHO: readonly Who[] = [...(Object.keys(ACCOUNTS) as AccountName[]), "none"];

/** A request made on behalf of `who`, with the cookie it holds (none without a session). */
interface Call {
  readonly app: FastifyInstance;
  readonly who: Who;
  readonly cookie: string | undefined;
  readonly n: number;
}

interface Route {
  readonly name: string;
  /** The status for each caller; writes are checked for side effects when refused. */
  readonly expect: Record<Who, number>;
  readonly write?: { readonly plan: string; readonly indicator: string };
  request(call: Call): Promise<InjectOptions> | InjectOptions;
}

const ANYONE = (status: number): Record<Who, number> =>
  Object.fromEntries(WHO.map((w) => [w, status])) as Record<Who, number>;
const SIGNED_IN = (status: number) => ({ ...ANYONE(status), none: 401 });
const READERS = { ...SIGNED_IN(200), otherOrganisation: 403 };

const realisationUrl = (plan: string, indicator: string, period = "2025-10") =>
  `/api/plans/${plan}/realisations/${indicator}/${period}`;

function headers(cookie: string | undefined) {
  return cookie ? { cookie } : {};
}

describeEachEngine("authorization of every route", ({ store, config }) => {
  let app: FastifyInstance;
  const cookies = new Map<Who, string>();
  let calls = 0;

  beforeAll(async () => {
    await seed(store());
    app = buildServer(testConfig(config()), store());
    for (const [name, account] of Object.entries(ACCOUNTS)) {
      cookies.set(name as Who, await signInCookie(app, account.email));
    }
  });
  afterAll(() => app?.close());

  const put = (plan: string, indicator: string) => async (call: Call) => {
    const current = await readRealisation(store().db, plan, indicator, "2025-10");
    return {
      method: "PUT" as const,
      url: realisationUrl(plan, indicator),
      headers: headers(call.cookie),
      payload: { value: 100 + call.n, source: `by ${call.who}`, version: current.version },
    };
  };

  /** A life-cycle request on 2025-04, from the state it needs (set directly in the database). */
  const stateChange =
    (action: string, from: "open" | "closed" | "published", payload?: object) =>
    async (call: Call): Promise<InjectOptions> => {
      await store()
        .db.updateTable("periods")
        .set({ state: from })
        .where("plan_id", "=", PLAN)
        .where("period_id", "=", "2025-04")
        .execute();
      return {
        method: "POST",
        url: `/api/plans/${PLAN}/periods/2025-04/${action}`,
        headers: headers(call.cookie),
        ...(payload ? { payload } : {}),
      };
    };

  const get = (url: string) => (call: Call) => ({
    method: "GET" as const,
    url,
    headers: headers(call.cookie),
  });

  const ROUTES: readonly Route[] = [
    {
      name: "POST /api/session",
      expect: { ...ANYONE(204), none: 401 },
      request: ({ who }) => ({
        method: "POST",
        url: "/api/session",
        payload:
          who === "none"
            ? { email: ACCOUNTS.admin.email, password: "not the password" }
            : { email: ACCOUNTS[who].email, password: PASSWORD },
      }),
    },
    { name: "GET /api/session", expect: SIGNED_IN(200), request: get("/api/session") },
    {
      name: "DELETE /api/session",
      expect: SIGNED_IN(204),
      // A session of its own, so that the caller's stays for the routes after it.
      request: async ({ app, who }) => ({
        method: "DELETE",
        url: "/api/session",
        headers: headers(who === "none" ? undefined : await signInCookie(app, ACCOUNTS[who].email)),
      }),
    },
    { name: "GET /api/plans", expect: SIGNED_IN(200), request: get("/api/plans") },
    {
      name: "GET evaluation",
      expect: READERS,
      request: get(`/api/plans/${PLAN}/periods/2025-10/evaluation`),
    },
    {
      name: "GET report",
      expect: READERS,
      request: get(`/api/plans/${PLAN}/periods/2025-10/report?format=md`),
    },
    { name: "GET realisation", expect: READERS, request: get(realisationUrl(PLAN, OWNED)) },
    {
      name: "PUT realisation of the owner's indicator",
      expect: { ...SIGNED_IN(403), admin: 200, editor: 200, owner: 200 },
      write: { plan: PLAN, indicator: OWNED },
      request: put(PLAN, OWNED),
    },
    {
      name: "PUT realisation of an indicator without owner",
      expect: { ...SIGNED_IN(403), admin: 200, editor: 200 },
      write: { plan: PLAN, indicator: "klachten-ontvangen" },
      request: put(PLAN, "klachten-ontvangen"),
    },
    {
      name: "PUT realisation in the other organisation's plan",
      expect: { ...SIGNED_IN(403), admin: 200, editor: 200, otherOrganisation: 200 },
      write: { plan: OTHER_PLAN, indicator: OWNED },
      request: put(OTHER_PLAN, OWNED),
    },
    {
      name: "GET /api/audit",
      expect: { ...SIGNED_IN(403), admin: 200, editor: 200 },
      request: get("/api/audit?limit=5"),
    },
    {
      name: "POST /api/users",
      expect: { ...SIGNED_IN(403), admin: 201 },
      write: { plan: PLAN, indicator: OWNED },
      request: ({ who, cookie, n }) => ({
        method: "POST",
        url: "/api/users",
        headers: headers(cookie),
        payload: { email: `new-${n}-${who}@example.org`, role: "viewer", password: PASSWORD },
      }),
    },
    {
      name: "POST close",
      expect: { ...SIGNED_IN(403), admin: 200, editor: 200 },
      write: { plan: PLAN, indicator: OWNED },
      request: stateChange("close", "open"),
    },
    {
      name: "POST publish",
      expect: { ...SIGNED_IN(403), admin: 200, editor: 200 },
      write: { plan: PLAN, indicator: OWNED },
      request: stateChange("publish", "closed"),
    },
    {
      name: "GET published",
      expect: READERS,
      request: get(`/api/plans/${PLAN}/periods/2025-04/published`),
    },
    {
      name: "GET a published file",
      expect: READERS,
      request: get(`/api/plans/${PLAN}/periods/2025-04/published/md`),
    },
    {
      name: "GET the check of the period's figures",
      expect: READERS,
      request: get(`/api/plans/${PLAN}/periods/2025-10/check`),
    },
    {
      name: "GET the differences between published periods",
      expect: READERS,
      request: get(`/api/plans/${PLAN}/diff?from=2025-04&to=2025-04`),
    },
    {
      name: "POST reopen",
      expect: { ...SIGNED_IN(403), admin: 200 },
      write: { plan: PLAN, indicator: OWNED },
      request: stateChange("reopen", "published", { reason: "a correction from the owner" }),
    },
    {
      name: "POST upload of the owner's indicator",
      expect: { ...SIGNED_IN(403), admin: 200, editor: 200, owner: 200 },
      write: { plan: PLAN, indicator: OWNED },
      request: ({ cookie, n }) => ({
        method: "POST",
        url: `/api/plans/${PLAN}/realisations`,
        headers: { ...headers(cookie), "content-type": "text/csv" },
        payload: `indicator,period,value,source\n${OWNED},2025-10,${200 + n},upload ${n}\n`,
      }),
    },
    { name: "GET /api/openapi.json", expect: ANYONE(200), request: get("/api/openapi.json") },
    { name: "GET /api/docs/", expect: ANYONE(200), request: get("/api/docs/") },
    { name: "GET / (the web app)", expect: ANYONE(200), request: get("/") },
    {
      name: "GET the period's realisations",
      expect: READERS,
      request: get(`/api/plans/${PLAN}/periods/2025-10/realisations`),
    },
    {
      name: "GET dashboard",
      expect: READERS,
      request: get(`/api/plans/${PLAN}/periods/2025-10/dashboard?language=en`),
    },
    {
      name: "GET registers",
      expect: READERS,
      request: get(`/api/plans/${PLAN}/periods/2025-10/registers?language=en`),
    },
    {
      name: "PUT a risk's assessment",
      expect: { ...SIGNED_IN(403), admin: 200, editor: 200 },
      request: async (call) => ({
        method: "PUT",
        url: `/api/plans/${PLAN}/periods/2025-10/risks/personeelstekort/assessment`,
        headers: headers(call.cookie),
        payload: {
          likelihood: null,
          impact: null,
          note: `by ${call.who}`,
          version:
            (await assessmentVersions(store().db, PLAN, "2025-10")).get("personeelstekort") ?? 0,
        },
      }),
    },
    {
      name: "GET an indicator's page",
      expect: READERS,
      request: get(`/api/plans/${PLAN}/indicators/klachten-ontvangen?language=en`),
    },
    {
      name: "GET the period's explanation tasks",
      expect: READERS,
      request: get(`/api/plans/${PLAN}/periods/2025-10/tasks`),
    },
    {
      // The writes above made the owner's figure an exception in 2025-10.
      name: "POST save of the owner's explanation",
      expect: { ...SIGNED_IN(403), admin: 200, editor: 200, owner: 200 },
      write: { plan: PLAN, indicator: OWNED },
      request: async ({ cookie, n }) => {
        const task = await store()
          .db.selectFrom("explanation_tasks")
          .select("version")
          .where("plan_id", "=", PLAN)
          .where("subject_id", "=", OWNED)
          .executeTakeFirst();
        return {
          method: "POST",
          url: `/api/plans/${PLAN}/periods/2025-10/tasks/${OWNED}/save`,
          headers: headers(cookie),
          payload: { version: Number(task?.version ?? 0), markdown: `Toelichting ${n}.` },
        };
      },
    },
    {
      name: "PUT the explanations' due date",
      expect: { ...SIGNED_IN(403), admin: 204, editor: 204 },
      request: ({ cookie }) => ({
        method: "PUT",
        url: `/api/plans/${PLAN}/periods/2025-10/explanations-due`,
        headers: headers(cookie),
        payload: { date: "2025-11-21" },
      }),
    },
    {
      name: "POST a Markdown preview",
      expect: SIGNED_IN(200),
      request: ({ cookie }) => ({
        method: "POST",
        url: "/api/markdown-preview",
        headers: headers(cookie),
        payload: { markdown: "*x*" },
      }),
    },
  ];

  async function sideEffects(write: Route["write"]) {
    const db = store().db;
    const audit = await db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .executeTakeFirstOrThrow();
    return {
      audit: Number(audit.n),
      users: await countUsers(db),
      realisation: write && (await readRealisation(db, write.plan, write.indicator, "2025-10")),
    };
  }

  for (const route of ROUTES) {
    for (const who of WHO) {
      const status = route.expect[who];
      it(`${route.name} as ${who}: ${status}`, async () => {
        const call = { app, who, cookie: cookies.get(who), n: ++calls };
        const before = await sideEffects(route.write);
        const response = await app.inject(await route.request(call));
        expect(response.statusCode, response.body).toBe(status);
        if (status >= 400) {
          expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
          if (route.write) expect(await sideEffects(route.write)).toEqual(before);
        }
      });
    }
  }

  it("lists only the plans of the reader's organisation", async () => {
    const ids = async (who: AccountName) => {
      const response = await app.inject(
        get("/api/plans")({ app, who, cookie: cookies.get(who), n: 0 }),
      );
      return (response.json() as { id: string }[]).map((p) => p.id);
    };
    expect(await ids("admin")).toEqual([PLAN, OTHER_PLAN]);
    expect(await ids("viewer")).toEqual([PLAN]);
    expect(await ids("otherOrganisation")).toEqual([OTHER_PLAN]);
  });
});
