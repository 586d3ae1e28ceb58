/**
 * Twenty clients update the same realisation with the version they read: per version exactly
 * one wins, the others are told of the conflict, and the audit trail holds every accepted change
 * once. On PostgreSQL each client has its own connection pool, as separate server processes
 * would; SQLite is one process's embedded database, so the clients share its one connection, as
 * the requests of one server do.
 */
import { expect, it } from "vitest";
import { readBundle } from "../bundle/read-bundle.js";
import { verifyAudit } from "../store/audit.js";
import { openStore, type Store } from "../store/open.js";
import { importBundle } from "../store/plans.js";
import { describeEachEngine } from "../testing/engines.js";
import { ConflictError } from "./errors.js";
import { type RealisationChange, updateRealisation } from "./realisations.js";

const CLIENTS = 20;
const ROUNDS = 3;
const key = { planId: "toeslagen-2025", indicatorId: "klachten-ontvangen", periodId: "2025-10" };

describeEachEngine("concurrent updates of one realisation", ({ engine, store, config }) => {
  it(`lets exactly one of ${CLIENTS} clients win per version`, async () => {
    await importBundle(store(), readBundle("examples/toeslagen-2025"), {
      actor: "import",
      at: "2026-11-01T08:00:00.000Z",
    });
    const own = engine === "postgres";
    const clients: Store[] = own
      ? await Promise.all(Array.from({ length: CLIENTS }, () => openStore(config())))
      : Array.from({ length: CLIENTS }, () => store());
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const version = round + 1;
        const outcomes = await Promise.allSettled(
          clients.map((client, i) => {
            const change: RealisationChange = { ...key, value: 1000 + round * 100 + i, version };
            return updateRealisation(client, change, {
              actor: `client-${i}@example.org`,
              at: `2026-11-01T09:0${round}:00.000Z`,
            });
          }),
        );
        const won = outcomes.filter((o) => o.status === "fulfilled");
        const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
        expect(won).toHaveLength(1);
        expect(refused).toHaveLength(CLIENTS - 1);
        for (const r of refused) {
          expect(r.reason).toBeInstanceOf(ConflictError);
          expect((r.reason as ConflictError).current).toMatchObject({ version: version + 1 });
        }
      }
    } finally {
      if (own) await Promise.all(clients.map((c) => c.close()));
    }
    const db = store().db;
    const row = await db
      .selectFrom("realisations")
      .selectAll()
      .where("indicator_id", "=", key.indicatorId)
      .where("period_id", "=", key.periodId)
      .executeTakeFirstOrThrow();
    expect(Number(row.version)).toBe(ROUNDS + 1);
    const changes = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "update-realisation")
      .orderBy("seq")
      .execute();
    expect(changes).toHaveLength(ROUNDS);
    expect(changes.map((c) => JSON.parse(c.after ?? "{}").version)).toEqual([2, 3, 4]);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: ROUNDS + 1 });
  });
});
