/** lineage.json as read with the bundle: absent, whole, or broken (a problem of the bundle). */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ProblemsError } from "../domain/errors.js";
import { entry, lineageBundle } from "../testing/lineage.js";
import { lineageJson } from "./lineage-file.js";
import { readBundle } from "./read-bundle.js";

function problems(lineage: (dir: string) => string): { dir: string; messages: string[] } {
  const dir = lineageBundle(lineage);
  try {
    readBundle(dir);
  } catch (error) {
    if (!(error instanceof ProblemsError)) throw error;
    return { dir, messages: error.problems.map((p) => `${p.file}: ${p.message}`) };
  }
  throw new Error("the bundle was read");
}

describe("a bundle's lineage.json", () => {
  it("is read with the bundle", () => {
    const bundle = readBundle(lineageBundle());
    expect(bundle.lineage?.map((e) => `${e.indicator} ${e.period}`)).toContain(
      "klachten-ontvangen 2025-10",
    );
  });

  it("is undefined when the bundle has none", () => {
    expect(readBundle(lineageBundle(null))).not.toHaveProperty("lineage");
  });

  it("refuses the bundle when it is not JSON, naming the file", () => {
    const { dir, messages } = problems(() => "{ figures: [");
    expect(messages).toEqual([expect.stringMatching(/lineage\.json: not valid JSON/)]);
    expect(messages[0]).toContain(join(dir, "lineage.json"));
  });

  it("refuses the bundle when a figure lacks what the report shows, saying where", () => {
    const { dir, messages } = problems((d) => {
      const broken = {
        ...entry(d, "klachten-ontvangen", "2025-10", "6"),
        sources: [{ name: "x" }],
      };
      return lineageJson([entry(d, "klachten-ernstig", "2025-10", "2"), broken as never]);
    });
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toContain(join(dir, "lineage.json"));
    expect(messages[0]).toMatch(/figures\[1\]\.sources\[0\]\.files/);
  });
});
