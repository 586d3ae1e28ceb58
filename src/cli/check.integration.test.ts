/** `koers check` end to end, through the built command, on the example plans. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, koers, ROOT } from "../testing/cli.js";

beforeAll(ensureBuilt);

function copyOfExample(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "koers-check-")), "toeslagen-2025");
  cpSync(join(ROOT, "examples", "toeslagen-2025"), dir, { recursive: true });
  return dir;
}

describe("koers check", () => {
  it.each([
    ["toeslagen-2025", "2025-04"],
    ["toeslagen-2025", "2025-10"],
    ["toeslagen-2025-en", "2025-04"],
    ["toeslagen-2025-en", "2025-10"],
  ])("the explanations of %s pass in %s (exit 0)", (example, period) => {
    const result = koers("check", `examples/${example}`, "--period", period);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^${period}: \\d+ figures checked in \\d+ texts: 0 mismatches`, "m"),
    );
  });

  it("lists a change against a measurement not in the data apart, without failing", () => {
    const result = koers("check", "examples/toeslagen-2025", "--period", "2025-10", "--json");
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ plan: "toeslagen-2025", period: "2025-10", consistent: true });
    expect(json.mismatches).toEqual([]);
    expect(json.unverifiable).toEqual([
      expect.objectContaining({
        file: "examples/toeslagen-2025/explanations/2025-10/burgerbelofte-2-tevreden.md",
        line: 1,
        kind: "change",
        stated: "6 procentpunt",
      }),
    ]);
  });

  it("a copy with one figure changed fails, naming the file and line (exit 1)", () => {
    const dir = copyOfExample();
    const file = join(dir, "explanations", "2025-10", "burgerbelofte-1-ontevreden.md");
    writeFileSync(
      file,
      `\n${readFileSync(file, "utf8").replace("2 procentpunt", "3 procentpunt")}`,
    );
    const result = koers("check", dir, "--period", "2025-10");
    expect(result.status).toBe(1);
    expect(result.stdout.split("\n")[0]).toBe(
      `${file}:2: states 3 procentpunt between burgerbelofte-1-ontevreden and its target; the data has 10%, 2 procentpunt from the target`,
    );
    expect(result.stdout).toMatch(/1 mismatch, 1 unverifiable$/m);
    const json = JSON.parse(koers("check", dir, "--period", "2025-10", "--json").stdout);
    expect(json).toMatchObject({ consistent: false, mismatches: [{ file, line: 2, kind: "gap" }] });
  });

  it("an invalid bundle, an unknown period or a usage mistake exits 2", () => {
    const dir = copyOfExample();
    writeFileSync(join(dir, "plan.yaml"), "id: [\n");
    expect(koers("check", dir, "--period", "2025-10").status).toBe(2);
    expect(koers("check", "examples/toeslagen-2025", "--period", "2099").status).toBe(2);
    const usage = koers("check", "examples/toeslagen-2025");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--period");
    expect(koers("check", "examples/toeslagen-2025", "--period", "2025-10", "--bogus").status).toBe(
      2,
    );
  });
});
