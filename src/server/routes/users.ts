/** Adding users (admins: of all organisations, or of the one the new role is for). */
import type { FastifyInstance } from "fastify";
import { addUser, type NewUser, newUserSchema } from "../../app/accounts.js";
import { requireCan } from "../../app/authorization.js";
import { organisationId } from "../../store/plans.js";
import { signedIn } from "../authenticate.js";
import { accountSchema, jsonSchema, signedInProblems } from "../schemas.js";
import { type RouteContext, SESSION_SECURITY } from "./context.js";

export function userRoutes(scope: FastifyInstance, { store }: RouteContext): void {
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
      const at = new Date().toISOString();
      const account = signedIn(request);
      const organisation = request.body.organisation;
      requireCan(account, "manage-users", {
        organisation: organisation ? organisationId(organisation) : null,
      });
      const added = await addUser(store, request.body, { actor: account.email, at });
      return reply.code(201).send({ email: added.email, roles: added.roles });
    },
  );
}
