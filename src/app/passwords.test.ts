import { describe, expect, it } from "vitest";
import { DUMMY_HASH, generatePassword, hashPassword, verifyPassword } from "./passwords.js";

describe("passwords", () => {
  it("are stored as scrypt with its cost, a random salt and the hash", async () => {
    const [a, b] = await Promise.all([
      hashPassword("geheim wachtwoord"),
      hashPassword("geheim wachtwoord"),
    ]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
  });

  it("verify only the password they were made from", async () => {
    const stored = await hashPassword("geheim wachtwoord");
    expect(await verifyPassword("geheim wachtwoord", stored)).toBe(true);
    expect(await verifyPassword("Geheim wachtwoord", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("never match the dummy hash checked for unknown accounts", async () => {
    expect(await verifyPassword("", DUMMY_HASH)).toBe(false);
    expect(await verifyPassword(generatePassword(), DUMMY_HASH)).toBe(false);
  });

  it("are generated long and random for the demo", () => {
    expect(generatePassword()).toMatch(/^[\w-]{20}$/);
    expect(generatePassword()).not.toBe(generatePassword());
  });
});
