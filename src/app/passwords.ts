/**
 * Passwords, stored only as a slow salted scrypt hash: `scrypt$N$r$p$salt$hash` (salt and hash
 * in base64url), so that the cost can be raised later while old hashes still verify.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** scrypt needs 128·N·r bytes; Node's default limit (32 MiB) is exactly that, so raise it. */
const maxmemFor = (N: number, r: number) => 256 * N * r;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = COST;
  const key = await derive(password, salt, { N, r, p, maxmem: maxmemFor(N, r) });
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** A stored hash that matches no password: verified when the account does not exist, to take as long. */
export const DUMMY_HASH = `scrypt$${COST.N}$${COST.r}$${COST.p}$${"A".repeat(22)}$${"A".repeat(43)}`;

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) throw new Error("stored password hash is not scrypt");
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(password, Buffer.from(salt, "base64url"), {
    ...cost,
    maxmem: maxmemFor(cost.N, cost.r),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A password for a generated account (the demo's): 20 characters, about 120 bits. */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}
