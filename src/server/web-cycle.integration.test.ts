/**
 * The whole cycle in Chromium, as new users walk it, from an empty database: the admin imports
 * the plan and adds the owner; the owner enters a figure that makes a new exception, writes the
 * explanation and submits it — with the keyboard alone; the editor returns it once with a
 * comment and then approves it, closes and publishes the period; the Word and PDF files hold the
 * new figure and the explanation. A viewer sees all of it and can change nothing. Bad input on
 * the way: a word in the grid, a stale explanation, a session that ran out while typing.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addUser } from "../app/accounts.js";
import { openStore, type Store } from "../store/open.js";
import { describeWithBrowser, launchBrowser } from "../testing/browser.js";
import { ensureBuilt, ROOT } from "../testing/cli.js";
import { expectAccessible, signInPage, snap } from "../testing/pages.js";
import { ACCOUNTS, OWNED, PASSWORD, PLAN, SETUP, testConfig } from "../testing/server.js";
import { startServer } from "./server.js";

const OWNER = "eigenaar@example.org";
const EXPLANATION = "Negen ernstige verstoringen door de overgang naar het nieuwe rekencentrum.";
const REVISED = `${EXPLANATION} Vanaf november wordt elke wijziging vooraf getest.`;

/** The example plan as its advisor keeps it, with the owner of one indicator named. */
function bundleWithOwner(dir: string): string {
  const bundle = join(dir, PLAN);
  cpSync(join(ROOT, "examples", PLAN), bundle, { recursive: true });
  const planFile = join(bundle, "plan.yaml");
  const plan = readFileSync(planFile, "utf8").replace(
    `      - id: ${OWNED}\n`,
    `      - id: ${OWNED}\n        owner: ${OWNER}\n`,
  );
  writeFileSync(planFile, plan);
  return bundle;
}

/** The visible text of a Word file's body, paragraph by paragraph. */
async function wordText(bytes: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string");
  return (xml ?? "").replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, "");
}

