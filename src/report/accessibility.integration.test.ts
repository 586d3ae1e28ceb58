/** The HTML report in Chromium, checked by axe-core against WCAG 2.1 A and AA. */
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildReport } from "../app/report.js";
import { readBundle } from "../bundle/read-bundle.js";
import type { Language } from "../domain/plan.js";
import { describeViolations, runAxe } from "../testing/axe.js";
import { describeWithBrowser, launchBrowser } from "../testing/browser.js";
import { ROOT } from "../testing/cli.js";
import { computedSmallBundle } from "../testing/computed-bundle.js";
import { renderCharts } from "./chart.js";
import { renderHtml } from "./html.js";

async function exampleHtml(language: Language): Promise<string> {
  const bundle = readBundle(join(ROOT, "examples", "toeslagen-2025"));
  const { model } = buildReport(bundle, "2025-10", language);
  return renderHtml(model, await renderCharts(model));
}

describeWithBrowser("the HTML report passes axe-core's WCAG 2.1 A and AA rules", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(["nl", "en"] as const)("with no violations in the %s report", async (language) => {
    const page = await browser.newPage();
    try {
      await page.setContent(await exampleHtml(language), { waitUntil: "load" });
      const result = await runAxe(page);
      expect(result.passes.length).toBeGreaterThan(0);
      expect(result.violations.length, describeViolations(result.violations)).toBe(0);
    } finally {
      await page.close();
    }
  });

  it("with no violations in the appendix on the origin of computed figures", async () => {
    const { model } = buildReport(readBundle(await computedSmallBundle()), "2025-10");
    expect(model.lineage).not.toBeNull();
    const page = await browser.newPage();
    try {
      await page.setContent(renderHtml(model, await renderCharts(model)), { waitUntil: "load" });
      const result = await runAxe(page);
      expect(result.violations.length, describeViolations(result.violations)).toBe(0);
    } finally {
      await page.close();
    }
  });
});
