/** axe-core in a Chromium page: the WCAG 2.1 A and AA rules, and violations told readably. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { readonly html: string; readonly failureSummary?: string }[];
}

export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>\n${v.nodes
          .map((n) => `  ${n.html}\n    ${(n.failureSummary ?? "").replaceAll("\n", "\n    ")}`)
          .join("\n")}`,
    )
    .join("\n\n");
}

/** Runs axe on the page as it is now (its context must allow injected scripts). */
export async function runAxe(page: Page): Promise<{ violations: Violation[]; passes: unknown[] }> {
  await page.addScriptTag({ content: AXE });
  return (await page.evaluate(
    `axe.run(document, ${JSON.stringify({ runOnly: { type: "tag", values: WCAG_21_AA } })})`,
  )) as { violations: Violation[]; passes: unknown[] };
}
