/** Runs the built `koers` command in tests, building dist/ first when a source is newer. */
import { execFileSync, type SpawnSyncReturns, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIST_MAIN = join(ROOT, "dist", "cli", "main.js");

/** The newest modification time of the sources the build compiles. */
function newestSource(): number {
  const src = join(ROOT, "src");
  return readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .reduce((newest, name) => Math.max(newest, statSync(join(src, name)).mtimeMs), 0);
}

export function ensureBuilt(): void {
  if (existsSync(DIST_MAIN) && statSync(DIST_MAIN).mtimeMs >= newestSource()) return;
  // Vitest sets NODE_ENV=test, which would make Vite ship React's development build.
  execFileSync("npm", ["run", "build"], {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

export function koers(...args: string[]): SpawnSyncReturns<string> {
  return koersWith({}, ...args);
}

/** Runs `koers` with extra environment variables. */
export function koersWith(
  env: Record<string, string>,
  ...args: string[]
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(ROOT, "bin", "koers"), ...args], {
    cwd: ROOT,
    env: { ...process.env, TZ: "UTC", ...env },
    encoding: "utf8",
  });
}
