import { rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * True in the first test file of a run to ask about `topic`: each file runs in its own worker,
 * so the run (the workers' parent process) is marked by a file; a mark older than an hour is
 * stale. Used to say a suite is skipped in one line per run, not one per file.
 */
export function firstToAsk(topic: string): boolean {
  const mark = join(tmpdir(), `koers-tests-${topic}-${process.ppid}`);
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
