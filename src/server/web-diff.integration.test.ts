/**
 * The app's comparison of two published periods in Chromium: reached from the navigation,
 * worked by keyboard alone, its result in tables a screen reader can read, and axe-core's
 * WCAG 2.1 AA rules on it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { closePeriod, publishPeriod } from "../app/lifecycle.js";
import { openStore, type Store } from "../store/open.js";
import { describeWithBrowser, launchBrowser } from "../testing/browser.js";
import { ensureBuilt } from "../testing/cli.js";
import { expectAccessible, signInPage, snap } from "../testing/pages.js";
import { ACCOUNTS, PASSWORD, PLAN, SETUP, seed, testConfig } from "../testing/server.js";
import { startServer } from "./server.js";

describeWithBrowser("comparing published periods in the app", () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), "koers-web-diff-"));
    const config = { engine: "sqlite" as const, file: join(dir, "koers.db") };
    store = await openStore(config);
    await seed(store);
    for (const period of ["2025-04", "2025-10"]) {
      await closePeriod(store, PLAN, period, SETUP);
      await publishPeriod(store, PLAN, period, SETUP, { chromium: null });
    }
    ({ app, url } = await startServer(testConfig(config), store));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("compares the two published periods by keyboard and shows each kind of change", async () => {
    const page = await signInPage(browser, url, ACCOUNTS.viewer.email, PASSWORD);
    await page.getByRole("button", { name: "Verschillen" }).click();
    await page
      .getByRole("heading", { name: "Verschillen tussen gepubliceerde rapportages" })
      .waitFor();
    expect(await page.getByLabel("Van periode").inputValue()).toBe("2025-04");
    expect(await page.getByLabel("Naar periode").inputValue()).toBe("2025-10");
    await page.getByRole("button", { name: "Vergelijken" }).focus();
    await page.keyboard.press("Enter");
    await page
      .getByRole("heading", {
        name: "Verschillen van jan - april (2025-04) naar jan - okt (2025-10)",
      })
      .waitFor();
    expect(await page.locator("section.differences h4").allTextContents()).toEqual([
      "Nieuwe uitzonderingen (0)",
      "Opgeloste uitzonderingen (0)",
      "Gewijzigde realisaties (15)",
      "Gewijzigde streefwaarden (1)",
      "Voornemens met een andere status (1)",
      "Gewijzigde toelichtingen (6)",
    ]);
    const targets = page.getByRole("region", { name: "Gewijzigde streefwaarden (1)" });
    expect(await targets.locator("tbody tr").first().locator("th, td").allTextContents()).toEqual([
      "Dienstverlening › Aantal ontvangen klachten (klachten-ontvangen)",
      "≤ 567",
      "≤ 1.417",
    ]);
    await expectAccessible(page);
    await snap(page, "diff");
  });
});
