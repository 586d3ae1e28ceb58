/**
 * A large `koers import` killed with SIGKILL in the middle of its transaction leaves the
 * database as it was before, on every engine; a rerun then succeeds.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import BetterSqlite3 from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import { expect, it } from "vitest";
import { generateBundle } from "../../bench/generate.js";
import { readBundle } from "../bundle/read-bundle.js";
import { ensureBuilt, koersWith, ROOT } from "../testing/cli.js";
import { describeEachEngine } from "../testing/engines.js";
import { cliDatabase } from "../testing/store-cli.js";
import { auditHead } from "./audit.js";
import type { Database } from "./database.js";
import type { StoreConfig } from "./open.js";
import { importBundle, planIds } from "./plans.js";

const TABLES = [
  "organisations",
  "plans",
  "periods",
  "realisations",
  "explanations",
  "sections",
  "users",
  "roles",
  "sessions",
  "sign_in_failures",
  "audit_log",
  "published_reports",
] as const satisfies readonly (keyof Database)[];

/** What must be the same before the import and after the killed one. */
async function snapshot(db: Kysely<Database>) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]?.n);
  }
  return { counts, plans: await planIds(db), head: await auditHead(db) };
}

/**
 * Resolves once the import is certainly inside its transaction, writing: on SQLite, the write
 * lock held for a while (not a migration's moment); on PostgreSQL, its connection inserting
 * realisations inside a transaction that has written.
 */
async function inTransaction(
  config: StoreConfig,
  db: Kysely<Database>,
  child: ChildProcess,
  applicationName: string,
): Promise<void> {
  const probe = config.engine === "sqlite" ? new BetterSqlite3(config.file) : undefined;
  probe?.pragma("busy_timeout = 0");
  const held = async (): Promise<boolean> => {
    if (probe) {
      try {
        probe.prepare("begin immediate").run();
        probe.prepare("rollback").run();
        return false;
      } catch {
        return true;
      }
    }
    const { rows } = await sql<{ n: number }>`select count(*) as n from pg_stat_activity
      where application_name = ${applicationName} and backend_xid is not null
      and query like 'insert into "realisations"%'`.execute(db);
    return Number(rows[0]?.n) > 0;
  };
  try {
    let heldSince: number | undefined;
    while (child.exitCode === null) {
      if (await held()) {
        heldSince ??= performance.now();
        // A migration may hold SQLite's lock for a moment; the import's transaction far longer.
        if (!probe || performance.now() - heldSince >= 20) return;
      } else {
        heldSince = undefined;
      }
      await sleep(1);
    }
    throw new Error(`the import ended (status ${child.exitCode}) before it could be caught`);
  } finally {
    probe?.close();
  }
}

describeEachEngine("an import killed midway", ({ engine, store, config }) => {
  it("leaves every table as before, and a rerun succeeds", async () => {
    ensureBuilt();
    const dir = join(mkdtempSync(join(tmpdir(), "koers-crash-")), "bundle");
    const generated = generateBundle(dir, { groups: 20, subgroups: 10, indicatorsPerSubgroup: 10 });
    expect(generated.realisations).toBe(24_000);
    await importBundle(store(), readBundle("examples/toeslagen-2025"), {
      actor: "adviseur@example.org",
      at: "2026-11-05T09:00:00.000Z",
    });
    const before = await snapshot(store().db);

    const applicationName = `koers-crash-${process.pid}-${engine}`;
    const database = cliDatabase(config());
    const env = { ...database.env };
    if (env.KOERS_DATABASE_URL) {
      const url = new URL(env.KOERS_DATABASE_URL);
      url.searchParams.set("application_name", applicationName);
      env.KOERS_DATABASE_URL = url.toString();
    }
    const child = spawn(
      process.execPath,
      [join(ROOT, "bin", "koers"), "import", dir, ...database.args],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_, signal) => resolve(signal)),
    );
    await inTransaction(config(), store().db, child, applicationName);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(output).not.toMatch(/Imported/);

    // PostgreSQL rolls back when it sees the connection gone; wait for its lock to go too.
    for (let i = 0; i < 100 && engine === "postgres"; i++) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from pg_stat_activity
        where application_name = ${applicationName}`.execute(store().db);
      if (Number(rows[0]?.n) === 0) break;
      await sleep(50);
    }
    expect(await snapshot(store().db)).toEqual(before);

    const rerun = koersWith(database.env, "import", dir, ...database.args);
    expect({ status: rerun.status, stderr: rerun.stderr }).toMatchObject({ status: 0 });
    const after = await snapshot(store().db);
    expect(after.plans.map((p) => p.id)).toEqual(["benchmark-2025", "toeslagen-2025"]);
    expect(after.counts.realisations).toBe((before.counts.realisations ?? 0) + 24_000);
  }, 120_000);
});
