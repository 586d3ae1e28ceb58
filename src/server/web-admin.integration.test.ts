/**
 * The administrator's part of the web app in Chromium against a real server, starting from an
 * empty database: importing the first plan through the folder input (and a bundle refused with
 * its problems), then adding an account and blocking one — the blocking done with the keyboard
 * alone — with axe-core's WCAG 2.1 AA rules on every page.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addUser } from "../app/accounts.js";
import { openStore, type Store } from "../store/open.js";
import { describeWithBrowser, launchBrowser } from "../testing/browser.js";
import { ensureBuilt, ROOT } from "../testing/cli.js";
import { expectAccessible, SIZES, snap } from "../testing/pages.js";
import { ACCOUNTS, PASSWORD, PLAN, SETUP, testConfig } from "../testing/server.js";
import { startServer } from "./server.js";

const NEW_OWNER = "j.jansen@example.org";

describeWithBrowser("the administrator's part of the web app", () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), "koers-web-admin-"));
    const config = { engine: "sqlite" as const, file: join(dir, "koers.db") };
    store = await openStore(config);
    await addUser(store, { ...ACCOUNTS.admin, password: PASSWORD }, SETUP);
    ({ app, url } = await startServer(testConfig(config), store));
    browser = await launchBrowser();
    // `bypassCSP` lets axe's injected script past the app's CSP.
    admin = await signIn(ACCOUNTS.admin.email, PASSWORD, true);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function trySignIn(email: string, password: string, forAxe = false): Promise<Page> {
    const page = await (await browser.newContext({ bypassCSP: forAxe })).newPage();
    await page.setViewportSize(SIZES[0]);
    await page.goto(url);
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill(password);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    return page;
  }

  async function signIn(email: string, password: string, forAxe = false): Promise<Page> {
    const page = await trySignIn(email, password, forAxe);
    await page.getByRole("button", { name: "Afmelden" }).waitFor();
    return page;
  }

  it("lets an admin on an empty database import the first plan from its folder", async () => {
    await admin.getByRole("heading", { name: "Jaarplan inlezen" }).waitFor();
    expect(await admin.locator(".notice").textContent()).toBe("Er is nog geen jaarplan.");
    await expectAccessible(admin);
    await snap(admin, "import-empty");

    await admin.getByLabel("Map van het jaarplan").setInputFiles(join(ROOT, "examples", PLAN));
    await admin.getByRole("heading", { name: "Jaarplan Toeslagen 2025" }).waitFor();
    const summary = Object.fromEntries(
      (await admin.locator("dl.summary dt").allTextContents()).map((term, i) => [term, i]),
    );
    const values = await admin.locator("dl.summary dd").allTextContents();
    expect(values[summary.Perioden ?? -1]).toBe("jan - april (2025-04), jan - okt (2025-10)");
    expect(Number(values[summary["Prestatie-indicatoren"] ?? -1])).toBeGreaterThan(20);
    expect(values[summary.Toelichtingen ?? -1]).toBe("11");
    expect(await store.db.selectFrom("plans").select("id").execute()).toEqual([]);
    await expectAccessible(admin);
    await snap(admin, "import-preview");

    await admin.getByRole("button", { name: "Dit jaarplan inlezen" }).click();
    await admin.locator("table.indicators caption").waitFor();
    expect(await admin.locator("table.indicators caption").textContent()).toMatch(
      /^Prestatie-indicatoren Jaarplan Toeslagen 2025/,
    );
    expect(await admin.locator(".count").textContent()).toBe("6 uitzonderingen");
  });

  it("refuses a bundle with problems, listing every one by file and line", async () => {
    await admin.getByRole("button", { name: "Jaarplan inlezen" }).click();
    const file = (name: string, text: string) => ({
      name,
      mimeType: "text/plain",
      buffer: Buffer.from(text),
    });
    await admin
      .getByLabel(/Of kies losse bestanden/)
      .setInputFiles([
        file(
          "plan.yaml",
          'id: kapot\ntitle: Kapot\norganisation: Dienst Toeslagen\nyear: 2025\nperiods:\n  - id: q1\n    label: q1\n    until: 2025-03-31\nindicators:\n  - id: a\n    title: A\n    target: ">= 70%"\n',
        ),
        file("realisations.csv", "indicator,period,value\na,q1,veel\nb,q1,3\n"),
      ]);
    await admin.getByRole("alert").filter({ hasText: "niet ingelezen" }).waitFor();
    expect(await admin.locator(".problems li").allTextContents()).toEqual([
      expect.stringMatching(/^realisations\.csv:2: .*veel/),
      expect.stringMatching(/^realisations\.csv:3: .*"b"/),
    ]);
    await expectAccessible(admin);
    await snap(admin, "import-problems");
  });

  it("adds an owner account and blocks a user, the blocking with the keyboard alone", async () => {
    await admin.getByRole("button", { name: "Gebruikers" }).click();
    await admin.locator("table.users caption").waitFor();
    await admin.getByLabel("E-mailadres").fill(NEW_OWNER);
    await admin.getByLabel("Rol").selectOption("owner");
    await admin.getByLabel("Organisatie").selectOption("dienst-toeslagen");
    await admin.getByLabel("Eerste wachtwoord").fill(PASSWORD);
    await admin.getByRole("button", { name: "Gebruiker toevoegen" }).click();
    await admin
      .getByRole("status")
      .filter({ hasText: `${NEW_OWNER} is toegevoegd met de rol eigenaar (dienst-toeslagen).` })
      .waitFor();
    const row = admin.locator("table.users tr", { has: admin.getByText(NEW_OWNER) });
    await expect
      .poll(() => row.locator("td").allTextContents())
      .toEqual(["eigenaar (dienst-toeslagen)", "✓ actief", `Beheren ${NEW_OWNER}`]);
    await expectAccessible(admin);
    await snap(admin, "users");

    const owner = await signIn(NEW_OWNER, PASSWORD);
    await row.getByRole("button", { name: `Beheren ${NEW_OWNER}` }).focus();
    await admin.keyboard.press("Enter");
    await expect
      .poll(() => admin.evaluate("document.activeElement?.id"))
      .toBe("user-panel-heading");
    for (let tab = 0; tab < 30; tab++) {
      if ((await admin.evaluate("document.activeElement?.textContent")) === "Blokkeren") break;
      await admin.keyboard.press("Tab");
    }
    await admin.keyboard.press("Enter");
    await expect
      .poll(() => admin.evaluate("document.activeElement?.textContent"))
      .toBe("Ja, blokkeren");
    expect(await admin.locator(".confirm legend").textContent()).toMatch(
      /De sessies van .* eindigen meteen/,
    );
    await expectAccessible(admin);
    await snap(admin, "users-confirm");
    await admin.keyboard.press("Enter");
    await admin.getByRole("status").filter({ hasText: "is geblokkeerd" }).waitFor();
    await expect.poll(() => row.locator("td").nth(1).textContent()).toBe("⊘ geblokkeerd");
    await expectAccessible(admin);
    await snap(admin, "users-blocked");

    expect((await owner.request.get(new URL("/api/session", url).toString())).status()).toBe(401);
    const refused = await trySignIn(NEW_OWNER, PASSWORD);
    await refused.getByRole("alert").filter({ hasText: "onjuist wachtwoord" }).waitFor();
  });

  it("speaks English on the users page too", async () => {
    await admin.getByRole("button", { name: "Switch to English" }).click();
    await admin.getByRole("table", { name: /Users, their roles/ }).waitFor();
    expect(await admin.locator("table.users thead th").allTextContents()).toEqual([
      "E-mail address",
      "Roles",
      "Access",
      "Manage",
    ]);
    await expectAccessible(admin);
  });
});
