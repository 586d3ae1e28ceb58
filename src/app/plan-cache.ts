/**
 * Stored plans read once per change. A plan's definition changes when it is imported again,
 * which its `imported_at` tells, or when its registers are edited; its figures and texts change with any write, and every
 * write appends to the audit trail, so the trail's last sequence number tells whether a bundle
 * read earlier is still current — in this process or any other on the same database.
 */
import type { Bundle } from "../bundle/read-bundle.js";
import type { Plan } from "../domain/plan.js";
import type { Store } from "../store/open.js";
import { loadBundle, storedPlan } from "../store/plans.js";
import { NotFoundError } from "./errors.js";

export class PlanCache {
  private seq = -1;
  private readonly bundles = new Map<string, Promise<Bundle>>();
  private readonly derived = new Map<string, unknown>();
  private readonly definitions = new Map<
    string,
    { importedAt: string; registers: string | null; organisation: string; plan: Plan }
  >();

  constructor(private readonly store: Store) {}

  /** Forgets the bundles when the database changed since the last question. */
  private async current(known?: number): Promise<void> {
    const seq = known ?? (await this.lastSeq());
    if (seq !== this.seq) {
      this.seq = seq;
      this.bundles.clear();
      this.derived.clear();
    }
  }

  private async lastSeq(): Promise<number> {
    const last = await this.store.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("seq").as("seq"))
      .executeTakeFirst();
    return Number(last?.seq ?? 0);
  }

  /** The plan with its figures; `seq`, when known, is the audit trail's last entry just read. */
  async bundle(planId: string, seq?: number): Promise<Bundle> {
    await this.current(seq);
    let bundle = this.bundles.get(planId);
    if (!bundle) {
      bundle = loadBundle(this.store.db, planId);
      bundle.catch(() => this.bundles.delete(planId));
      this.bundles.set(planId, bundle);
    }
    return bundle;
  }

  /**
   * The plan's definition (periods, indicators, targets) and its organisation, without reading
   * its figures; NotFoundError when there is no such plan.
   */
  async definition(planId: string): Promise<{ organisation: string; plan: Plan; seq: number }> {
    const row = await this.store.db
      .selectFrom("plans")
      .select(["imported_at", "organisation_id", "registers_yaml"])
      .select((eb) =>
        eb
          .selectFrom("audit_log")
          .select((a) => a.fn.max("seq").as("m"))
          .as("seq"),
      )
      .where("id", "=", planId)
      .executeTakeFirst();
    if (!row) throw new NotFoundError(`there is no plan ${planId}`);
    const seq = Number(row.seq ?? 0);
    const cached = this.definitions.get(planId);
    if (cached?.importedAt === row.imported_at && cached.registers === row.registers_yaml) {
      return { ...cached, seq };
    }
    const stored = await this.store.db
      .selectFrom("plans")
      .select(["id", "plan_yaml", "intentions_yaml", "registers_yaml", "history_csv"])
      .where("id", "=", planId)
      .executeTakeFirstOrThrow();
    const plan = storedPlan(stored);
    const definition = {
      importedAt: row.imported_at,
      registers: row.registers_yaml,
      organisation: row.organisation_id,
      plan,
    };
    this.definitions.set(planId, definition);
    return { ...definition, seq };
  }

  /** A value computed from a plan (an evaluation, say), kept until the database changes. */
  async derive<T>(
    planId: string,
    key: string,
    compute: (bundle: Bundle) => T,
    seq?: number,
  ): Promise<T> {
    const bundle = await this.bundle(planId, seq);
    const cacheKey = `${planId}\u0000${key}`;
    if (!this.derived.has(cacheKey)) this.derived.set(cacheKey, compute(bundle));
    return this.derived.get(cacheKey) as T;
  }
}
