/**
 * Stored plans read once per change: every change to the database appends to the audit trail,
 * so the trail's last sequence number tells whether a plan read earlier is still current — in
 * this process or any other on the same database.
 */
import type { Bundle } from "../bundle/read-bundle.js";
import type { Store } from "../store/open.js";
import { loadBundle } from "../store/plans.js";

export class PlanCache {
  private seq = -1;
  private readonly bundles = new Map<string, Promise<Bundle>>();
  private readonly derived = new Map<string, unknown>();

  constructor(private readonly store: Store) {}

  /** Forgets everything when the database changed since the last question. */
  private async current(): Promise<void> {
    const last = await this.store.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("seq").as("seq"))
      .executeTakeFirst();
    const seq = Number(last?.seq ?? 0);
    if (seq !== this.seq) {
      this.seq = seq;
      this.bundles.clear();
      this.derived.clear();
    }
  }

  async bundle(planId: string): Promise<Bundle> {
    await this.current();
    let bundle = this.bundles.get(planId);
    if (!bundle) {
      bundle = loadBundle(this.store.db, planId);
      bundle.catch(() => this.bundles.delete(planId));
      this.bundles.set(planId, bundle);
    }
    return bundle;
  }

  /** A value computed from a plan (an evaluation, say), kept until the database changes. */
  async derive<T>(planId: string, key: string, compute: (bundle: Bundle) => T): Promise<T> {
    const bundle = await this.bundle(planId);
    const cacheKey = `${planId}\u0000${key}`;
    if (!this.derived.has(cacheKey)) this.derived.set(cacheKey, compute(bundle));
    return this.derived.get(cacheKey) as T;
  }
}
