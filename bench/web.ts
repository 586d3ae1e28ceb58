/**
 * The web app's dashboard for a 500-indicator plan: time from navigation to the rendered
 * indicator table in Chromium, and the JavaScript shipped for the first load, compressed
 * (docs/BENCHMARKS.md).
 *
 *   npm run build && node --import tsx bench/web.ts
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { addUser } from "../src/app/accounts.js";
import { readBundle } from "../src/bundle/read-bundle.js";
import { chromiumArgs, findChromium } from "../src/report/pdf.js";
import { startServer } from "../src/server/server.js";
import { WEB_ROOT } from "../src/server/web-app.js";
import { openStore } from "../src/store/open.js";
import { importBundle } from "../src/store/plans.js";
import { generateBundle } from "./generate.js";

const RUNS = 7;
const PASSWORD = "benchmark-password-1";
const executablePath = findChromium();
if (!executablePath) throw new Error("the web benchmark needs Chromium (apt-get install chromium)");

const assets = join(WEB_ROOT, "assets");
const scripts = readdirSync(assets).filter((f) => f.endsWith(".js"));
const gzipped = scripts.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);

const dir = mkdtempSync(join(tmpdir(), "koers-bench-web-"));
const generated = generateBundle(join(dir, "bundle"), {
  groups: 5,
  subgroups: 10,
  indicatorsPerSubgroup: 10,
});
const storeConfig = { engine: "sqlite" as const, file: join(dir, "koers.db") };
const store = await openStore(storeConfig);
const by = { actor: "benchmark", at: new Date().toISOString() };
await importBundle(store, readBundle(join(dir, "bundle")), by);
await addUser(store, { email: "editor@example.org", role: "editor", password: PASSWORD }, by);
const { app, url } = await startServer(
  {
    store: storeConfig,
    server: { port: 0, host: "127.0.0.1", secureCookies: false, trustProxy: 0, logLevel: "silent" },
  },
  store,
);
const browser = await chromium.launch({ executablePath, args: chromiumArgs() });
try {
  const context = await browser.newContext();
  const signIn = await context.request.post(`${url}api/session`, {
    data: { email: "editor@example.org", password: PASSWORD },
  });
  if (signIn.status() !== 204) throw new Error(`sign-in answered ${signIn.status()}`);
  const times: number[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(url);
    await page
      .locator("table.indicators tbody tr.indicator")
      .nth(generated.indicators - 1)
      .waitFor();
    if (run > 0) times.push(performance.now() - start);
    await page.close();
  }
  times.sort((a, b) => a - b);
  console.log(`Koers web benchmark — node ${process.version}, Chromium ${browser.version()}`);
  console.log(
    `dashboard of ${generated.indicators} indicators × ${generated.periodIds.length} periods, navigation to the last table row, ${RUNS} runs after 1 warm-up:`,
  );
  console.log(
    `  median ${times[Math.floor(RUNS / 2)]?.toFixed(0)} ms, min ${times[0]?.toFixed(0)} ms, max ${times.at(-1)?.toFixed(0)} ms`,
  );
  console.log(
    `JavaScript for the first load: ${scripts.length} file(s), ${(gzipped / 1024).toFixed(1)} KiB gzip-compressed`,
  );
} finally {
  await browser.close();
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
