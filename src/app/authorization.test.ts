import { describe, expect, it } from "vitest";
import type { Role } from "../store/database.js";
import type { Account } from "./accounts.js";
import { type Action, can, requireCan } from "./authorization.js";
import { ForbiddenError } from "./errors.js";

const account = (role: Role, organisation: string | null = null): Account => ({
  id: "u",
  email: "eigenaar@example.org",
  roles: [{ role, organisation }],
});

const mine = { organisation: "dt", indicatorOwner: "Eigenaar@Example.org" };
const other = { organisation: "dt", indicatorOwner: "ander@example.org" };
const everything = { organisation: null };

const ACTIONS: readonly Action[] = [
  "read-plan",
  "manage-plans",
  "write-figures",
  "write-explanations",
  "change-period",
  "reopen-period",
  "read-audit",
  "manage-users",
];

function allowed(who: Account, resource: Parameters<typeof can>[2]): Action[] {
  return ACTIONS.filter((action) => can(who, action, resource));
}

describe("authorization", () => {
  it("lets an admin do everything, also across organisations", () => {
    expect(allowed(account("admin"), other)).toEqual(ACTIONS);
    expect(allowed(account("admin"), everything)).toEqual(ACTIONS);
  });

  it("lets an editor do all but reopen periods and manage users", () => {
    expect(allowed(account("editor"), other)).toEqual([
      "read-plan",
      "manage-plans",
      "write-figures",
      "write-explanations",
      "change-period",
      "read-audit",
    ]);
  });

  it("lets an owner read, and write figures and explanations of their own indicators only", () => {
    expect(allowed(account("owner"), mine)).toEqual([
      "read-plan",
      "write-figures",
      "write-explanations",
    ]);
    expect(allowed(account("owner"), other)).toEqual(["read-plan"]);
    expect(allowed(account("owner"), { organisation: "dt" })).toEqual(["read-plan"]);
  });

  it("lets editors change register items, and owners only the items in their name", () => {
    expect(can(account("editor"), "write-registers", other)).toBe(true);
    expect(can(account("owner"), "write-registers", mine)).toBe(true);
    expect(can(account("owner"), "write-registers", other)).toBe(false);
    expect(can(account("owner"), "write-registers", { organisation: "dt" })).toBe(false);
    expect(can(account("viewer"), "write-registers", mine)).toBe(false);
  });

  it("lets a viewer read only", () => {
    expect(allowed(account("viewer"), mine)).toEqual(["read-plan"]);
  });

  it("holds a role for one organisation there only, and never for what spans all", () => {
    expect(allowed(account("editor", "dt"), mine)).toContain("write-figures");
    expect(allowed(account("editor", "elders"), mine)).toEqual([]);
    expect(allowed(account("admin", "dt"), everything)).toEqual([]);
    expect(can(account("admin", "dt"), "manage-users", { organisation: "dt" })).toBe(true);
  });

  it("refuses with a ForbiddenError that says what may not be done", () => {
    expect(() => requireCan(account("viewer"), "write-figures", mine)).toThrow(ForbiddenError);
    expect(() => requireCan(account("viewer"), "write-figures", mine)).toThrow(
      "eigenaar@example.org may not change this figure",
    );
    expect(() => requireCan(account("viewer"), "read-plan", mine)).not.toThrow();
  });
});
