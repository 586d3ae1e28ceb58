/**
 * Managing users (admins: of all organisations, or of one, for that organisation's roles): the
 * list, adding a user, granting and withdrawing a role, resetting a password, blocking.
 */
import type { FastifyInstance } from "fastify";
import { addUser, type NewUser, newUserSchema } from "../../app/accounts.js";
import { requireCan } from "../../app/authorization.js";
import {
  grantRole,
  listUsers,
  passwordInputSchema,
  type RoleGrantInput,
  resetPassword,
  roleGrantInputSchema,
  setBlocked,
  withdrawRole,
} from "../../app/user-management.js";
import { organisationId } from "../../store/plans.js";
import { signedIn } from "../authenticate.js";
import { accountSchema, jsonSchema, roleGrantSchema, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

const managedUserSchema = {
  type: "object",
  properties: {
    email: { type: "string" },
    roles: {
      type: "array",
      items: roleGrantSchema,
      description: "the roles you manage: an admin for one organisation sees only its roles",
    },
    blocked: { type: "boolean" },
    createdAt: { type: "string" },
    manageable: {
      type: "boolean",
      description: "whether you may reset the password and block the account",
    },
  },
  required: ["email", "roles", "blocked", "createdAt", "manageable"],
} as const;

const emailParams = {
  type: "object",
  properties: { email: { type: "string", minLength: 1, maxLength: 254 } },
  required: ["email"],
} as const;

const now = () => new Date().toISOString();

export function userRoutes(scope: FastifyInstance, { store }: RouteContext): void {
  scope.get(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "Every user whose roles you manage, with those roles and whether it is blocked",
        security: SESSION_SECURITY,
        response: { 200: { type: "array", items: managedUserSchema }, ...signedInProblems(403) },
      },
    },
    async (request) => listUsers(store, signedIn(request)),
  );
  scope.post<{ Body: NewUser }>(
    "/api/users",
    {
      schema: {
        tags: ["users"],
        summary: "Add a user with one role, for one organisation or for all",
        security: SESSION_SECURITY,
        // The input side: e-mail address and organisation are normalised by addUser's own check.
        body: jsonSchema(newUserSchema.strict(), "input"),
        response: { 201: accountSchema, ...signedInProblems(403, 409) },
      },
    },
    async (request, reply) => {
      const account = signedIn(request);
      const organisation = request.body.organisation;
      requireCan(account, "manage-users", {
        organisation: organisation ? organisationId(organisation) : null,
      });
      const added = await addUser(store, request.body, { actor: account.email, at: now() });
      return reply.code(201).send({ email: added.email, roles: added.roles });
    },
  );
  roleRoutes(scope, store);
  accountRoutes(scope, store);
}

function roleRoutes(scope: FastifyInstance, store: RouteContext["store"]): void {
  scope.post<{ Params: { email: string }; Body: RoleGrantInput }>(
    "/api/users/:email/roles",
    {
      schema: {
        tags: ["users"],
        summary: "Grant a role, for one organisation (by name or id) or, without one, for all",
        security: SESSION_SECURITY,
        params: emailParams,
        body: jsonSchema(roleGrantInputSchema.strict(), "input"),
        response: { 201: managedUserSchema, ...signedInProblems(403, 404, 409) },
      },
    },
    async (request, reply) => {
      const account = signedIn(request);
      const by = { actor: account.email, at: now() };
      const user = await grantRole(store, account, request.params.email, request.body, by);
      return reply.code(201).send(user);
    },
  );
  scope.delete<{ Params: { email: string; role: string }; Querystring: { organisation?: string } }>(
    "/api/users/:email/roles/:role",
    {
      schema: {
        tags: ["users"],
        summary: "Withdraw a role: for the organisation named, or without one, the role for all",
        description: "Nobody can withdraw their own last admin role (409).",
        security: SESSION_SECURITY,
        params: {
          type: "object",
          properties: {
            ...emailParams.properties,
            role: { type: "string", enum: ["admin", "editor", "owner", "viewer"] },
          },
          required: ["email", "role"],
        },
        querystring: {
          type: "object",
          properties: { organisation: { type: "string", minLength: 1, maxLength: 200 } },
          additionalProperties: false,
        },
        response: { 200: managedUserSchema, ...signedInProblems(403, 404, 409) },
      },
    },
    async (request) => {
      const account = signedIn(request);
      const grant = {
        role: request.params.role as RoleGrantInput["role"],
        organisation: request.query.organisation ?? null,
      };
      const by = { actor: account.email, at: now() };
      return withdrawRole(store, account, request.params.email, grant, by);
    },
  );
}

function accountRoutes(scope: FastifyInstance, store: RouteContext["store"]): void {
  scope.put<{ Params: { email: string }; Body: { password: string } }>(
    "/api/users/:email/password",
    {
      schema: {
        tags: ["users"],
        summary: "Set a new password; the account is signed out everywhere",
        security: SESSION_SECURITY,
        params: emailParams,
        body: jsonSchema(passwordInputSchema.strict(), "input"),
        response: { 204: { type: "null" }, ...signedInProblems(403, 404) },
      },
    },
    async (request, reply) => {
      const account = signedIn(request);
      const by = { actor: account.email, at: now() };
      await resetPassword(store, account, request.params.email, request.body, by);
      return reply.code(204).send();
    },
  );
  scope.put<{ Params: { email: string }; Body: { blocked: boolean } }>(
    "/api/users/:email/blocked",
    {
      schema: {
        tags: ["users"],
        summary: "Block an account (its sessions end at once, it cannot sign in) or unblock it",
        security: SESSION_SECURITY,
        params: emailParams,
        body: {
          type: "object",
          properties: { blocked: { type: "boolean" } },
          required: ["blocked"],
          additionalProperties: false,
        },
        response: { 200: managedUserSchema, ...signedInProblems(403, 404, 409) },
      },
    },
    async (request) => {
      const account = signedIn(request);
      const by = { actor: account.email, at: now() };
      return setBlocked(store, account, request.params.email, request.body.blocked, by);
    },
  );
}
