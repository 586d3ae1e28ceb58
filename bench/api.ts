/**
 * Load on loopback with autocannon against a running Koers server, for SQLite and PostgreSQL
 * (docs/BENCHMARKS.md): the evaluation of a 500-indicator plan (reads) and realisation updates
 * (writes, each with the version it read).
 *
 *   node --import tsx bench/api.ts [--seconds 10] [--connections 50]
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { addUser } from "../src/app/accounts.js";
import type { Config } from "../src/app/config.js";
import { readBundle } from "../src/bundle/read-bundle.js";
import { indicatorsOf } from "../src/domain/plan.js";
import { startServer } from "../src/server/server.js";
import { openStore, type StoreConfig } from "../src/store/open.js";
import { importBundle } from "../src/store/plans.js";
import { generateBundle } from "./generate.js";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const SECONDS = arg("--seconds", 10);
const CONNECTIONS = arg("--connections", 50);
const PG_URL = process.env.KOERS_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const PASSWORD = "benchmark-password-1";

async function database(
  engine: "sqlite" | "postgres",
): Promise<{ config: StoreConfig; drop: () => Promise<void> }> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "koers-bench-api-"));
    return {
      config: { engine, file: join(dir, "koers.db") },
      drop: async () => rmSync(dir, { recursive: true }),
    };
  }
  const schema = `koers_bench_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  return {
    config: { engine, url: PG_URL, schema, poolSize: 20 },
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

function summary(result: autocannon.Result): string {
  const { requests, latency, non2xx, errors } = result;
  return `${requests.average.toFixed(0)} req/s, p50 ${latency.p50} ms, p99 ${latency.p99} ms${non2xx ? `, ${non2xx} non-2xx` : ""}${errors ? `, ${errors} errors` : ""}`;
}

async function run(engine: "sqlite" | "postgres"): Promise<void> {
  const { config: storeConfig, drop } = await database(engine);
  const bundleDir = mkdtempSync(join(tmpdir(), "koers-bench-api-plan-"));
  const generated = generateBundle(bundleDir, {
    groups: 5,
    subgroups: 10,
    indicatorsPerSubgroup: 10,
  });
  const bundle = readBundle(bundleDir);
  const store = await openStore(storeConfig);
  const by = { actor: "benchmark", at: new Date().toISOString() };
  await importBundle(store, bundle, by);
  await addUser(store, { email: "editor@example.org", role: "editor", password: PASSWORD }, by);
  const config: Config = {
    store: storeConfig,
    server: { port: 0, host: "127.0.0.1", secureCookies: false, trustProxy: 0, logLevel: "silent" },
  };
  const { app, url } = await startServer(config, store);
  try {
    const signIn = await fetch(`${url}api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "editor@example.org", password: PASSWORD }),
    });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const period = generated.periodIds.at(-1) as string;
    const reads = await autocannon({
      url: `${url}api/plans/${bundle.plan.id}/periods/${period}/evaluation`,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { cookie },
    });
    console.log(
      `${engine.padEnd(8)} GET evaluation (${generated.indicators} indicators), ${CONNECTIONS} connections: ${summary(reads)}`,
    );

    const keys = indicatorsOf(bundle.plan.nodes)
      .filter((i) => i.target.kind !== "qualitative")
      .flatMap((i) => bundle.plan.periods.map((p) => ({ indicator: i.id, period: p.id })));
    const versions = new Map<string, number>(
      bundle.realisations.map((r) => [`${r.indicatorId}/${r.periodId}`, 1]),
    );
    let next = 0;
    const writes = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { cookie, "content-type": "application/json" },
      requests: [
        {
          setupRequest: (request, context) => {
            const key = keys[next++ % keys.length] as { indicator: string; period: string };
            const id = `${key.indicator}/${key.period}`;
            (context as { id?: string }).id = id;
            return {
              ...request,
              method: "PUT",
              path: `/api/plans/${bundle.plan.id}/realisations/${id}`,
              body: JSON.stringify({ value: 1 + (next % 90), version: versions.get(id) ?? 0 }),
            };
          },
          onResponse: (status, body, context) => {
            if (status === 200)
              versions.set((context as { id: string }).id, JSON.parse(body).version);
          },
        },
      ],
    });
    console.log(
      `${engine.padEnd(8)} PUT realisation, ${CONNECTIONS} connections: ${summary(writes)}`,
    );
  } finally {
    await app.close();
    await store.close();
    await drop();
    rmSync(bundleDir, { recursive: true, force: true });
  }
}

console.log(
  `Koers API benchmark — node ${process.version}; autocannon ${SECONDS} s per run on loopback`,
);
for (const engine of ["sqlite", "postgres"] as const) await run(engine);
