import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem, ProblemsError } from "../domain/errors.js";
import { ROOT } from "../testing/cli.js";
import { readBundle } from "./read-bundle.js";

const EXAMPLE = join(ROOT, "examples", "registers-illustratie");

/** A copy of the illustrative example with `file` replaced by `text`. */
function withFile(file: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "koers-registers-"));
  cpSync(EXAMPLE, dir, { recursive: true });
  writeFileSync(join(dir, file), text);
  return dir;
}

function problems(dir: string): string[] {
  try {
    readBundle(dir);
  } catch (error) {
    if (error instanceof ProblemsError)
      return error.problems.map(formatProblem).map((p) => p.replace(`${dir}/`, ""));
    throw error;
  }
  throw new Error("accepted");
}

describe("the register files", () => {
  it("read into the plan, with their narratives", () => {
    const { plan, warnings } = readBundle(EXAMPLE);
    expect(warnings).toEqual([]);
    expect(plan.registers?.risks?.risks.map((r) => r.id)).toEqual([
      "personeel",
      "systemen",
      "druk",
    ]);
    expect(plan.registers?.risks?.narratives["2025-10"]).toContain("Illustratie");
    expect(plan.registers?.findings?.findings[0]?.resolveBy).toEqual({
      year: 2025,
      month: 6,
      day: 30,
    });
    const article = plan.registers?.lawfulness?.articles.find((a) => a.id === "toeslag-klein");
    expect(article?.figures[0]?.amounts?.errors).toEqual({ units: 120000000n, scale: 0 });
  });

  it("keep the reference example's figures absent where its report gives none", () => {
    const { plan } = readBundle(join(ROOT, "examples", "toeslagen-2025"));
    const [huurtoeslag] = plan.registers?.lawfulness?.articles ?? [];
    expect(huurtoeslag?.figures[0]?.amounts).toBeUndefined();
    expect(huurtoeslag?.figures[0]?.outlook).toBe("exceeds");
    expect(
      plan.registers?.risks?.risks.every((r) =>
        r.assessments.every((a) => a.likelihood === undefined),
      ),
    ).toBe(true);
  });

  it("reject a likelihood of 7 and a measure without owner, by file and line", () => {
    const dir = withFile(
      "risks.yaml",
      `risks:
  - id: personeel
    title: Personeel
    owner: directeur
    mitigations:
      - measure: Werving
        status: planned
    assessments:
      "2025-10": { likelihood: 7, impact: 3 }
`,
    );
    expect(problems(dir)).toEqual([
      'risks.yaml:6: risk "personeel": measure: missing required field "owner"',
      'risks.yaml:9: risk "personeel": assessment of period "2025-10": field "likelihood" must be a whole number from 1 to 5',
    ]);
  });

  it("reject a negative amount and an unknown chapter, by file and line", () => {
    const dir = withFile(
      "lawfulness.yaml",
      `chapters:
  - id: vro
    ministry: VRO
articles:
  - id: huurtoeslag
    chapter: bzk
    title: Huurtoeslag
    figures:
      "2025-10":
        basis: expected
        expenditure: -5
        receipts: 0
        errors: 1
        uncertainties: 1
`,
    );
    expect(problems(dir)).toEqual([
      'lawfulness.yaml:6: article "huurtoeslag": unknown chapter "bzk": not in chapters',
      'lawfulness.yaml:11: article "huurtoeslag": figures of period "2025-10": field "expenditure" is -5 but must not be negative',
    ]);
  });

  it("reject an unknown period, a finding's unknown source and amounts given in part", () => {
    const findings = withFile(
      "findings.yaml",
      `findings:
  - id: inkoop
    title: Inkoop
    source: accountant
    classification: onvolkomenheid
    progress:
      "2025-12": { status: open }
`,
    );
    expect(problems(findings)).toEqual([
      'findings.yaml:4: finding "inkoop": source "accountant" must be one of adr, algemene-rekenkamer, other',
      'findings.yaml:7: finding "inkoop": progress of period "2025-12": no such period in plan.yaml',
    ]);
    const lawfulness = withFile(
      "lawfulness.yaml",
      `chapters:
  - id: vro
    ministry: VRO
articles:
  - id: huurtoeslag
    chapter: vro
    title: Huurtoeslag
    figures:
      "2025-10": { basis: expected, errors: 5 }
`,
    );
    expect(problems(lawfulness)).toEqual([
      'lawfulness.yaml:9: article "huurtoeslag": figures of period "2025-10": give expenditure, receipts, errors, uncertainties together, or none (missing expenditure, receipts, uncertainties)',
    ]);
  });

  it("require every tolerance rule other than the default to name its source", () => {
    const dir = withFile(
      "lawfulness.yaml",
      `rules:
  - id: klein
    article: 10%
    chapter: 2%
chapters:
  - id: vro
    ministry: VRO
    rule: klein
articles: []
`,
    );
    expect(problems(dir)).toEqual([
      'lawfulness.yaml:2: rule "klein": missing required field "source"',
      'lawfulness.yaml:8: chapter "vro": unknown rule "klein": not in rules (or rijk-2017)',
    ]);
  });
});
