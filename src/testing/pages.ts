/**
 * For the browser tests: screenshots of a page at a laptop's and a phone's size (in
 * out/screenshots, to look at), axe-core's verdict, and signing in through the app's own form.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { describeViolations, runAxe } from "./axe.js";
import { ROOT } from "./cli.js";

export const SIZES = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

export async function snap(page: Page, name: string): Promise<void> {
  const dir = join(ROOT, "out", "screenshots");
  mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: join(dir, `${name}-${size.width}x${size.height}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize(SIZES[0]);
}

export async function expectAccessible(page: Page): Promise<void> {
  const axe = await runAxe(page);
  expect(axe.violations.length, describeViolations(axe.violations)).toBe(0);
}

/** A new browser context signed in as `email`; `bypassCSP` lets axe's script past the CSP. */
export async function signInPage(
  browser: Browser,
  url: string,
  email: string,
  password: string,
): Promise<Page> {
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.setViewportSize(SIZES[0]);
  await page.goto(url);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.getByRole("button", { name: "Afmelden" }).waitFor();
  return page;
}
