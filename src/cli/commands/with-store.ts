/** What the database commands share: opening the database the options name, and who acts. */

import type { Action } from "../../app/authorization.js";
import { NotFoundError } from "../../app/errors.js";
import { UserError } from "../../domain/errors.js";
import type { Store } from "../../store/open.js";
import type { Actor } from "../../store/plans.js";

export interface StoreOptions {
  /** A SQLite file; without it, KOERS_DATABASE_URL or DATABASE_URL, else ./data/koers.db. */
  readonly db?: string;
}

export interface ActorOptions extends StoreOptions {
  /** The e-mail address of the account the command acts as. */
  readonly as?: string;
}

/** Opens the database, runs `use` on it and closes it again, also when `use` fails. */
export async function withStore<T>(
  options: StoreOptions,
  use: (store: Store) => Promise<T>,
): Promise<T> {
  const [{ loadConfig }, { openStore }] = await Promise.all([
    import("../../app/config.js"),
    import("../../store/open.js"),
  ]);
  const store = await openStore(loadConfig({ db: options.db }, process.env).store);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/**
 * Who the command acts as, with the clock read here, at the edge. With --as, that account must
 * exist and be allowed `action` on the plan, so the audit trail never names someone who could
 * not have made the change. Without it, the system user at the command line, who can reach the
 * database itself and so is its administrator.
 */
export async function actingAs(
  store: Store,
  options: ActorOptions,
  action: Action,
  planId: string,
): Promise<Actor> {
  const at = new Date().toISOString();
  if (options.as === undefined) {
    const user = process.env.USER || process.env.LOGNAME || "unknown";
    return { actor: `${user} (command line)`, at };
  }
  const [{ findAccount }, { requireCan }] = await Promise.all([
    import("../../app/accounts.js"),
    import("../../app/authorization.js"),
  ]);
  const account = await findAccount(store.db, options.as);
  if (!account)
    throw new UserError(`there is no account ${options.as} (add it with koers user add)`);
  const plan = await store.db
    .selectFrom("plans")
    .select("organisation_id")
    .where("id", "=", planId)
    .executeTakeFirst();
  if (!plan) throw new NotFoundError(`no plan ${planId} in the database`);
  requireCan(account, action, { organisation: plan.organisation_id });
  return { actor: account.email, at };
}
