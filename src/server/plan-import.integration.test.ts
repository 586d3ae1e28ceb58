/**
 * Importing a plan bundle through the API on every engine: the preview, the import, replacing
 * only when asked, every problem as `file:line: message`, and refusals that store nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ROOT } from "../testing/cli.js";
import { describeEachEngine } from "../testing/engines.js";
import { ACCOUNTS, PLAN, seed, signInCookie, testConfig } from "../testing/server.js";
import { buildServer } from "./server.js";

interface BundleFile {
  path: string;
  content: string;
}

function exampleFiles(): BundleFile[] {
  const dir = join(ROOT, "examples", PLAN);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      return { path: relative(dir, file), content: readFileSync(file, "utf8") };
    });
}

/** The example with its plan.yaml changed by `edit`. */
function withPlan(edit: (planYaml: string) => string): BundleFile[] {
  return exampleFiles().map((f) =>
    f.path === "plan.yaml" ? { ...f, content: edit(f.content) } : f,
  );
}

const renamed = (id: string) => withPlan((yaml) => yaml.replace(/^id: .*$/m, `id: ${id}`));

describeEachEngine("importing a plan through the API", ({ store, config }) => {
  let app: FastifyInstance;
  let editor: string;

  beforeAll(async () => {
    await seed(store());
    app = buildServer(testConfig(config()), store());
    editor = await signInCookie(app, ACCOUNTS.editor.email);
  });
  afterAll(() => app?.close());

  const post = (cookie: string, files: BundleFile[], query = "") =>
    app.inject({
      method: "POST",
      url: `/api/plans${query}`,
      headers: { cookie },
      payload: { files },
    });

  async function stored() {
    const db = store().db;
    const [plans, realisations, audit] = await Promise.all([
      db.selectFrom("plans").select(["id", "title", "imported_at"]).orderBy("id").execute(),
      db.selectFrom("realisations").select("plan_id").execute(),
      db.selectFrom("audit_log").select("seq").execute(),
    ]);
    return { plans, realisations: realisations.length, audit: audit.length };
  }

  it("describes the plan in a preview and stores nothing", async () => {
    const before = await stored();
    const response = await post(editor, renamed("nieuw-2025"), "?preview=true");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      id: "nieuw-2025",
      title: "Jaarplan Toeslagen 2025",
      organisation: "Dienst Toeslagen",
      year: 2025,
      periods: [
        { id: "2025-04", label: "jan - april" },
        { id: "2025-10", label: "jan - okt" },
      ],
      indicators: expect.any(Number),
      realisations: expect.any(Number),
      explanations: 11,
      sections: 1,
      warnings: expect.any(Array),
      replaces: false,
      imported: false,
    });
    expect(response.json().indicators).toBeGreaterThan(20);
    expect(await stored()).toEqual(before);
  });

  it("imports a new plan, which is then listed and audited", async () => {
    const response = await post(editor, renamed("nieuw-2025"));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ id: "nieuw-2025", imported: true, replaces: false });
    const plans = await app.inject({ url: "/api/plans", headers: { cookie: editor } });
    expect(plans.json().map((p: { id: string }) => p.id)).toContain("nieuw-2025");
    const audit = await store()
      .db.selectFrom("audit_log")
      .select(["action", "actor"])
      .where("entity_key", "=", "nieuw-2025")
      .execute();
    expect(audit).toEqual([{ action: "import-plan", actor: ACCOUNTS.editor.email }]);
  });

  it("replaces a plan only when asked", async () => {
    const before = await stored();
    const refused = await post(editor, exampleFiles());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/already there: import with replace/);
    expect(await stored()).toEqual(before);
    const preview = await post(editor, exampleFiles(), "?preview=true");
    expect(preview.json()).toMatchObject({ replaces: true, imported: false });

    const retitled = withPlan((yaml) => yaml.replace(/^title: .*$/m, "title: Jaarplan herzien"));
    const replaced = await post(editor, retitled, "?replace=true");
    expect(replaced.statusCode, replaced.body).toBe(201);
    expect(replaced.json()).toMatchObject({ replaces: true, imported: true });
    const row = await store()
      .db.selectFrom("plans")
      .select("title")
      .where("id", "=", PLAN)
      .executeTakeFirst();
    expect(row?.title).toBe("Jaarplan herzien");
  });

  it("refuses a bundle with problems with every one of them, and stores nothing", async () => {
    const before = await stored();
    const files = exampleFiles().map((f) =>
      f.path === "realisations.csv"
        ? { ...f, content: `${f.content}onbekend;2025-10;1;\nklachten-ontvangen;2025-99;7;\n` }
        : f,
    );
    const response = await post(editor, files, "?replace=true");
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const lines = files.find((f) => f.path === "realisations.csv")?.content.split("\n").length;
    expect(response.json()).toMatchObject({
      type: "urn:koers:problem:invalid-bundle",
      problems: expect.arrayContaining([
        expect.stringMatching(new RegExp(`^realisations\\.csv:${(lines ?? 0) - 2}: .*onbekend`)),
        expect.stringMatching(new RegExp(`^realisations\\.csv:${(lines ?? 0) - 1}: .*2025-99`)),
      ]),
    });
    expect(await stored()).toEqual(before);
  });

  it("names plan.yaml's problems by line, and a bundle without plan.yaml", async () => {
    const broken = await post(
      editor,
      withPlan((yaml) => yaml.replace(/^year: 2025$/m, "year: twintig")),
      "?preview=true",
    );
    expect(broken.statusCode).toBe(422);
    expect(broken.json().problems[0]).toMatch(/^plan\.yaml:\d+: /);
    const missing = await post(
      editor,
      exampleFiles().filter((f) => f.path !== "plan.yaml"),
      "?preview=true",
    );
    expect(missing.json().problems).toEqual(["plan.yaml: missing: a plan bundle needs plan.yaml"]);
  });

  it("refuses a path outside the bundle before writing anything", async () => {
    const response = await post(editor, [
      ...exampleFiles(),
      { path: "../buiten.md", content: "x" },
      { path: "/etc/koers", content: "x" },
    ]);
    expect(response.statusCode).toBe(422);
    expect(response.json().problems).toEqual([
      "../buiten.md: not a path inside the bundle (such as plan.yaml)",
      "/etc/koers: not a path inside the bundle (such as plan.yaml)",
    ]);
  });

  it("refuses owners, viewers and another organisation's editor, storing nothing", async () => {
    const before = await stored();
    for (const name of ["owner", "viewer", "otherOrganisation"] as const) {
      const cookie = await signInCookie(app, ACCOUNTS[name].email);
      const response = await post(cookie, renamed(`van-${name.toLowerCase()}`));
      expect(response.statusCode, name).toBe(403);
    }
    // Naming its own organisation in plan.yaml does not let it replace another's plan.
    const other = await signInCookie(app, ACCOUNTS.otherOrganisation.email);
    const takeover = withPlan((yaml) =>
      yaml.replace(/^organisation: .*$/m, "organisation: Benefits Agency (Dienst Toeslagen)"),
    );
    expect((await post(other, takeover, "?replace=true")).statusCode).toBe(403);
    expect(await stored()).toEqual(before);
  });
});
