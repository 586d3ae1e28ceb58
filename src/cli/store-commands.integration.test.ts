/** `koers import`, `export`, `user add` and `serve --demo` on every engine, as a user runs them. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readBundle } from "../bundle/read-bundle.js";
import { ensureBuilt, koersWith, ROOT } from "../testing/cli.js";
import { describeEachEngine } from "../testing/engines.js";
import { startKoers } from "../testing/server.js";
import { cliDatabase } from "../testing/store-cli.js";

const scratch = mkdtempSync(join(tmpdir(), "koers-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describeEachEngine("the database commands", ({ engine, config }) => {
  let run: (...args: string[]) => ReturnType<typeof koersWith>;
  let withInput: (input: string, ...args: string[]) => ReturnType<typeof spawnSync>;

  beforeAll(() => {
    ensureBuilt();
    const { args, env } = cliDatabase(config());
    run = (...command) => koersWith(env, ...command, ...args);
    withInput = (input, ...command) =>
      spawnSync(process.execPath, [join(ROOT, "bin", "koers"), ...command, ...args], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        input,
        encoding: "utf8",
      });
  }, 120_000);

  it("serves the demo on an empty database: the example plan and an admin who can sign in", async () => {
    const { args, env } = cliDatabase(config());
    const server = await startKoers(["--demo", ...args], env);
    try {
      expect(server.output).toMatch(/Demo: imported the example plan toeslagen-2025/);
      const password = /with password (\S+) \(shown only now\)/.exec(server.output)?.[1];
      const signIn = await fetch(new URL("/api/session", server.url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "admin@example.org", password }),
      });
      expect(signIn.status).toBe(204);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const again = await startKoers(["--demo", ...args], env);
    await again.stop();
    expect(again.output).not.toMatch(/imported|password/);
    expect(again.output).toMatch(/already has accounts/);
  });

  it("exports a plan as the bundle it was imported from", () => {
    const dir = join(scratch, `${engine}-export`);
    const exported = run("export", "toeslagen-2025", dir);
    expect(exported.stderr).toBe("");
    expect(exported.stdout).toBe(`Exported plan toeslagen-2025 to ${dir}\n`);
    const original = readBundle(join(ROOT, "examples", "toeslagen-2025"));
    const back = readBundle(dir);
    expect(back.plan).toEqual(original.plan);
    expect(back.realisations).toHaveLength(original.realisations.length);
    expect(back.explanations.map((e) => e.markdown).sort()).toEqual(
      original.explanations.map((e) => e.markdown).sort(),
    );
  });

  it("refuses a second import of a plan with exit 2, and replaces it when asked", () => {
    const refused = run("import", "examples/toeslagen-2025");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already in the database \(import with --replace/);
    const replaced = run("import", "examples/toeslagen-2025", "--replace");
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toMatch(/^Imported plan toeslagen-2025: 42 realisations/);
  });

  it("refuses to export a plan that is not there, with exit 2", () => {
    const missing = run("export", "nope", join(scratch, `${engine}-nope`));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("koers: no plan nope in the database\n");
  });

  it("adds a user with the password from standard input, and refuses bad ones with exit 2", () => {
    const added = withInput(
      "a long enough password\n",
      "user",
      "add",
      "--email",
      "Owner@Example.org",
      "--role",
      "owner",
      "--organisation",
      "Dienst Toeslagen",
      "--password-stdin",
    );
    expect(added.stderr).toBe("");
    expect(added.stdout).toBe("Added owner@example.org as owner for dienst-toeslagen\n");
    const again = withInput(
      "another password!",
      "user",
      "add",
      "--email",
      "owner@example.org",
      "--role",
      "viewer",
      "--password-stdin",
    );
    expect(again.status).toBe(2);
    expect(again.stderr).toBe("koers: owner@example.org already has an account\n");
    const short = withInput(
      "short",
      "user",
      "add",
      "--email",
      "x@example.org",
      "--role",
      "viewer",
      "--password-stdin",
    );
    expect(short.status).toBe(2);
    expect(short.stderr).toBe("koers: bad user: password must be at least 12 characters\n");
  });

  it("names a bad configuration and stops with exit 2", () => {
    const bad = koersWith(
      { KOERS_DATABASE_URL: "mysql://localhost/koers" },
      "export",
      "x",
      join(scratch, "x"),
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      "koers: bad configuration: KOERS_DATABASE_URL must be a postgres:// or postgresql:// URL\n",
    );
  });
});
