/**
 * A computed plan in the browser: imported with its lineage, its indicator page says how each
 * computed figure came about — engine, files with their SHA-256, the SQL — and passes axe.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addUser } from "../app/accounts.js";
import { readBundle } from "../bundle/read-bundle.js";
import { openStore, type Store } from "../store/open.js";
import { importBundle } from "../store/plans.js";
import { describeViolations, runAxe } from "../testing/axe.js";
import { describeWithBrowser, launchBrowser } from "../testing/browser.js";
import { ensureBuilt } from "../testing/cli.js";
import { computedSmallBundle } from "../testing/computed-bundle.js";
import { SIZES, snap } from "../testing/pages.js";
import { PASSWORD, SETUP, testConfig } from "../testing/server.js";
import { startServer } from "./server.js";

const EDITOR = "redacteur@example.org";

describeWithBrowser("a computed figure's origin in the app", () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    dir = await computedSmallBundle();
    const config = { engine: "sqlite" as const, file: join(dir, "koers.db") };
    store = await openStore(config);
    await importBundle(store, readBundle(dir), SETUP);
    await addUser(store, { email: EDITOR, role: "editor", password: PASSWORD }, SETUP);
    ({ app, url } = await startServer(testConfig(config), store));
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows the engine, the file's SHA-256 and the SQL of each period's figure", async () => {
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.setViewportSize(SIZES[0]);
    await page.goto(url);
    await page.getByLabel("E-mailadres").fill(EDITOR);
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByLabel("Wachtwoord").press("Enter");
    await page.locator("table.indicators caption").waitFor();
    await page.getByRole("link", { name: "Klachten binnen termijn" }).click();
    const section = page.getByRole("region", { name: "Herkomst van de berekende cijfers" });
    await section.waitFor();
    const october = section.locator("details", { hasText: "Periode jan - okt" });
    await october.locator("summary").click();
    const lineage = JSON.parse(readFileSync(join(dir, "lineage.json"), "utf8"));
    const sha256 = lineage.figures[0].sources[0].files[0].sha256 as string;
    await expect.poll(() => october.locator("code.hash").first().textContent()).toBe(sha256);
    expect(await october.locator("pre.sql").textContent()).toContain("read_csv(");
    expect(await october.textContent()).toContain("DuckDB v1.");
    expect(await section.locator("details").count()).toBe(2);
    const axe = await runAxe(page);
    expect(axe.violations.length, describeViolations(axe.violations)).toBe(0);
    await snap(page, "indicator-computed-origin");
  });
});
