/**
 * The one place that decides whether the browser and PDF tests run. Without Chromium they are
 * skipped, said once on stderr, unless KOERS_REQUIRE_BROWSER=1 (CI), where they fail.
 */
import { rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { describe, it } from "vitest";
import { chromiumArgs, findChromium } from "../report/pdf.js";

export const chromiumPath = findChromium();

const SKIPPING =
  "koers tests: Chromium not found — skipping browser and PDF tests (set KOERS_CHROMIUM or install chromium)";

/**
 * True in the first test file of a run to ask: each file runs in its own worker, so the run
 * (the workers' parent process) is marked by a file; a mark older than an hour is stale.
 */
function firstToAsk(): boolean {
  const mark = join(tmpdir(), `koers-tests-skip-browser-${process.ppid}`);
  try {
    if (Date.now() - statSync(mark).mtimeMs < 3_600_000) return false;
    rmSync(mark, { force: true });
  } catch {
    // no mark yet
  }
  try {
    writeFileSync(mark, "", { flag: "wx" });
    return true;
  } catch {
    return false;
  }
}

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
    if (firstToAsk()) process.stderr.write(`${SKIPPING}\n`);
    describe.skip(name, fn);
  }
}

export function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error("no Chromium (use describeWithBrowser)");
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs() });
}
