/**
 * The web app in Chromium against a real server: sign in, the dashboard's indicator table as
 * the report has it, the exceptions filter, the language switch, and axe-core's WCAG 2.1 AA
 * rules on the sign-in page and the dashboard.
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
import { snap } from "../testing/pages.js";
import { ACCOUNTS, PASSWORD, PLAN, seed, signInCookie, testConfig } from "../testing/server.js";
import { startServer } from "./server.js";

describeWithBrowser("the web app", () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), "koers-web-"));
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

  /** Signed in as an editor; `forAxe` lets axe's injected script past the app's CSP. */
  async function signedIn(forAxe = true): Promise<Page> {
    const page = await (await browser.newContext({ bypassCSP: forAxe })).newPage();
    await page.goto(url);
    await page.getByLabel("E-mailadres").fill(ACCOUNTS.editor.email);
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await page.locator("table.indicators caption").waitFor();
    return page;
  }

  it("refuses a wrong password with a message, and passes axe on the sign-in page", async () => {
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(url);
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    const axe = await runAxe(page);
    expect(axe.violations.length, describeViolations(axe.violations)).toBe(0);
    await page.getByLabel("E-mailadres").fill(ACCOUNTS.editor.email);
    await page.getByLabel("Wachtwoord").fill("niet het wachtwoord");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("Onbekend e-mailadres of onjuist wachtwoord.");
    await snap(page, "sign-in");
  });

  it("shows the period's indicator table as the report has it, with its exceptions", async () => {
    const page = await signedIn();
    expect(await page.locator("table.indicators caption").textContent()).toMatch(
      /^Prestatie-indicatoren Jaarplan Toeslagen 2025/,
    );
    expect(await page.locator("thead th").allTextContents()).toEqual([
      "Prestatie-indicator",
      "Streefwaarde 2025",
      "Realisatie jan - april",
      "Realisatie jan - okt",
      "Verloop",
      "Status jan - okt",
      "Toelichting",
    ]);
    expect(await page.locator("td.note a").allTextContents()).toEqual(["1", "2", "3", "4", "5"]);
    expect(await page.locator(".count").textContent()).toBe("6 uitzonderingen");
    expect(
      await page.getByRole("combobox", { name: "Periode" }).locator("option").allTextContents(),
    ).toEqual(["2025-04 (open)", "2025-10 (open)"]);
    const klachten = page.locator("tr", {
      has: page.locator("th", { hasText: "Aantal ontvangen klachten" }),
    });
    expect(await klachten.locator("td").allTextContents()).toEqual([
      "apr: ≤ 567 / okt: ≤ 1.417",
      "434",
      "1.266",
      "Verloop: jan - april 434; jan - okt 1.266",
      "✓ gerealiseerd",
      "",
    ]);
    const axe = await runAxe(page);
    expect(axe.violations.length, describeViolations(axe.violations)).toBe(0);
    await snap(page, "dashboard");
  });

  it("shows the intentions with their milestones, due dates and notes", async () => {
    const page = await signedIn();
    const section = page.getByRole("region", { name: "Voornemens" });
    const items = section.locator(":scope > ul > li");
    expect(await items.count()).toBe(4);
    const procurement = items.filter({ hasText: "Onvolkomenheid in het inkoopbeheer opgelost" });
    expect(await procurement.locator("p").first().textContent()).toMatch(
      /^Bedrijfsvoering: Onvolkomenheid in het inkoopbeheer opgelost — ⚠ loopt achter op planning \(toelichting 6\)/,
    );
    expect(await procurement.locator(".milestones li").textContent()).toMatch(
      /^Tekortkoming in het inkoopbeheer opgelost: ⚠ loopt achter op planning; gepland 31 december 2025 — Na de controles/,
    );
    expect(
      await procurement.getByRole("link", { name: "toelichting 6" }).getAttribute("href"),
    ).toBe("#note-6");
  });

  it("filters to the exceptions and their groups, under the app's own CSP", async () => {
    const page = await signedIn(false);
    await page.getByLabel("Alleen uitzonderingen").check();
    expect(await page.locator("tbody tr.indicator").count()).toBe(5);
    expect(await page.locator("tbody tr.group th").allTextContents()).toEqual([
      "Beleving van burgers",
      "Burgerbelofte 1: Bij Dienst Toeslagen krijg je waar je recht op hebt",
      "Burgerbelofte 2: Bij Dienst Toeslagen weet je waar je aan toe bent",
      "Burgerbelofte 3: Dienst Toeslagen staat voor mij klaar",
      "Dienstverlening",
    ]);
  });

  it("narrows the table to a group, a status and an owner", async () => {
    const page = await signedIn(false);
    await page.getByRole("combobox", { name: "Groep" }).selectOption("Dienstverlening");
    await page.getByRole("combobox", { name: "Status" }).selectOption("pending");
    expect(await page.locator("tbody tr.indicator th").allTextContents()).toEqual([
      "Definitief vaststellen toeslagen (voortgang jaar t-1)",
      "Rechtmatige toekenning van toeslagen",
    ]);
    await page.getByRole("combobox", { name: "Groep" }).selectOption("");
    await page.getByRole("combobox", { name: "Status" }).selectOption("");
    await page.getByRole("combobox", { name: "Eigenaar" }).selectOption(ACCOUNTS.owner.email);
    expect(await page.locator("tbody tr.indicator th").allTextContents()).toEqual([
      "Aantal ernstige productieverstoringen",
    ]);
  });

  it("switches to English, texts and numbers alike", async () => {
    const page = await signedIn();
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect
      .poll(() => page.locator("thead th").first().textContent())
      .toBe("Performance indicator");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator(".count").textContent()).toBe("6 exceptions");
    expect(await page.locator("td.value").allTextContents()).toContain("1,266");
    const axe = await runAxe(page);
    expect(axe.violations.length, describeViolations(axe.violations)).toBe(0);
  });

  it("enters figures: keyboard, a pasted column, and a conflict resolved by choice", async () => {
    const page = await signedIn();
    await page.getByRole("button", { name: "Invoer" }).click();
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await field("Aantal ontvangen klachten").fill("1270");
    await field("Aantal ontvangen klachten").press("Enter");
    await expect
      .poll(() => page.evaluate("document.activeElement?.id"))
      .toBe("waarde-geen-terugvordering");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await expect
      .poll(() => page.locator("#uitkomst-klachten-ontvangen").textContent())
      .toBe("opgeslagen (versie 2)");

    // A column pasted into one field fills the fields below it.
    await field("Afgehandelde bezwaren binnen Awb-termijn").focus();
    // The page's own paste event, as a spreadsheet's copied column gives it.
    await page.evaluate(`{
      const data = new DataTransfer();
      data.setData("text/plain", "96,1\\n98\\n");
      document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
    }`);
    expect(await field("Afgehandelde bezwaren binnen Awb-termijn").inputValue()).toBe("96,1");
    expect(await field("Afgehandelde klachten binnen Awb-termijn").inputValue()).toBe("98");
    expect(await field("Percentage toeslagen dat tijdig wordt uitbetaald").inputValue()).toBe(
      "99,98",
    );

    // Someone else changes a figure after the page read it.
    const other = await signInCookie(app, ACCOUNTS.admin.email);
    const put = await app.inject({
      method: "PUT",
      url: `/api/plans/${PLAN}/realisations/klachten-ontvangen/2025-10`,
      headers: { cookie: other },
      payload: { value: 1300, version: 2 },
    });
    expect(put.statusCode).toBe(200);
    await field("Aantal ontvangen klachten").fill("1280");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await expect
      .poll(() => page.locator("#uitkomst-klachten-ontvangen").textContent())
      .toMatch(/intussen gewijzigd door admin@example.org in 1300/);
    await page.getByRole("button", { name: "Mijn waarde opslaan" }).click();
    await expect
      .poll(() => page.locator("#uitkomst-klachten-ontvangen").textContent())
      .toBe("opgeslagen (versie 4)");
    // The pasted Dutch figures were saved too, read as Dutch notation.
    expect(await page.locator("#uitkomst-bezwaren-binnen-termijn").textContent()).toBe(
      "opgeslagen (versie 2)",
    );
    await snap(page, "data-entry");
    const axe = await runAxe(page);
    expect(axe.violations.length, describeViolations(axe.violations)).toBe(0);
  });

  it("shows a viewer the figures without letting them change one", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(url);
    await page.getByLabel("E-mailadres").fill(ACCOUNTS.viewer.email);
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await page.getByRole("button", { name: "Invoer" }).click();
    const field = page.getByLabel("Aantal ontvangen klachten", { exact: true });
    await field.waitFor();
    expect(await field.getAttribute("readonly")).not.toBeNull();
    expect(await page.locator("#uitkomst-klachten-ontvangen").textContent()).toBe("alleen lezen");
  });

  it("closes and publishes a period, lists the files with their SHA-256, and lets an admin reopen it", async () => {
    const page = await signedIn();
    await page.getByRole("combobox", { name: "Periode" }).selectOption("2025-04");
    await page.getByRole("heading", { name: "Periode 2025-04: open" }).waitFor();
    await page.getByRole("button", { name: "Periode sluiten" }).click();
    await page.getByRole("heading", { name: "Periode 2025-04: gesloten" }).waitFor();
    await page.getByRole("button", { name: "Rapport publiceren" }).click();
    await page.getByRole("heading", { name: "Periode 2025-04: gepubliceerd" }).waitFor();
    const rows = page.locator("table.published tbody tr");
    await rows.first().waitFor();
    const formats = await page.locator("table.published tbody th").allTextContents();
    expect(formats).toEqual(
      expect.arrayContaining(["Downloaden HTML", "Downloaden DOCX", "Downloaden CSV"]),
    );
    const html = rows.filter({ hasText: "Downloaden HTML" });
    const sha = await html.locator("code").textContent();
    const href = (await html.locator("a").getAttribute("href")) ?? "";
    const download = await page.request.get(new URL(href, url).toString());
    expect(download.status()).toBe(200);
    expect(download.headers()["x-content-sha256"]).toBe(sha);
    const axe = await runAxe(page);
    expect(axe.violations.length, describeViolations(axe.violations)).toBe(0);

    const admin = await (await browser.newContext()).newPage();
    await admin.goto(url);
    await admin.getByLabel("E-mailadres").fill(ACCOUNTS.admin.email);
    await admin.getByLabel("Wachtwoord").fill(PASSWORD);
    await admin.getByRole("button", { name: "Aanmelden" }).click();
    await admin.getByRole("combobox", { name: "Periode" }).selectOption("2025-04");
    await admin.getByLabel("Reden voor heropenen").fill("Correctie van het klachtencijfer");
    await admin.getByRole("button", { name: "Periode heropenen" }).click();
    await admin.getByRole("heading", { name: "Periode 2025-04: open" }).waitFor();
  });

  it("shows editors the audit trail, filtered by action, and keeps it from viewers", async () => {
    const page = await signedIn();
    await page.getByRole("button", { name: "Audittrail" }).click();
    await page.locator("table.audit tbody tr").first().waitFor();
    await page.getByRole("combobox", { name: "Actie" }).selectOption("import-plan");
    const actions = () => page.locator("table.audit tbody td:nth-child(4)").allTextContents();
    await expect.poll(actions).toEqual(["import-plan", "import-plan"]);
    const axe = await runAxe(page);
    expect(axe.violations.length, describeViolations(axe.violations)).toBe(0);
    await snap(page, "audit");

    const viewer = await (await browser.newContext()).newPage();
    await viewer.goto(url);
    await viewer.getByLabel("E-mailadres").fill(ACCOUNTS.viewer.email);
    await viewer.getByLabel("Wachtwoord").fill(PASSWORD);
    await viewer.getByRole("button", { name: "Aanmelden" }).click();
    await viewer.getByRole("button", { name: "Invoer" }).waitFor();
    expect(await viewer.getByRole("button", { name: "Audittrail" }).count()).toBe(0);
  });

  it("previews an uploaded file, with every problem by line, and saves it only when asked", async () => {
    const page = await signedIn();
    await page.getByRole("button", { name: "Invoer" }).click();
    const file = page.getByLabel(/realisations\.csv/);
    const csv = (text: string) => ({
      name: "realisations.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(text),
    });
    await file.setInputFiles(
      csv("indicator;period;value\nproductieverstoringen;2025-10;veel\nonbekend;2025-10;1\n"),
    );
    await page.getByRole("alert").filter({ hasText: "niet ingelezen" }).waitFor();
    expect(await page.locator(".upload li").allTextContents()).toEqual([
      expect.stringMatching(/^line 2: "veel" is not a number/),
      expect.stringMatching(/^line 3: unknown indicator "onbekend"/),
    ]);
    expect(
      await page.getByLabel("Aantal ernstige productieverstoringen", { exact: true }).inputValue(),
    ).toBe("2");

    await file.setInputFiles(csv("indicator;period;value\nproductieverstoringen;2025-10;3\n"));
    await page
      .getByText("1 regels: 1 wijzigingen, 0 ongewijzigd. Er is nog niets opgeslagen.")
      .waitFor();
    expect(await page.locator(".upload .changes li").allTextContents()).toEqual([
      "toeslagen-2025/productieverstoringen/2025-10: 2 → 3",
    ]);
    expect(
      await page.getByLabel("Aantal ernstige productieverstoringen", { exact: true }).inputValue(),
    ).toBe("2");
    await page.getByRole("button", { name: "Deze wijzigingen opslaan" }).click();
    await page.getByText("1 wijzigingen opgeslagen.").waitFor();
    await expect
      .poll(() =>
        page.getByLabel("Aantal ernstige productieverstoringen", { exact: true }).inputValue(),
      )
      .toBe("3");
  });
});
