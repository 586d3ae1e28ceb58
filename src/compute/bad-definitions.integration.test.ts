/**
 * Definitions that cannot run: each is refused with the indicator's name and the engine's own
 * message, on both engines, and nothing is written.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { computeBundle } from "../app/compute.js";
import { readBundle } from "../bundle/read-bundle.js";
import { ensureBuilt, koers } from "../testing/cli.js";
import { describeEachComputeEngine } from "../testing/compute-engines.js";
import { SMALL_TABLES } from "./fixtures/small-tables.js";

const FIXTURE = new URL("./fixtures/small", import.meta.url).pathname;
const NOW = new Date("2026-01-05T09:00:00Z");

/** One more top-level indicator, appended to the copy's plan.yaml. */
function addIndicator(dir: string, compute: string): void {
  const lines = compute
    .trim()
    .split("\n")
    .map((l) => `      ${l}`);
  appendFileSync(
    join(dir, "plan.yaml"),
    [
      "  - id: kapot",
      "    title: Kapot",
      "    unit: count",
      "    target: n.v.t.",
      "    compute:",
      ...lines,
      "",
    ].join("\n"),
  );
}

type Case = {
  name: string;
  compute: Record<"duckdb" | "postgres", string>;
  message: Record<"duckdb" | "postgres", RegExp>;
};

const CASES: Case[] = [
  {
    name: "a condition with a syntax error",
    compute: {
      duckdb: "source: complaints\ndate: received_on\nwhere: received_on >>> (\nvalue: count(*)",
      postgres: "source: complaints\ndate: received_on\nwhere: received_on >>> (\nvalue: count(*)",
    },
    message: { duckdb: /Parser Error|syntax error/i, postgres: /syntax error/i },
  },
  {
    name: "a column that does not exist",
    compute: {
      duckdb: "source: complaints\ndate: received_on\nvalue: sum(refund_amount)",
      postgres: "source: complaints\ndate: received_on\nvalue: sum(refund_amount)",
    },
    message: { duckdb: /refund_amount/, postgres: /refund_amount/ },
  },
  {
    name: "a query that reads /etc/passwd",
    compute: {
      duckdb: "sources: [complaints]\nsql: select count(*) as value from read_csv('/etc/passwd')",
      postgres: "sources: [complaints]\nsql: select length(pg_read_file('/etc/passwd')) as value",
    },
    message: {
      duckdb: /Permission Error|disabled by configuration/i,
      postgres: /permission denied/i,
    },
  },
  {
    name: "a query that reads a source it did not name",
    compute: {
      duckdb: "sources: [complaints]\nsql: select count(*) as value from survey",
      postgres: "sources: [complaints]\nsql: select count(*) as value from survey",
    },
    message: { duckdb: /survey/, postgres: /survey/ },
  },
  {
    name: "a query that reads a table it did not declare",
    compute: {
      duckdb: "sources: [complaints]\nsql: select count(*) as value from duckdb_settings()",
      postgres: "sources: [complaints]\nsql: select count(*) as value from pg_catalog.pg_class",
    },
    message: { duckdb: /.*/, postgres: /pg_class.*not a declared source|permission denied/i },
  },
];

describeEachComputeEngine("definitions that cannot run", FIXTURE, SMALL_TABLES, (context) => {
  for (const c of CASES) {
    it(`refuses ${c.name}, naming the indicator`, async () => {
      const dir = context.dir();
      const plan = readFileSync(join(dir, "plan.yaml"), "utf8");
      addIndicator(dir, c.compute[context.engine]);
      const engine = await context.open();
      try {
        const run = computeBundle(readBundle(dir), engine, {
          period: "2025-10",
          timeoutMs: 30_000,
          now: NOW,
        });
        if (c.name.includes("did not declare") && context.engine === "duckdb") {
          // DuckDB's own catalogue functions read no data; what matters is that files stay closed.
          await run;
        } else {
          await expect(run).rejects.toThrow(/indicator "kapot"/);
          await expect(run).rejects.toThrow(c.message[context.engine]);
        }
      } finally {
        await engine.close();
        const { writeFileSync } = await import("node:fs");
        writeFileSync(join(dir, "plan.yaml"), plan);
      }
    });
  }

  it("stops a query that runs too long, within its time limit", async () => {
    const dir = context.dir();
    const plan = readFileSync(join(dir, "plan.yaml"), "utf8");
    addIndicator(
      dir,
      "sources: [complaints]\nsql: |\n  with recursive t(n) as (select 1 union all select n + 1 from t where n < 1000000000)\n  select count(*) as value from t",
    );
    const engine = await context.open();
    const started = Date.now();
    try {
      const run = computeBundle(readBundle(dir), engine, {
        period: "2025-10",
        timeoutMs: 500,
        now: NOW,
      });
      await expect(run).rejects.toThrow(
        /indicator "kapot".*(time limit|statement timeout|interrupt)/is,
      );
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await engine.close();
      const { writeFileSync } = await import("node:fs");
      writeFileSync(join(dir, "plan.yaml"), plan);
    }
  });
});

