/**
 * The demo: the example plan in an empty database and, when there is no account yet, an admin
 * whose password is generated and shown once, so that someone can sign in straight away.
 */
import { readBundle } from "../bundle/read-bundle.js";
import type { Store } from "../store/open.js";
import { importBundle, planIds } from "../store/plans.js";
import { addUser, countUsers } from "./accounts.js";
import { generatePassword } from "./passwords.js";

export const DEMO_ADMIN = "admin@example.org";

export interface DemoSetup {
  /** The plan imported; undefined when the database already had plans. */
  readonly imported?: string;
  /** The demo admin's password; undefined when the database already had accounts. */
  readonly password?: string;
}

export async function prepareDemo(store: Store, bundleDir: string, at: string): Promise<DemoSetup> {
  const by = { actor: "koers-demo", at };
  let imported: string | undefined;
  if ((await planIds(store.db)).length === 0) {
    const bundle = readBundle(bundleDir);
    await importBundle(store, bundle, by);
    imported = bundle.plan.id;
  }
  if ((await countUsers(store.db)) > 0) return imported ? { imported } : {};
  const password = generatePassword();
  await addUser(store, { email: DEMO_ADMIN, role: "admin", password }, by);
  return { ...(imported ? { imported } : {}), password };
}
