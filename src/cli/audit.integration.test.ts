/**
 * `koers audit verify` against a database that was tampered with: one altered row is found by
 * the chain itself; a tail rewritten consistently is only found with the head that an earlier
 * published report printed.
 */
import { type Kysely, sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { closePeriod, publishPeriod } from "../app/lifecycle.js";
import { publishedFile } from "../app/publication.js";
import { updateRealisation } from "../app/realisations.js";
import { readBundle } from "../bundle/read-bundle.js";
import { entryHash } from "../store/audit.js";
import type { Database } from "../store/database.js";
import { importBundle } from "../store/plans.js";
import { ensureBuilt, koersWith } from "../testing/cli.js";
import { describeEachEngine } from "../testing/engines.js";
import { cliDatabase } from "../testing/store-cli.js";

const PLAN = "toeslagen-2025";
const by = (minute: number) => ({
  actor: "adviseur@example.org",
  at: new Date(Date.UTC(2026, 10, 4, 9, minute)).toISOString(),
});

/** Changes entry `from`'s actor and recomputes every hash from there to the end, as a forger would. */
async function rewriteTail(db: Kysely<Database>, from: number): Promise<void> {
  const tail = await db
    .selectFrom("audit_log")
    .selectAll()
    .where("seq", ">=", from)
    .orderBy("seq")
    .execute();
  const before = await db
    .selectFrom("audit_log")
    .select("hash")
    .where("seq", "=", from - 1)
    .executeTakeFirstOrThrow();
  let previous = before.hash;
  for (const { hash: _, ...entry } of tail) {
    const forged = {
      ...entry,
      actor: entry.seq === from ? "iemand-anders@example.org" : entry.actor,
      prev_hash: previous,
    };
    previous = entryHash(forged);
    await sql`update audit_log set actor = ${forged.actor}, prev_hash = ${forged.prev_hash}, hash = ${previous} where seq = ${entry.seq}`.execute(
      db,
    );
  }
}

describeEachEngine("koers audit verify", ({ store, config }) => {
  const verify = (...args: string[]) => {
    const database = cliDatabase(config());
    return koersWith(database.env, "audit", "verify", ...args, ...database.args);
  };
  let head: string;

  beforeAll(async () => {
    ensureBuilt();
    await importBundle(store(), readBundle("examples/toeslagen-2025"), by(0));
    await closePeriod(store(), PLAN, "2025-10", by(1));
    await publishPeriod(store(), PLAN, "2025-10", by(2), { chromium: null });
    const html = (await publishedFile(store(), PLAN, "2025-10", "html")).content;
    head = /Controlegetal audittrail: ([0-9a-f]{64})/.exec(Buffer.from(html).toString())?.[1] ?? "";
    for (const [minute, value] of [1300, 1310, 1320].entries()) {
      const change = { planId: PLAN, indicatorId: "klachten-ontvangen", periodId: "2025-04" };
      await updateRealisation(store(), { ...change, value, version: minute + 1 }, by(3 + minute));
    }
  }, 120_000);

  it("passes an intact trail, and proves the head of the published report", () => {
    const plain = verify();
    expect(plain.stderr).toBe("");
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/^audit trail intact: 6 entries, head [0-9a-f]{64}\n$/);
    const anchored = verify("--head", head);
    expect(anchored.status).toBe(0);
    expect(anchored.stdout).toContain(`${head} is entry 2: that entry and every one before it`);
  });

  it("exits 1 naming the one entry altered in the database", async () => {
    const db = store().db;
    const { actor } = await db
      .selectFrom("audit_log")
      .select("actor")
      .where("seq", "=", 4)
      .executeTakeFirstOrThrow();
    await sql`update audit_log set actor = ${"iemand-anders@example.org"} where seq = 4`.execute(
      db,
    );
    const broken = verify();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toBe("koers: the audit trail is broken: entry 4 was altered\n");
    await sql`update audit_log set actor = ${actor} where seq = 4`.execute(db);
    expect(verify().status).toBe(0);
  });

  it("passes a tail rewritten consistently, unless given the head of the published report", async () => {
    await rewriteTail(store().db, 2);
    const plain = verify();
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain("audit trail intact: 6 entries");
    const anchored = verify("--head", head);
    expect(anchored.status).toBe(1);
    expect(anchored.stderr).toBe(
      `koers: the audit trail is broken: the chain does not hold the head ${head}: it was rewritten after it\n`,
    );
  });

  it("refuses a head that is not a SHA-256", () => {
    const refused = verify("--head", "abc");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--head must be a SHA-256/);
  });
});
