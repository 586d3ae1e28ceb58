/** Which of the administrator's views an account may use; the server decides again on every call. */
import type { Account } from "./api.js";

export type AdminView = "import" | "users";

export const mayManageUsers = (account: Account) => account.roles.some((r) => r.role === "admin");

export const mayImport = (account: Account) =>
  account.roles.some((r) => r.role === "admin" || r.role === "editor");

export function adminViews(account: Account): AdminView[] {
  return [
    ...(mayImport(account) ? (["import"] as const) : []),
    ...(mayManageUsers(account) ? (["users"] as const) : []),
  ];
}
