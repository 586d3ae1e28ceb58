import { readFileSync } from "node:fs";
import type { ProblemLog } from "./problems.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * A bundle file's text, which must be UTF-8: a file saved in another encoding (Windows-1252
 * from an older spreadsheet, say) is refused at the line of its first foreign byte, rather
 * than turning ë into a replacement character in the report.
 */
export function readUtf8(file: string, log: ProblemLog): string | undefined {
  const bytes = readFileSync(file);
  try {
    return decoder.decode(bytes);
  } catch {
    const bad = firstInvalidByte(bytes);
    const line = bytes.subarray(0, bad).filter((b) => b === 0x0a).length + 1;
    log.error(file, line, "the file is not UTF-8: save it as UTF-8 (in Excel: CSV UTF-8)");
    return undefined;
  }
}

function firstInvalidByte(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (decodes(bytes.subarray(0, middle))) low = middle;
    else high = middle;
  }
  return low;
}

function decodes(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
