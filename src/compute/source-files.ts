/**
 * The files of a source and what lineage keeps of each: path, size, modification time and
 * SHA-256. Hashing a year of payments takes seconds, so hashes are kept in a cache file and
 * used again while a file's size and modification time are unchanged.
 */
import { createHash } from "node:crypto";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import type { SourceFile } from "../domain/computation.js";
import { UserError } from "../domain/errors.js";

/** The files a source's path names, relative to the bundle; a `*` in the file name matches many. */
export function sourceFiles(name: string, path: string, bundleDir: string): string[] {
  const full = isAbsolute(path) ? path : resolve(bundleDir, path);
  if (!basename(full).includes("*")) {
    if (!existsSync(full))
      throw new UserError(
        `plan.yaml, source "${name}": file ${path} does not exist (looked in ${full})`,
      );
    return [full];
  }
  const dir = dirname(full);
  const pattern = new RegExp(`^${basename(full).split("*").map(escapeRegExp).join(".*")}$`);
  const found = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => pattern.test(f))
        .sort()
    : [];
  if (found.length === 0)
    throw new UserError(`plan.yaml, source "${name}": no file matches ${path} (looked in ${dir})`);
  return found.map((f) => join(dir, f));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}

type Cache = Record<string, { bytes: number; mtimeMs: number; sha256: string }>;

export class SourceHashes {
  private cache: Cache | undefined;

  /** `file` holds the cache; by default in the user's cache folder. */
  constructor(private readonly file = defaultCacheFile()) {}

  async describe(path: string): Promise<SourceFile> {
    const stat = statSync(path);
    const cache = this.load();
    const known = cache[path];
    const sha256 =
      known && known.bytes === stat.size && known.mtimeMs === stat.mtimeMs
        ? known.sha256
        : await sha256Of(path);
    cache[path] = { bytes: stat.size, mtimeMs: stat.mtimeMs, sha256 };
    return { path, bytes: stat.size, modified: stat.mtime.toISOString(), sha256 };
  }

  save(): void {
    if (!this.cache) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const staging = `${this.file}.${process.pid}`;
    writeFileSync(staging, JSON.stringify(this.cache));
    renameSync(staging, this.file);
  }

  private load(): Cache {
    if (this.cache) return this.cache;
    try {
      this.cache = JSON.parse(readFileSync(this.file, "utf8")) as Cache;
    } catch {
      this.cache = {};
    }
    return this.cache;
  }
}

function defaultCacheFile(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "koers", "source-hashes.json");
}

function sha256Of(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", fail)
      .on("end", () => done(hash.digest("hex")));
  });
}
