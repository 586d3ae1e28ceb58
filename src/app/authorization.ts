/**
 * Who may do what: the one place that decides. Every route and use case asks `can` or
 * `requireCan`; nothing else looks at roles.
 */
import type { Role } from "../store/database.js";
import type { Account } from "./accounts.js";
import { ForbiddenError } from "./errors.js";

export type Action =
  /** Plans, evaluations, figures, explanations and reports. */
  | "read-plan"
  /** Import or replace a plan. */
  | "manage-plans"
  | "write-figures"
  | "write-explanations"
  /** Risks, findings, lawfulness figures, measures and narratives; owners their own items. */
  | "write-registers"
  /** Approve an explanation, or return it to its owner with a comment. */
  | "review-explanations"
  /** Close, approve and publish a period. */
  | "change-period"
  /** Reopen a closed or published period (with a reason). */
  | "reopen-period"
  | "read-audit"
  | "manage-users";

export interface Resource {
  /** The organisation the thing belongs to; null: it spans all (the audit trail, a global role). */
  readonly organisation: string | null;
  /**
   * For figures and explanations: the indicator's `owner` as written in plan.yaml; for a
   * register item (a risk, a measure), its `owner` as the register writes it.
   */
  readonly indicatorOwner?: string | undefined;
}

const EDITOR: ReadonlySet<Action> = new Set([
  "read-plan",
  "manage-plans",
  "write-figures",
  "write-explanations",
  "write-registers",
  "review-explanations",
  "change-period",
  "read-audit",
]);

function owns(account: Account, resource: Resource): boolean {
  return resource.indicatorOwner?.trim().toLowerCase() === account.email;
}

function roleAllows(role: Role, account: Account, action: Action, resource: Resource): boolean {
  switch (role) {
    case "admin":
      return true;
    case "editor":
      return EDITOR.has(action);
    case "owner":
      return (
        action === "read-plan" ||
        ((action === "write-figures" ||
          action === "write-explanations" ||
          action === "write-registers") &&
          owns(account, resource))
      );
    case "viewer":
      return action === "read-plan";
    default: {
      const unknown: never = role;
      throw new Error(`no such role: ${unknown}`);
    }
  }
}

/** A role for one organisation holds there only; a role for all holds everywhere. */
export function can(account: Account, action: Action, resource: Resource): boolean {
  return account.roles.some(
    (grant) =>
      (grant.organisation === null || grant.organisation === resource.organisation) &&
      roleAllows(grant.role, account, action, resource),
  );
}

const WHAT: Record<Action, string> = {
  "read-plan": "read this plan",
  "manage-plans": "import or replace plans",
  "write-figures": "change this figure",
  "write-explanations": "change this explanation",
  "write-registers": "change this register item",
  "review-explanations": "approve or return this explanation",
  "change-period": "close or publish this period",
  "reopen-period": "reopen this period",
  "read-audit": "read the audit trail",
  "manage-users": "manage these users",
};

export function requireCan(account: Account, action: Action, resource: Resource): void {
  if (!can(account, action, resource)) {
    throw new ForbiddenError(`${account.email} may not ${WHAT[action]}`);
  }
}
