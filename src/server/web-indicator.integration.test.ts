/**
 * The indicator page in Chromium against a real server: opened from the dashboard's table, its
 * figures, targets, who entered them, the chart's text alternative and the explanations; the
 * dashboard's trend lines; axe-core's WCAG 2.1 AA rules; and the whole walk by keyboard alone.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openStore, type Store } from "../store/open.js";
import { describeViolations, runAxe } from "../testing/axe.js";
import { describeWithBrowser, launchBrowser } from "../testing/browser.js";
import { ensureBuilt } from "../testing/cli.js";
import { SIZES, snap } from "../testing/pages.js";
import { ACCOUNTS, PASSWORD, SETUP, seed, testConfig } from "../testing/server.js";
import { startServer } from "./server.js";

const KLACHTEN = "Aantal ontvangen klachten";

describeWithBrowser("the indicator page", () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), "koers-web-indicator-"));
    const config = { engine: "sqlite" as const, file: join(dir, "koers.db") };
    store = await openStore(config);
    await seed(store);
    ({ app, url } = await startServer(testConfig(config), store));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Signed in as an editor, by keyboard; `forAxe` lets axe's script past the app's CSP. */
  async function signedIn(forAxe = true): Promise<Page> {
    const page = await (await browser.newContext({ bypassCSP: forAxe })).newPage();
    await page.setViewportSize(SIZES[0]);
    await page.goto(url);
    await page.getByLabel("E-mailadres").fill(ACCOUNTS.editor.email);
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByLabel("Wachtwoord").press("Enter");
    await page.locator("table.indicators caption").waitFor();
    return page;
  }

  /** The focused element's tag and text, as "a Aantal ontvangen klachten". */
  const focused = (page: Page) =>
    page.evaluate(
      "[document.activeElement?.tagName.toLowerCase(), document.activeElement?.textContent?.trim()].join(' ')",
    ) as Promise<string>;

  /** The rows of the periods table: each cell's text. */
  const periodRows = (page: Page) =>
    page
      .locator("table.periods tbody tr")
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent?.trim())),
      );

  it("draws every indicator's trend on the dashboard, stated in words, none for a qualitative one", async () => {
    const page = await signedIn();
    const row = (title: string) =>
      page.locator("tr.indicator", { has: page.locator("th", { hasText: title }) });
    // The trends follow the table in a second pass.
    await expect
      .poll(() =>
        row(KLACHTEN)
          .getByRole("img", { name: "Verloop: jan - april 434; jan - okt 1.266" })
          .count(),
      )
      .toBe(1);
    expect(await row("Rechtmatige toekenning van toeslagen").locator("svg").count()).toBe(0);
    const axe = await runAxe(page);
    expect(axe.violations.length, describeViolations(axe.violations)).toBe(0);
    await snap(page, "indicator-trend-dashboard");
  });

  it("opens an indicator from the dashboard with its figures, targets, who entered them and its chart", async () => {
    const page = await signedIn();
    await page.getByRole("link", { name: KLACHTEN }).click();
    await page.getByRole("heading", { level: 1, name: KLACHTEN }).waitFor();
    await expect.poll(() => focused(page)).toBe(`h1 ${KLACHTEN}`);
    const entered = `${SETUP.actor}, 5 jan 2026, 09:00 (versie 1)`;
    expect(await periodRows(page)).toEqual([
      [
        "jan - april",
        "≤ 567",
        "434",
        "✓ gerealiseerd",
        "Klachtenregistratie jan - apr 2025",
        entered,
      ],
      [
        "jan - okt",
        "≤ 1.417",
        "1.266",
        "✓ gerealiseerd",
        "Klachtenregistratie jan - okt 2025",
        entered,
      ],
    ]);
    const definition = await page
      .locator("dl.definition div")
      .evaluateAll((facts) => facts.map((f) => [...f.children].map((c) => c.textContent)));
    expect(definition).toEqual(
      expect.arrayContaining([
        ["Groep", "Dienstverlening"],
        ["Streefwaarde", "apr: ≤ 567 / okt: ≤ 1.417"],
        ["Eenheid", "aantal"],
        ["Richting", "lager is beter"],
        ["Berekening", "opgeteld vanaf 1 januari"],
        ["Bron", "Klachtenregistratie Dienst Toeslagen"],
      ]),
    );
    const chart = page.getByRole("img", {
      name: "Aantal ontvangen klachten: realisatie per periode Realisatie per periode: jan - april 434 en jan - okt 1.266. Streefwaarde: apr: ≤ 567 / okt: ≤ 1.417.",
    });
    expect(await chart.count()).toBe(1);
    const axe = await runAxe(page);
    expect(axe.violations.length, describeViolations(axe.violations)).toBe(0);
    await snap(page, "indicator-klachten");

    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect
      .poll(() => page.locator("table.periods td.value").allTextContents())
      .toEqual(["434", "1,266"]);
    expect(await focused(page)).toMatch(/^button/);
    const english = await runAxe(page);
    expect(english.violations.length, describeViolations(english.violations)).toBe(0);
  });

  it("shows the explanations of every period, and a qualitative indicator without a chart", async () => {
    const page = await signedIn();
    const group = "Burgerbelofte 2: Bij Dienst Toeslagen weet je waar je aan toe bent";
    await page.locator('a[href="#indicator/toeslagen-2025/burgerbelofte-2-tevreden"]').click();
    await page.getByRole("heading", { level: 1, name: `${group} – Tevredenheid` }).waitFor();
    expect(await page.locator(".explanation h3").allTextContents()).toEqual([
      "jan - april (uitzondering 2)",
      "jan - okt (uitzondering 2)",
    ]);
    expect(await page.locator(".explanation p").first().textContent()).toMatch(
      /^Van de burgers is 41% het \(helemaal\) eens/,
    );
    const axe = await runAxe(page);
    expect(axe.violations.length, describeViolations(axe.violations)).toBe(0);
    await snap(page, "indicator-explanations");

    await page.getByRole("link", { name: "Terug naar het overzicht" }).click();
    await page.getByRole("link", { name: "Rechtmatige toekenning van toeslagen" }).click();
    await page.getByRole("heading", { level: 1, name: /Rechtmatige toekenning/ }).waitFor();
    expect(await page.locator(".chart svg").count()).toBe(0);
    expect(await page.locator("table.periods td.value").allTextContents()).toEqual([
      "n.v.t.",
      "n.v.t.",
    ]);
  });

  it("is walked with the keyboard alone: there, through it and back to the same link", async () => {
    const page = await signedIn(false);
    let steps = 0;
    while ((await focused(page)) !== `a ${KLACHTEN}`) {
      await page.keyboard.press("Tab");
      if (++steps > 100) throw new Error("the indicator's link is not reachable by Tab");
    }
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe(`h1 ${KLACHTEN}`);
    // The heading is not a tab stop itself, but Tab moves on from where the focus is.
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe("a ← Terug naar het overzicht");
    await page.keyboard.press("Enter");
    await page.locator("table.indicators caption").waitFor();
    await expect.poll(() => focused(page)).toBe(`a ${KLACHTEN}`);
    await page.goBack();
    await expect.poll(() => focused(page)).toBe(`h1 ${KLACHTEN}`);
    // The address alone opens the page again, as a bookmark does.
    await page.reload();
    await expect.poll(() => focused(page)).toBe(`h1 ${KLACHTEN}`);
  });
});
