import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Writes a file whole or not at all: a failed run leaves no half-written report behind. */
export function writeFileAtomically(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = join(dirname(file), `.${process.pid}.${Date.now()}.koers-tmp`);
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
