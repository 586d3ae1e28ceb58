/** The HTML report in Chromium, checked by axe-core against WCAG 2.1 A and AA. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildReport } from "../app/report.js";
import { readBundle } from "../bundle/read-bundle.js";
import type { Language } from "../domain/plan.js";
import { describeWithBrowser, launchBrowser } from "../testing/browser.js";
import { ROOT } from "../testing/cli.js";
import { renderCharts } from "./chart.js";
import { renderHtml } from "./html.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { readonly html: string; readonly failureSummary?: string }[];
}

async function exampleHtml(language: Language): Promise<string> {
  const bundle = readBundle(join(ROOT, "examples", "toeslagen-2025"));
  const { model } = buildReport(bundle, "2025-10", language);
  return renderHtml(model, await renderCharts(model));
}

function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>\n${v.nodes
          .map((n) => `  ${n.html}\n    ${(n.failureSummary ?? "").replaceAll("\n", "\n    ")}`)
          .join("\n")}`,
    )
    .join("\n\n");
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
      await page.addScriptTag({ content: AXE });
      const result = (await page.evaluate(
        `axe.run(document, ${JSON.stringify({ runOnly: { type: "tag", values: WCAG_21_AA } })})`,
      )) as { violations: Violation[]; passes: unknown[] };
      expect(result.passes.length).toBeGreaterThan(0);
      expect(result.violations.length, describeViolations(result.violations)).toBe(0);
    } finally {
      await page.close();
    }
  });
});