describeWithBrowser("the cycle in the web app", () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;
  let admin: Page;
  let owner: Page;
  let editor: Page;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), "koers-cycle-"));
    const config = { engine: "sqlite" as const, file: join(dir, "koers.db") };
    store = await openStore(config);
    // The first admin comes from the command line (`koers user add`); everyone else from the app.
    await addUser(store, { ...ACCOUNTS.admin, password: PASSWORD }, SETUP);
    ({ app, url } = await startServer(testConfig(config), store));
    browser = await launchBrowser();
    // ensureBuilt builds when the sources are newer than dist/: longer than the default 10 s.
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function addAccount(email: string, role: string): Promise<void> {
    await admin.getByRole("button", { name: "Gebruikers" }).click();
    await admin.getByLabel("E-mailadres").fill(email);
    await admin.getByLabel("Rol").selectOption(role);
    await admin.getByLabel("Organisatie").selectOption("dienst-toeslagen");
    await admin.getByLabel("Eerste wachtwoord").fill(PASSWORD);
    await admin.getByRole("button", { name: "Gebruiker toevoegen" }).click();
    await admin
      .getByRole("status")
      .filter({ hasText: `${email} is toegevoegd` })
      .waitFor();
  }

  it("lets the admin import the plan and add the owner, editor and viewer", async () => {
    admin = await signInPage(browser, url, ACCOUNTS.admin.email, PASSWORD);
    await admin.getByLabel("Map van het jaarplan").setInputFiles(bundleWithOwner(dir));
    await admin.getByRole("button", { name: "Dit jaarplan inlezen" }).click();
    await admin.locator("table.indicators caption").waitFor();
    expect(await admin.locator(".count").textContent()).toBe("6 uitzonderingen");
    await addAccount(OWNER, "owner");
    await addAccount(ACCOUNTS.editor.email, "editor");
    await addAccount(ACCOUNTS.viewer.email, "viewer");
  });

  it("refuses a word in the grid, keeping it, and takes the owner's figure by keyboard", async () => {
    owner = await signInPage(browser, url, OWNER, PASSWORD);
    await owner.getByRole("button", { name: "Invoer" }).click();
    const field = owner.getByLabel("Aantal ernstige productieverstoringen", { exact: true });
    await field.focus();
    await owner.keyboard.press("ControlOrMeta+a");
    await owner.keyboard.type("negen");
    await owner.getByRole("button", { name: "Wijzigingen opslaan" }).focus();
    await owner.keyboard.press("Enter");
    await expect.poll(() => owner.locator(`#uitkomst-${OWNED}`).textContent()).toMatch(/negen/);
    expect(await field.inputValue()).toBe("negen");
    await snap(owner, "entry-refused");
    await field.focus();
    await owner.keyboard.press("ControlOrMeta+a");
    await owner.keyboard.type("9");
    await owner.getByRole("button", { name: "Wijzigingen opslaan" }).focus();
    await owner.keyboard.press("Enter");
    await expect
      .poll(() => owner.locator(`#uitkomst-${OWNED}`).textContent())
      .toBe("opgeslagen (versie 2)");
    await owner.getByRole("button", { name: "Overzicht" }).click();
    await expect.poll(() => owner.locator(".count").textContent()).toBe("7 uitzonderingen");
  });

  it("gives the owner a task with a reminder; written, previewed and submitted by keyboard", async () => {
    await owner.getByRole("button", { name: "Toelichtingen" }).focus();
    await owner.keyboard.press("Enter");
    await owner.getByRole("status").filter({ hasText: "Herinnering" }).waitFor();
    const row = owner.locator("table.tasks tbody tr");
    expect(await row.count()).toBe(1);
    expect(await row.locator("td").nth(2).textContent()).toMatch(/te schrijven/);
    await expectAccessible(owner);
    await snap(owner, "tasks-owner");

    await row.getByRole("button").focus();
    await owner.keyboard.press("Enter");
    await expect.poll(() => owner.evaluate("document.activeElement?.id")).toBe("task-heading");
    expect(await owner.locator("table.figures tbody tr").last().textContent()).toMatch(/9/);
    // Koers offers a paragraph drafted from the figures; this owner writes their own.
    await owner.getByRole("button", { name: "Begin met het concept van Koers" }).waitFor();
    await owner.getByLabel("Toelichting (Markdown)").focus();
    await owner.keyboard.type(`**${EXPLANATION}**`);
    await owner.getByRole("button", { name: "Voorbeeld" }).focus();
    await owner.keyboard.press("Enter");
    await expect.poll(() => owner.locator(".preview strong").textContent()).toBe(EXPLANATION);
    await expectAccessible(owner);
    await snap(owner, "task-preview");
    await owner.getByRole("button", { name: "Schrijven" }).focus();
    await owner.keyboard.press("Enter");
    expect(await owner.getByLabel("Toelichting (Markdown)").inputValue()).toBe(
      `**${EXPLANATION}**`,
    );
    await owner.getByRole("button", { name: "Indienen" }).focus();
    await owner.keyboard.press("Enter");
    await owner.getByRole("status").filter({ hasText: "Ingediend" }).waitFor();
    expect(await owner.locator("p.state").textContent()).toMatch(/ingediend \(versie 2\)/);
  });

  it("lets the editor return it with a comment", async () => {
    editor = await signInPage(browser, url, ACCOUNTS.editor.email, PASSWORD);
    await editor.getByRole("button", { name: "Toelichtingen" }).click();
    const rows = editor.locator("table.tasks tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(7);
    const ours = rows.filter({ hasText: "productieverstoringen" });
    expect(await ours.textContent()).toMatch(/ingediend/);
    await expectAccessible(editor);
    await snap(editor, "tasks-board");
    await ours.getByRole("button").click();
    await editor.getByLabel("Opmerking voor de eigenaar").fill("Noem ook wat u eraan doet.");
    await editor.getByRole("button", { name: "Terugsturen" }).click();
    await editor.getByRole("status").filter({ hasText: "Teruggestuurd" }).waitFor();
    await expectAccessible(editor);
    await snap(editor, "task-review");
  });

  it("shows the owner the comment; a session that ran out keeps the typed text", async () => {
    await owner.getByRole("button", { name: /Terug naar de toelichtingen/ }).click();
    await owner.locator("table.tasks tbody tr").filter({ hasText: "teruggestuurd" }).waitFor();
    await owner.locator("table.tasks tbody tr").getByRole("button").click();
    await owner
      .locator("aside.returned")
      .filter({ hasText: "Noem ook wat u eraan doet." })
      .waitFor();
    const text = owner.getByLabel("Toelichting (Markdown)");
    await text.fill(REVISED);

    const { id } = await store.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", OWNER)
      .executeTakeFirstOrThrow();
    await store.db.deleteFrom("sessions").where("user_id", "=", id).execute();
    await owner.getByRole("button", { name: "Concept opslaan" }).click();
    const dialog = owner.getByRole("dialog", { name: "Uw sessie is verlopen" });
    await dialog.waitFor();
    await owner.getByRole("alert").filter({ hasText: "uw sessie is verlopen" }).waitFor();
    await expectAccessible(owner);
    await snap(owner, "session-expired");
    await dialog.getByLabel("E-mailadres").fill(OWNER);
    await dialog.getByLabel("Wachtwoord").fill(PASSWORD);
    await dialog.getByRole("button", { name: "Aanmelden" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await text.inputValue()).toBe(REVISED);
    await owner.getByRole("button", { name: "Indienen" }).click();
    await owner.getByRole("status").filter({ hasText: "Ingediend" }).waitFor();
  });

  it("shows a stale editor the newer text to choose, then approves, closes and publishes", async () => {
    // The editor's page still holds the version it returned; the owner has moved on since.
    await editor.getByLabel("Toelichting (Markdown)").fill("Korter.");
    await editor.getByRole("button", { name: "Concept opslaan" }).click();
    await editor.locator(".conflict-choice").filter({ hasText: REVISED }).waitFor();
    await editor.getByRole("button", { name: "Hun tekst overnemen" }).click();
    expect(await editor.getByLabel("Toelichting (Markdown)").inputValue()).toBe(REVISED);
    await editor.getByRole("button", { name: "Goedkeuren" }).click();
    await editor.getByRole("status").filter({ hasText: "Goedgekeurd" }).waitFor();

    await editor.getByRole("button", { name: "Overzicht" }).click();
    await editor.getByRole("button", { name: "Periode sluiten" }).click();
    await editor.getByRole("heading", { name: "Periode 2025-10: gesloten" }).waitFor();
    await editor.getByRole("button", { name: "Rapport publiceren" }).click();
    // The example compares one figure with a survey that is not in the data: asked, not refused.
    const check = editor.getByRole("alertdialog", {
      name: "Controle van de cijfers in de teksten",
    });
    await check.getByText("burgerbelofte-2-tevreden.md:1").waitFor();
    await expectAccessible(editor);
    await check.getByRole("button", { name: "Toch publiceren" }).click();
    await editor.getByRole("heading", { name: "Periode 2025-10: gepubliceerd" }).waitFor();
    await expectAccessible(editor);
    await snap(editor, "published");
  });

  it("publishes Word and PDF files that hold the new figure and the explanation", async () => {
    const rows = editor.locator("table.published tbody tr");
    const download = async (format: string) => {
      const href = await rows
        .filter({ hasText: `Downloaden ${format}` })
        .locator("a")
        .getAttribute("href");
      const response = await editor.request.get(new URL(href ?? "", url).toString());
      expect(response.status()).toBe(200);
      return Buffer.from(await response.body());
    };
    const word = await wordText(await download("DOCX"));
    expect(word).toContain(REVISED);
    expect(word).toMatch(/Aantal ernstige productieverstoringen[^\n]*\n?[^\n]*9/);
    const pdfFile = join(dir, "report.pdf");
    writeFileSync(pdfFile, await download("PDF"));
    const pdf = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" }).replace(
      /\s+/g,
      " ",
    );
    expect(pdf).toContain(REVISED.replace(/\s+/g, " "));
    expect(pdf).toMatch(/Aantal ernstige productieverstoringen.{0,80}\b9\b/);
  });

  it("lets a viewer see the explanations and the published files, and change nothing", async () => {
    const viewer = await signInPage(browser, url, ACCOUNTS.viewer.email, PASSWORD);
    expect(await viewer.getByRole("button", { name: "Periode sluiten" }).count()).toBe(0);
    // The published files are read after the page: wait for them rather than count at once.
    await viewer.locator("table.published tbody tr").first().waitFor();
    await viewer.getByRole("button", { name: "Toelichtingen" }).click();
    await viewer.getByLabel("Alleen mijn toelichtingen").uncheck();
    const ours = viewer
      .locator("table.tasks tbody tr")
      .filter({ hasText: "productieverstoringen" });
    expect(await ours.textContent()).toMatch(/goedgekeurd/);
    await ours.getByRole("button").click();
    const text = viewer.getByLabel("Toelichting (Markdown)");
    expect(await text.getAttribute("readonly")).not.toBeNull();
    expect(await viewer.getByRole("button", { name: "Concept opslaan" }).count()).toBe(0);
    expect(await viewer.getByRole("button", { name: "Goedkeuren" }).count()).toBe(0);
    await expectAccessible(viewer);
  });
});
