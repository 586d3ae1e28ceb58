/** `koers diff` on the example: what changed from 2025-04 to 2025-10, worked out by hand. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, koers } from "../testing/cli.js";

const EXAMPLE = "examples/toeslagen-2025";

/** Every indicator whose figure differs between the two periods' rows in realisations.csv. */
const CHANGED_FIGURES = [
  "burgertevredenheid-tevreden",
  "burgertevredenheid-ontevreden",
  "burgerbelofte-2-ontevreden",
  "burgerbelofte-3-tevreden",
  "burgerbelofte-3-ontevreden",
  "kto-tevreden-telefonie",
  "kto-tevreden-balie",
  "kto-ontevreden-telefonie",
  "kto-ontevreden-balie",
  "klachten-ontvangen",
  "geen-terugvordering",
  "definitief-vastgesteld",
  "bezwaren-binnen-termijn",
  "klachten-binnen-termijn",
  "productieverstoringen",
];

/** A copy of the example whose October figures make one exception new and resolve another. */
function changedCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "koers-diff-")), "toeslagen-2025");
  cpSync(EXAMPLE, dir, { recursive: true });
  const file = join(dir, "realisations.csv");
  const csv = readFileSync(file, "utf8")
    .replace("burgertevredenheid-tevreden;2025-10;75;", "burgertevredenheid-tevreden;2025-10;65;")
    .replace("burgerbelofte-1-ontevreden;2025-10;10;", "burgerbelofte-1-ontevreden;2025-10;8;");
  writeFileSync(file, csv);
  return dir;
}

describe("koers diff", () => {
  beforeAll(ensureBuilt);

  it("gives the example's differences from 2025-04 to 2025-10 as JSON", () => {
    const result = koers("diff", EXAMPLE, "--from", "2025-04", "--to", "2025-10", "--json");
    expect(result.status).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(diff.plan).toBe("toeslagen-2025");
    expect(diff.from).toEqual({ id: "2025-04", label: "jan - april" });
    expect(diff.to).toEqual({ id: "2025-10", label: "jan - okt" });
    // The same five indicators miss their targets in both periods.
    expect(diff.newExceptions).toEqual([]);
    expect(diff.resolvedExceptions).toEqual([]);
    expect(diff.figures.map((f: { id: string }) => f.id)).toEqual(CHANGED_FIGURES);
    expect(diff.figures[9]).toEqual({
      id: "klachten-ontvangen",
      path: ["Dienstverlening", "Aantal ontvangen klachten"],
      from: 434,
      to: 1266,
      shown: { from: "434", to: "1.266" },
    });
    expect(diff.targets).toEqual([
      {
        id: "klachten-ontvangen",
        path: ["Dienstverlening", "Aantal ontvangen klachten"],
        from: "≤ 567",
        to: "≤ 1.417",
      },
    ]);
    expect(diff.explanations.map((e: { id: string; change: string }) => [e.id, e.change])).toEqual([
      ["burgerbelofte-1-ontevreden", "changed"],
      ["burgerbelofte-2-tevreden", "changed"],
      ["burgerbelofte-2-ontevreden", "changed"],
      ["burgerbelofte-3-tevreden", "changed"],
      ["geen-terugvordering", "changed"],
      ["inkoopbeheer-op-orde", "added"],
    ]);
    expect(diff.intentions).toEqual([
      {
        id: "inkoopbeheer-op-orde",
        path: ["Bedrijfsvoering", "Onvolkomenheid in het inkoopbeheer opgelost"],
        from: "pending",
        to: "behind-plan",
      },
    ]);
  });

  it("finds nothing between a period and itself", () => {
    const result = koers("diff", EXAMPLE, "--from", "2025-10", "--to", "2025-10");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      "Jaarplan Toeslagen 2025 — verschillen van jan - okt (2025-10) naar jan - okt (2025-10)\n\nGeen verschillen tussen de twee perioden.\n",
    );
  });

  it("writes new and resolved exceptions in the plan's language, or in English", () => {
    const dir = changedCopy();
    const dutch = koers("diff", dir, "--from", "2025-04", "--to", "2025-10");
    expect(dutch.status).toBe(0);
    expect(dutch.stdout).toContain(
      "Nieuwe uitzonderingen (1)\n  1. Beleving van burgers › Burgertevredenheid › Tevredenheid (burgertevredenheid-tevreden): 73% → 65%, ✓ gerealiseerd → ✗ niet gerealiseerd\n",
    );
    expect(dutch.stdout).toContain(
      "Opgeloste uitzonderingen (1)\n  1. Beleving van burgers › Burgerbelofte 1: Bij Dienst Toeslagen krijg je waar je recht op hebt › Ontevredenheid (burgerbelofte-1-ontevreden): 10% → 8%, ✗ niet gerealiseerd → ✓ gerealiseerd\n",
    );
    expect(dutch.stdout).toContain(
      "Gewijzigde streefwaarden (1)\n  Dienstverlening › Aantal ontvangen klachten (klachten-ontvangen): ≤ 567 → ≤ 1.417\n",
    );
    expect(dutch.stdout).toContain(
      "Voornemens met een andere status (1)\n  Bedrijfsvoering › Onvolkomenheid in het inkoopbeheer opgelost (inkoopbeheer-op-orde): … nog niet te beoordelen → ⚠ loopt achter op planning",
    );
    const english = koers("diff", dir, "--from", "2025-04", "--to", "2025-10", "--language", "en");
    expect(english.stdout).toContain("New exceptions (1)\n");
    expect(english.stdout).toContain("Resolved exceptions (1)\n");
    expect(english.stdout).toContain(
      "Changed targets (1)\n  Dienstverlening › Aantal ontvangen klachten (klachten-ontvangen): ≤ 567 → ≤ 1,417\n",
    );
  });

  it("refuses an unknown period with exit status 2, naming the plan's periods", () => {
    const result = koers("diff", EXAMPLE, "--from", "2025-04", "--to", "2025-11");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      'koers: unknown period "2025-11": plan toeslagen-2025 has 2025-04, 2025-10\n',
    );
  });

  it("refuses a bundle that is not there with exit status 2", () => {
    const result = koers("diff", "no-such-bundle", "--from", "2025-04", "--to", "2025-10");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no-such-bundle/);
  });
});
