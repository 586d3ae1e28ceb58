/**
 * Managing users through the API on every engine: the list, granting and withdrawing roles,
 * resetting a password and blocking, each refusal answered as it must be with nothing changed,
 * and no password or hash in the audit trail.
 */
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../app/accounts.js";
import { describeEachEngine } from "../testing/engines.js";
import {
  ACCOUNTS,
  ORGANISATION,
  OTHER_ORGANISATION,
  PASSWORD,
  SETUP,
  seed,
  signInCookie,
  testConfig,
} from "../testing/server.js";
import { buildServer } from "./server.js";

const ORGANISATION_ADMIN = "beheerder@example.org";
const NEW_PASSWORD = "a new password, long enough";

describeEachEngine("managing users", ({ store, config }) => {
  let app: FastifyInstance;
  let admin: string;
  let organisationAdmin: string;
  let editor: string;

  beforeAll(async () => {
    await seed(store());
    await addUser(
      store(),
      {
        email: ORGANISATION_ADMIN,
        role: "admin",
        organisation: ORGANISATION,
        password: PASSWORD,
      },
      SETUP,
    );
    app = buildServer(testConfig(config()), store());
    admin = await signInCookie(app, ACCOUNTS.admin.email);
    organisationAdmin = await signInCookie(app, ORGANISATION_ADMIN);
    editor = await signInCookie(app, ACCOUNTS.editor.email);
  });
  afterAll(() => app?.close());

  const call = (cookie: string, options: InjectOptions) =>
    app.inject({ ...options, headers: { cookie } });

  /** Everything a user change could touch. */
  async function snapshot() {
    const db = store().db;
    const [users, roles, sessions, audit] = await Promise.all([
      db.selectFrom("users").select(["email", "password_hash", "blocked_at"]).execute(),
      db.selectFrom("roles").selectAll().execute(),
      db.selectFrom("sessions").select("token_hash").execute(),
      db.selectFrom("audit_log").select("seq").execute(),
    ]);
    const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();
    return { users: sorted(users), roles: sorted(roles), sessions: sorted(sessions), audit };
  }

  /** The request is refused with `status` and changes nothing at all. */
  async function refused(cookie: string, options: InjectOptions, status: number) {
    const before = await snapshot();
    const response = await call(cookie, options);
    expect(response.statusCode, response.body).toBe(status);
    expect(await snapshot()).toEqual(before);
    return response;
  }

  const grant = (email: string, payload: object): InjectOptions => ({
    method: "POST",
    url: `/api/users/${encodeURIComponent(email)}/roles`,
    payload,
  });
  const withdraw = (email: string, role: string, organisation?: string): InjectOptions => ({
    method: "DELETE",
    url: `/api/users/${encodeURIComponent(email)}/roles/${role}${organisation ? `?organisation=${organisation}` : ""}`,
  });
  const reset = (email: string, password = NEW_PASSWORD): InjectOptions => ({
    method: "PUT",
    url: `/api/users/${encodeURIComponent(email)}/password`,
    payload: { password },
  });
  const block = (email: string, blocked = true): InjectOptions => ({
    method: "PUT",
    url: `/api/users/${encodeURIComponent(email)}/blocked`,
    payload: { blocked },
  });

  describe("the list", () => {
    it("gives an admin for all every user with every role", async () => {
      const response = await call(admin, { url: "/api/users" });
      expect(response.statusCode).toBe(200);
      const users = response.json();
      expect(users.map((u: { email: string }) => u.email)).toEqual(
        [...Object.values(ACCOUNTS).map((a) => a.email), ORGANISATION_ADMIN].sort(),
      );
      expect(users.find((u: { email: string }) => u.email === ACCOUNTS.owner.email)).toEqual({
        email: ACCOUNTS.owner.email,
        roles: [{ role: "owner", organisation: ORGANISATION }],
        blocked: false,
        createdAt: SETUP.at,
        manageable: true,
      });
    });

    it("gives an admin for one organisation that organisation's users and roles only", async () => {
      const response = await call(organisationAdmin, { url: "/api/users" });
      const users: { email: string; manageable: boolean }[] = response.json();
      expect(users.map((u) => [u.email, u.manageable])).toEqual([
        [ACCOUNTS.otherOwner.email, true],
        [ORGANISATION_ADMIN, true],
        [ACCOUNTS.owner.email, true],
        [ACCOUNTS.viewer.email, true],
      ]);
    });

    it("is refused to everyone else", async () => {
      expect((await call(editor, { url: "/api/users" })).statusCode).toBe(403);
      expect((await app.inject({ url: "/api/users" })).statusCode).toBe(401);
    });
  });

  describe("roles", () => {
    it("grants a role and withdraws it, each in the audit trail", async () => {
      const granted = await call(
        admin,
        grant(ACCOUNTS.viewer.email, { role: "editor", organisation: "Dienst Toeslagen" }),
      );
      expect(granted.statusCode, granted.body).toBe(201);
      expect(granted.json().roles).toEqual([
        { role: "editor", organisation: ORGANISATION },
        { role: "viewer", organisation: ORGANISATION },
      ]);
      const withdrawn = await call(admin, withdraw(ACCOUNTS.viewer.email, "editor", ORGANISATION));
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(withdrawn.json().roles).toEqual([{ role: "viewer", organisation: ORGANISATION }]);
      const audit = await store()
        .db.selectFrom("audit_log")
        .select(["action", "actor", "entity_key", "after"])
        .where("action", "in", ["grant-role", "withdraw-role"])
        .orderBy("seq")
        .execute();
      expect(audit.map((a) => [a.action, a.actor, a.entity_key])).toEqual([
        ["grant-role", ACCOUNTS.admin.email, ACCOUNTS.viewer.email],
        ["withdraw-role", ACCOUNTS.admin.email, ACCOUNTS.viewer.email],
      ]);
    });

    it("refuses a role the user has already (409), and one for nobody (404)", async () => {
      const duplicate = await refused(
        admin,
        grant(ACCOUNTS.owner.email, { role: "owner", organisation: ORGANISATION }),
        409,
      );
      expect(duplicate.json().detail).toMatch(/already has the role owner for dienst-toeslagen/);
      await refused(admin, grant("niemand@example.org", { role: "viewer" }), 404);
      await refused(admin, withdraw("niemand@example.org", "viewer"), 404);
      await refused(admin, withdraw(ACCOUNTS.owner.email, "editor", ORGANISATION), 404);
      await refused(admin, grant(ACCOUNTS.owner.email, { role: "boss" }), 400);
    });

    it("keeps an admin for one organisation to that organisation's roles", async () => {
      await refused(
        organisationAdmin,
        grant(ACCOUNTS.viewer.email, { role: "viewer", organisation: OTHER_ORGANISATION }),
        403,
      );
      await refused(organisationAdmin, grant(ACCOUNTS.viewer.email, { role: "editor" }), 403);
      await refused(organisationAdmin, withdraw(ACCOUNTS.editor.email, "editor"), 403);
      const granted = await call(
        organisationAdmin,
        grant(ACCOUNTS.otherOrganisation.email, { role: "viewer", organisation: ORGANISATION }),
      );
      expect(granted.statusCode, granted.body).toBe(201);
      // The account works for another organisation too: only that role is shown.
      expect(granted.json()).toMatchObject({
        roles: [{ role: "viewer", organisation: ORGANISATION }],
        manageable: false,
      });
    });

    it("refuses an admin their own last admin role", async () => {
      const response = await refused(admin, withdraw(ACCOUNTS.admin.email, "admin"), 409);
      expect(response.json().detail).toMatch(/your own last admin role/);
      await refused(organisationAdmin, withdraw(ORGANISATION_ADMIN, "admin", ORGANISATION), 409);
    });

    it("refuses every change to anyone but an admin", async () => {
      await refused(editor, grant(ACCOUNTS.viewer.email, { role: "editor" }), 403);
      await refused(editor, withdraw(ACCOUNTS.viewer.email, "viewer", ORGANISATION), 403);
      await refused(editor, reset(ACCOUNTS.viewer.email), 403);
      await refused(editor, block(ACCOUNTS.viewer.email), 403);
    });
  });

  describe("passwords", () => {
    it("sets a new password and signs the account out everywhere, auditing neither", async () => {
      const session = await signInCookie(app, ACCOUNTS.owner.email);
      const response = await call(admin, reset(ACCOUNTS.owner.email));
      expect(response.statusCode, response.body).toBe(204);
      expect((await call(session, { url: "/api/session" })).statusCode).toBe(401);
      await expect(signInCookie(app, ACCOUNTS.owner.email)).rejects.toThrow(/sign-in failed/);
      await signInCookie(app, ACCOUNTS.owner.email, NEW_PASSWORD);
      const audit = await store().db.selectFrom("audit_log").selectAll().execute();
      const trail = JSON.stringify(audit);
      expect(trail).toContain("reset-password");
      expect(trail).not.toContain(NEW_PASSWORD);
      expect(trail).not.toContain(PASSWORD);
      expect(trail).not.toContain("scrypt$");
    });

    it("refuses a short password, an unknown account, and an account of a wider reach", async () => {
      const short = await refused(admin, reset(ACCOUNTS.viewer.email, "kort"), 400);
      expect(short.json().errors).toEqual([
        { field: "password", message: expect.stringMatching(/12 characters/) },
      ]);
      await refused(admin, reset("niemand@example.org"), 404);
      // An admin for one organisation cannot take over an account that works for all of them.
      await refused(organisationAdmin, reset(ACCOUNTS.editor.email), 403);
      await refused(organisationAdmin, reset(ACCOUNTS.admin.email), 403);
    });
  });

  describe("blocking", () => {
    it("ends the sessions at once, refuses sign-in, and unblocking restores it", async () => {
      const session = await signInCookie(app, ACCOUNTS.viewer.email);
      const blocked = await call(admin, block(ACCOUNTS.viewer.email));
      expect(blocked.statusCode, blocked.body).toBe(200);
      expect(blocked.json()).toMatchObject({ email: ACCOUNTS.viewer.email, blocked: true });
      expect((await call(session, { url: "/api/plans" })).statusCode).toBe(401);
      await expect(signInCookie(app, ACCOUNTS.viewer.email)).rejects.toThrow(/sign-in failed/);
      await refused(admin, block(ACCOUNTS.viewer.email), 409);

      const unblocked = await call(organisationAdmin, block(ACCOUNTS.viewer.email, false));
      expect(unblocked.json()).toMatchObject({ blocked: false });
      const again = await signInCookie(app, ACCOUNTS.viewer.email);
      expect((await call(again, { url: "/api/plans" })).statusCode).toBe(200);
      const actions = await store()
        .db.selectFrom("audit_log")
        .select("action")
        .where("entity_key", "=", ACCOUNTS.viewer.email)
        .where("action", "like", "%block%")
        .orderBy("seq")
        .execute();
      expect(actions.map((a) => a.action)).toEqual(["block-user", "unblock-user"]);
    });

    it("refuses blocking yourself, an unknown account, and an account of a wider reach", async () => {
      await refused(admin, block(ACCOUNTS.admin.email), 409);
      await refused(admin, block("niemand@example.org"), 404);
      await refused(organisationAdmin, block(ACCOUNTS.editor.email), 403);
      await refused(admin, { ...block(ACCOUNTS.viewer.email), payload: { blocked: "ja" } }, 400);
    });
  });
});
