/** What every group of routes is given: the configuration and the store, passed in. */
import type { Config } from "../../app/config.js";
import type { PlanCache } from "../../app/plan-cache.js";
import type { Store } from "../../store/open.js";

export interface RouteContext {
  readonly config: Config;
  readonly store: Store;
  /** Stored plans, read once per change to the database. */
  readonly plans: PlanCache;
}

/** The OpenAPI security requirement of routes behind a session. */
export const SESSION_SECURITY = [{ session: [] }];
