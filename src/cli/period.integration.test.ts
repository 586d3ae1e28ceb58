/** `koers upload` and `koers period close|publish|reopen` on a SQLite file, as run by an administrator. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../app/accounts.js";
import { readBundle } from "../bundle/read-bundle.js";
import { openStore } from "../store/open.js";
import { importBundle } from "../store/plans.js";
import { ensureBuilt, koersWith } from "../testing/cli.js";

const dir = mkdtempSync(join(tmpdir(), "koers-period-"));
const db = join(dir, "koers.db");
// No PDF: printing one is the PDF tests' business, and takes a browser's time.
const koers = (...args: string[]) =>
  koersWith({ KOERS_CHROMIUM: join(dir, "no-chromium") }, ...args, "--db", db);
function csv(name: string, ...lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("koers upload and koers period", () => {
  beforeAll(async () => {
    ensureBuilt();
    const store = await openStore({ engine: "sqlite", file: db });
    const by = { actor: "adviseur@example.org", at: "2026-11-06T09:00:00.000Z" };
    await importBundle(store, readBundle("examples/toeslagen-2025"), by);
    for (const role of ["admin", "editor"] as const) {
      await addUser(store, { email: `${role}@example.org`, role, password: "x".repeat(16) }, by);
    }
    await store.close();
  }, 120_000);

  it("reports every bad line of an upload and writes nothing", () => {
    const file = csv(
      "bad.csv",
      "indicator,period,value",
      "klachten-ontvangen,2025-10,1400",
      "onbekend,2025-10,1",
      "klachten-ontvangen,2025-99,1",
    );
    const result = koers("upload", "toeslagen-2025", file);
    expect(result.status).toBe(2);
    expect(result.stderr.split("\n")).toEqual([
      `${file}:3: unknown indicator "onbekend" (column indicator): not in plan.yaml`,
      `${file}:4: unknown period "2025-99" (column period): not in plan.yaml`,
      "koers: the upload has 2 problems; nothing was written",
      "",
    ]);
  });

  it("uploads a good file", () => {
    const file = csv("good.csv", "indicator;period;value", "klachten-ontvangen;2025-10;1.400");
    const result = koers("upload", "toeslagen-2025", file);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      `Uploaded ${file} into plan toeslagen-2025: 1 row, 0 new, 1 changed, 0 unchanged\n`,
    );
  });

  it("closes a period, after which an upload into it is refused", () => {
    expect(koers("period", "close", "toeslagen-2025", "2025-10").stdout).toMatch(/^Closed period/);
    const file = csv("late.csv", "indicator,period,value", "klachten-ontvangen,2025-10,1500");
    const late = koers("upload", "toeslagen-2025", file);
    expect(late.status).toBe(2);
    expect(late.stderr).toMatch(/locked periods in the upload: 2025-10 \(closed\)/);
  });

  it("publishes the closed period, listing each file with its SHA-256 and the audit head", () => {
    const result = koers("period", "publish", "toeslagen-2025", "2025-10");
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/published without PDF/);
    expect(result.stdout).toMatch(/^Published period 2025-10 of plan toeslagen-2025 at /);
    expect(result.stdout).toMatch(/\naudit trail head: [0-9a-f]{64}\n/);
    const formats = [...result.stdout.matchAll(/^ {2}(\w+) +[0-9a-f]{64} {2}\d+ bytes$/gm)];
    expect(formats.map((m) => m[1])).toEqual(["html", "md", "csv", "docx"]);
  });

  it("reopens only with a reason, and only as an account that exists", () => {
    const noReason = koers("period", "reopen", "toeslagen-2025", "2025-10");
    expect(noReason.status).not.toBe(0);
    expect(noReason.stderr).toMatch(/required option '--reason <text>'/);
    const nobody = koers(
      "period",
      "reopen",
      "toeslagen-2025",
      "2025-10",
      "--reason",
      "fout",
      "--as",
      "niemand@example.org",
    );
    expect(nobody.status).toBe(2);
    expect(nobody.stderr).toMatch(/there is no account niemand@example.org/);
    const reopen = (as: string) =>
      koers("period", "reopen", "toeslagen-2025", "2025-10", "--reason", "fout", "--as", as);
    const editor = reopen("editor@example.org");
    expect(editor.status).toBe(2);
    expect(editor.stderr).toBe("koers: editor@example.org may not reopen this period\n");
    expect(reopen("admin@example.org").stdout).toBe(
      "Reopened period 2025-10 of plan toeslagen-2025\n",
    );
  });
});