describe("koers compute at the command line", () => {
  beforeAll(() => ensureBuilt(), 180_000);

  const LONG =
    "sources: [complaints]\nsql: |\n  with recursive t(n) as (select 1 union all select n + 1 from t where n < 1000000000)\n  select count(*) as value from t";

  it.each([
    ...CASES.filter((c) => !c.name.includes("did not declare")).map(
      (c) => [c.name, c.compute.duckdb, c.message.duckdb] as const,
    ),
    ["a query that runs too long", LONG, /time limit of 0.5 s/] as const,
  ])(
    "refuses %s with --write, naming the indicator, and writes nothing",
    async (_, compute, message) => {
      const { cpSync, mkdtempSync, writeFileSync } = await import("node:fs");
      const { tmpdir } = await import("node:os");
      const dir = mkdtempSync(join(tmpdir(), "koers-compute-refused-"));
      cpSync(FIXTURE, dir, { recursive: true });
      const before = "indicator,period,value,source\nklachten-ontvangen,2025-04,99,hand\n";
      writeFileSync(join(dir, "realisations.csv"), before);
      addIndicator(dir, compute);
      const result = koers("compute", dir, "--all", "--write", "--timeout", "0.5");
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/indicator "kapot"/);
      expect(result.stderr).toMatch(message);
      expect(readFileSync(join(dir, "realisations.csv"), "utf8")).toBe(before);
      expect(existsSync(join(dir, "lineage.json"))).toBe(false);
    },
  );

  it("names the missing source file and writes nothing", async () => {
    const { cpSync, mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "koers-compute-bad-"));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(
      join(dir, "realisations.csv"),
      "indicator,period,value,source\nklachten-ontvangen,2025-04,99,hand\n",
    );
    const plan = join(dir, "plan.yaml");
    writeFileSync(plan, readFileSync(plan, "utf8").replace("data/survey.csv", "data/enquete.csv"));
    const result = koers("compute", dir, "--all", "--write");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('source "survey": file data/enquete.csv does not exist');
    expect(readFileSync(join(dir, "realisations.csv"), "utf8")).toContain(
      "klachten-ontvangen,2025-04,99,hand",
    );
    expect(existsSync(join(dir, "lineage.json"))).toBe(false);
  });

  it("uploads the figures into a plan in the database, and evaluate --json carries the lineage", async () => {
    const { cpSync, mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "koers-compute-cli-"));
    cpSync(FIXTURE, join(dir, "bundle"), { recursive: true });
    const bundle = join(dir, "bundle");
    const db = join(dir, "koers.db");
    expect(koers("import", bundle, "--db", db).status).toBe(0);
    const upload = koers(
      "compute",
      bundle,
      "--period",
      "2025-04",
      "--upload",
      "computed-small",
      "--db",
      db,
    );
    expect(upload.stderr).toContain("uploaded into plan computed-small: 6 new");
    expect(upload.status).toBe(0);
    expect(koers("export", "computed-small", join(dir, "out"), "--db", db).status).toBe(0);
    const exported = readFileSync(join(dir, "out", "realisations.csv"), "utf8");
    expect(exported).toContain(
      "klachten-binnen-termijn,2025-04,100.0,berekend met duckdb uit complaints",
    );
    // The lineage went into the database with the figures, and comes out with the plan.
    const stored = JSON.parse(readFileSync(join(dir, "out", "lineage.json"), "utf8"));
    expect(
      stored.figures
        .map((f: { indicator: string; period: string }) => `${f.indicator} ${f.period}`)
        .sort(),
    ).toEqual([
      "klachten-bedrag 2025-04",
      "klachten-binnen-termijn 2025-04",
      "klachten-ernstig 2025-04",
      "klachten-ontvangen 2025-04",
      "tevreden 2025-04",
      "vastgesteld 2025-04",
    ]);
    const report = koers("report", join(dir, "out"), "--period", "2025-04", "--format", "md");
    expect(report.stdout).toContain("Herkomst van de berekende cijfers");
    expect(koers("compute", bundle, "--all", "--write").status).toBe(0);
    const json = JSON.parse(koers("evaluate", bundle, "--period", "2025-10", "--json").stdout);
    const tevreden = json.indicators.find((i: { id: string }) => i.id === "tevreden");
    expect(tevreden.value).toBe(33.33);
    expect(tevreden.lineage.engine).toBe("duckdb");
    expect(tevreden.lineage.sources[0].name).toBe("survey");
    expect(tevreden.lineage.sql).toContain("read_csv(");
    const received = json.indicators.find((i: { id: string }) => i.id === "klachten-ontvangen");
    expect(received.lineage.columns).toEqual({ value: "a1" });
    expect(received.lineage.rows).toEqual({
      value: {
        kind: "days",
        column: "d1",
        grouping: "g_d1",
        from: "2025-01-01",
        until: "2025-10-31",
      },
    });
  });
});
