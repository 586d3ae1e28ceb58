/**
 * The Registers view in Chromium against a real server: the three registers with their flags,
 * an item's history, the owner's own risks and measures, the tolerance excesses among the
 * dashboard's early warnings, English, changing a risk's assessment, and axe-core's WCAG 2.1
 * AA rules.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openStore, type Store } from "../store/open.js";
import { importBundle } from "../store/plans.js";
import { describeWithBrowser, launchBrowser } from "../testing/browser.js";
import { ensureBuilt } from "../testing/cli.js";
import { expectAccessible, signInPage, snap } from "../testing/pages.js";
import { OWNED_MEASURE, OWNED_RISK, registersExample } from "../testing/registers.js";
import { ACCOUNTS, PASSWORD, SETUP, seed, testConfig } from "../testing/server.js";
import { startServer } from "./server.js";

describeWithBrowser("the Registers view", () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), "koers-web-registers-"));
    const config = { engine: "sqlite" as const, file: join(dir, "koers.db") };
    store = await openStore(config);
    await seed(store);
    await importBundle(store, registersExample(), SETUP, true);
    ({ app, url } = await startServer(testConfig(config), store));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function registersPage(): Promise<Page> {
    const page = await signInPage(browser, url, ACCOUNTS.owner.email, PASSWORD);
    await page.getByRole("button", { name: "Registers" }).click();
    await page.getByRole("heading", { name: "Risico's", level: 2, exact: true }).waitFor();
    return page;
  }

  const titles = (page: Page, list: string) => page.locator(`#${list} > li h3`).allTextContents();

  it("lists the tolerance excesses among the dashboard's early warnings", async () => {
    const page = await signInPage(browser, url, ACCOUNTS.owner.email, PASSWORD);
    const panel = page.locator("section.early-warnings");
    await panel.waitFor();
    expect(await panel.locator("ul.tolerance-warnings li").allTextContents()).toEqual([
      expect.stringMatching(/^Toeslag in het kleine hoofdstuk: verwacht: ⚠ overschrijding van/),
    ]);
    await panel.scrollIntoViewIfNeeded();
    await snap(page, "registers-early-warnings");
  });

  it("shows the three registers with their flags as symbol and words", async () => {
    const page = await registersPage();
    expect(await titles(page, "risks")).toEqual([
      "Tekort aan personeel (illustratie)",
      "Verouderde systemen (illustratie)",
      "Politieke druk (illustratie)",
    ]);
    expect(await titles(page, "findings")).toEqual(["Onvolkomenheid inkoopbeheer (illustratie)"]);
    expect(await page.locator("#lawfulness > li").count()).toBe(4);
    const risk = page.locator("#risk-personeel");
    expect(await risk.locator(".flag").first().textContent()).toBe(
      "⚠ score gestegen van 12 naar 16",
    );
    expect(await page.locator("#finding-inkoop .flag").first().textContent()).toBe(
      "⚠ open na de geplande datum (30 juni 2025)",
    );
    expect(await page.locator("#article-toeslag-klein").textContent()).toContain(
      "begrensd door het hoofdstuk",
    );
    await expectAccessible(page);
    await snap(page, "registers");
  });

  it("shows an item's history per period on request", async () => {
    const page = await registersPage();
    const risk = page.locator("#risk-personeel");
    const table = risk.locator("table.register-history");
    expect(await table.isVisible()).toBe(false);
    // By keyboard: the summary is reached with Tab and opened with Enter.
    const summary = risk.locator("summary");
    expect(await summary.textContent()).toBe("Verloop Tekort aan personeel (illustratie)");
    await summary.focus();
    await page.keyboard.press("Enter");
    expect(await table.locator("caption").textContent()).toBe(
      "Verloop van Tekort aan personeel (illustratie) per periode",
    );
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
    expect(rows).toEqual([
      ["jan - april", "kans 3 × impact 4 = 12", "nieuw gescoord", ""],
      ["jan - okt", "kans 4 × impact 4 = 16", "⚠ gestegen", "Meer vertrek dan verwacht."],
    ]);
    await expectAccessible(page);
    await snap(page, "registers-history");
  });

  it("lists the owner's own risks and measures, and speaks English", async () => {
    const page = await registersPage();
    const mine = page.locator("section.mine li");
    expect(await mine.allTextContents()).toEqual([
      "Verouderde systemen (illustratie) (risico waarvan u eigenaar bent)",
      expect.stringContaining(OWNED_MEASURE),
    ]);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { name: "Risks", level: 2, exact: true }).waitFor();
    expect(await page.locator("section.mine h2").textContent()).toBe("My risks and measures");
    expect(await page.locator("#risk-personeel .flag").first().textContent()).toBe(
      "⚠ score rose from 12 to 16",
    );
    await expectAccessible(page);
    await snap(page, "registers-en");
  });

  it("saves a risk's assessment at the version read, and says when it was stale", async () => {
    const page = await registersPage();
    const editor = await signInPage(browser, url, ACCOUNTS.editor.email, PASSWORD);
    await editor.getByRole("button", { name: "Registers" }).click();
    const stale = editor.locator(`#risk-${OWNED_RISK}`);
    await stale.locator(`#edit-risk-${OWNED_RISK} > summary`).click();

    const risk = page.locator(`#risk-${OWNED_RISK}`);
    expect(await risk.locator(".flag").count()).toBe(0);
    await risk.locator(`#edit-risk-${OWNED_RISK} > summary`).click();
    await risk.getByLabel("Kans").selectOption("4");
    await risk.getByLabel("Impact").selectOption("4");
    await risk.getByLabel("Toelichting").fill("Leverancier stopt met ondersteuning.");
    await expectAccessible(page);
    await risk.getByRole("button", { name: "Opslaan" }).click();
    await expect.poll(() => risk.getByRole("status").textContent()).toBe("Opgeslagen.");
    await expect
      .poll(() => risk.locator(".flag").first().textContent())
      .toBe("⚠ score gestegen van 9 naar 16");
    await snap(page, "registers-edit");

    await stale.getByLabel("Kans").selectOption("2");
    await stale.getByLabel("Impact").selectOption("2");
    await stale.getByRole("button", { name: "Opslaan" }).click();
    await expect
      .poll(() => stale.getByRole("alert").textContent())
      .toMatch(/^Iemand anders heeft de beoordeling intussen gewijzigd \(versie 1\)/);
    await expect.poll(() => stale.getByLabel("Kans").inputValue()).toBe("4");
    await expectAccessible(editor);
  });
});
