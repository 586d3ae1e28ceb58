/**
 * The register items' forms in Chromium against a real server: an owner reaches their measure
 * from the task list and updates it; an editor changes a finding's state, an article's figures
 * (a negative amount refused by field) and a register's narrative; axe-core's WCAG 2.1 AA rules
 * with the forms open.
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

describeWithBrowser("the register items' forms", () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), "koers-web-register-forms-"));
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

  async function registersAs(email: string): Promise<Page> {
    const page = await signInPage(browser, url, email, PASSWORD);
    await page.getByRole("button", { name: "Registers" }).click();
    await page.getByRole("heading", { name: "Risico's", level: 2, exact: true }).waitFor();
    return page;
  }

  it("puts the owner's risks and measures on their task list, each opening its form", async () => {
    const page = await signInPage(browser, url, ACCOUNTS.owner.email, PASSWORD);
    await page.getByRole("button", { name: "Toelichtingen" }).click();
    const mine = page.locator("section.register-tasks");
    await mine.getByRole("heading", { name: "Mijn risico's en maatregelen bijwerken" }).waitFor();
    expect(await mine.locator("li").allTextContents()).toEqual([
      expect.stringMatching(
        /^Verouderde systemen \(illustratie\) \(risico waarvan u eigenaar bent\)/,
      ),
      expect.stringMatching(
        /^Contractregister invoeren \(maatregel bij Onvolkomenheid inkoopbeheer/,
      ),
    ]);
    await expectAccessible(page);
    await snap(page, "register-tasks");

    await mine.getByRole("button", { name: `Bijwerken: ${OWNED_MEASURE}` }).click();
    const form = page.locator("#edit-measure-findings-inkoop-0");
    await expect.poll(() => form.getAttribute("open")).toBe("");
    // The keyboard is on the form, where the owner goes on.
    expect(await form.locator("summary:focus").count()).toBe(1);
    await form.getByLabel("Stand").selectOption("done");
    await form.getByLabel("Gepland gereed").fill("");
    await expectAccessible(page);
    await form.getByRole("button", { name: "Opslaan" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toBe("Opgeslagen.");
    await expect
      .poll(() => page.locator("#finding-inkoop > ul li").first().textContent())
      .toContain(`${ACCOUNTS.owner.email}; gereed`);
  });

  it("links the owner's own risk in Registers to its assessment form", async () => {
    const page = await registersAs(ACCOUNTS.owner.email);
    await page.locator("section.mine a", { hasText: "Verouderde systemen" }).click();
    const form = page.locator(`#edit-risk-${OWNED_RISK}`);
    await expect.poll(() => form.getAttribute("open")).toBe("");
    // The owner may update the mitigation of their risk, not the findings' state.
    expect(await page.locator(`#risk-${OWNED_RISK} details.assess`).count()).toBe(2);
    expect(await page.locator("#finding-inkoop > details.assess").count()).toBe(0);
  });

  it("lets an editor change a finding's state, and the flag goes", async () => {
    const page = await registersAs(ACCOUNTS.editor.email);
    const finding = page.locator("#finding-inkoop");
    // Open past its planned date: flagged above and in its history.
    expect(await finding.locator(".flag").count()).toBeGreaterThan(0);
    const form = finding.locator("#edit-finding-inkoop");
    await form.locator("summary").click();
    await form.getByLabel("Stand").selectOption("resolved");
    await form.getByLabel("Toelichting").fill("Het contractregister is in gebruik.");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toBe("Opgeslagen.");
    await expect.poll(() => finding.locator(".flag").count()).toBe(0);
  });

  it("refuses a negative amount by its field, then saves the figures", async () => {
    const page = await registersAs(ACCOUNTS.editor.email);
    const article = page.locator("#article-toeslag-klein");
    const form = article.locator("#edit-article-toeslag-klein");
    await form.locator("summary").click();
    const expenditure = form.getByLabel("Uitgaven (euro)");
    await expenditure.fill("-5");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await expect
      .poll(() => form.getByRole("alert").textContent())
      .toBe("Uitgaven (euro): -5 is negative: amounts are zero or more");
    expect(await expenditure.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
    await snap(page, "register-figures-refused");

    await expenditure.fill("5000000000");
    await form.getByLabel("Fouten (euro)").fill("60000000");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toBe("Opgeslagen.");
    await expect.poll(() => article.locator(".flag").count()).toBe(0);
  });

  it("lets an editor write a register's narrative, shown as the report renders it", async () => {
    const page = await registersAs(ACCOUNTS.editor.email);
    const form = page.locator("#edit-narrative-findings");
    await form.locator("summary").click();
    await form.getByLabel("Toelichting (Markdown)").fill("Het register is *in gebruik*.");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await expect
      .poll(() => page.locator("section[aria-labelledby=findings-heading] .narrative").innerHTML())
      .toContain("<em>in gebruik</em>");
    await expectAccessible(page);
  });
});
