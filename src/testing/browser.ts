/**
 * The one place that decides whether the browser and PDF tests run. Without Chromium they are
 * skipped, said once on stderr, unless KOERS_REQUIRE_BROWSER=1 (CI), where they fail.
 */
import { type Browser, chromium } from "playwright-core";
import { describe, it } from "vitest";
import { chromiumArgs, findChromium } from "../report/pdf.js";
import { firstToAsk } from "./once.js";

export const chromiumPath = findChromium();

const SKIPPING =
  "koers tests: Chromium not found — skipping browser and PDF tests (set KOERS_CHROMIUM or install chromium)";

export function describeWithBrowser(name: string, fn: () => void): void {
  if (chromiumPath) {
    describe(name, fn);
  } else if (process.env.KOERS_REQUIRE_BROWSER === "1") {
    describe(name, () => {
      it("has Chromium to run in", () => {
        throw new Error(
          "Chromium is required (KOERS_REQUIRE_BROWSER=1) but was not found: install chromium or set KOERS_CHROMIUM",
        );
      });
    });
  } else {
    if (firstToAsk("skip-browser")) process.stderr.write(`${SKIPPING}\n`);
    describe.skipIf(true)(name, fn);
  }
}

export function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error("no Chromium (use describeWithBrowser)");
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs() });
}
