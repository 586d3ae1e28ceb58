/**
 * The example's figures, computed in plain TypeScript over the generated rows, land near the
 * reference report's (examples/toeslagen-2025/realisations.csv): at scale 0.001 for the large
 * data sets, and at scale 1 for the small ones (objections, complaints, surveys, incidents),
 * whose figures mean little in a few rows.
 *
 * The statutory deadlines are those of src/domain/statutory-terms.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_FIGURES, exampleFigures } from "./example-figures.js";
import { generateDemoData } from "./generate.js";
import { readDemoRows, readSomeDemoRows } from "./read-rows.js";
import { STATUTORY_DEADLINES } from "./statutory-deadlines.js";

const PERIODS = { "2025-04": "2025-04-30", "2025-10": "2025-10-31" } as const;
type PeriodId = keyof typeof PERIODS;

/** The reference report's figures: "1.266" is 1266, "92,9" is 92.9. */
function referenceFigures(): Map<string, number> {
  const csv = readFileSync(
    new URL("../../../examples/toeslagen-2025/realisations.csv", import.meta.url),
    "utf8",
  );
  const figures = new Map<string, number>();
  for (const line of csv.trim().split("\n").slice(1)) {
    const [indicator, period, value] = line.split(";") as [string, string, string];
    const number = Number(value.replaceAll(".", "").replace(",", "."));
    if (Number.isFinite(number)) figures.set(`${indicator}@${period}`, number);
  }
  return figures;
}

const SMALL_SETS = [
  "objections",
  "complaints",
  "monitor_answers",
  "customer_survey_answers",
  "incidents",
];
const root = mkdtempSync(join(tmpdir(), "koers-reference-figures-"));
const computed: Record<string, Record<PeriodId, number>> = {};
const reference = referenceFigures();

beforeAll(async () => {
  const small = join(root, "small");
  const full = join(root, "full");
  await generateDemoData(small, { scale: 0.001, seed: 2025 });
  await generateDemoData(full, { scale: 1, seed: 2025 }, () => {}, SMALL_SETS);
  const smallRows = await readDemoRows(small);
  const fullRows = { ...smallRows, ...(await readSomeDemoRows(full, SMALL_SETS)) };
  for (const [period, until] of Object.entries(PERIODS) as [PeriodId, string][]) {
    const figures = {
      ...exampleFigures(smallRows, until, STATUTORY_DEADLINES),
      ...exampleFigures(fullRows, until, STATUTORY_DEADLINES),
    };
    for (const [id, value] of Object.entries(figures)) {
      computed[id] = { ...computed[id], [period]: value } as Record<PeriodId, number>;
    }
  }
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** How far a figure may lie from the reference: exact where the data is built to hit it. */
const TOLERANCE: Record<string, number> = {
  "klachten-ontvangen": 2,
  "geen-terugvordering": 1,
  "definitief-vastgesteld": 0.1,
  "bezwaren-binnen-termijn": 0.3,
  "klachten-binnen-termijn": 0.5,
  // 32,000 payments due by April at this scale: 0.01 points are 3 payments.
  "tijdig-uitbetaald": 0.01,
  productieverstoringen: 0,
};

describe("the example's figures, computed in TypeScript over the demo data", () => {
  it("cover every computed indicator of the example and no other", () => {
    const plan = readFileSync(
      new URL("../../../examples/toeslagen-2025-computed/plan.yaml", import.meta.url),
      "utf8",
    );
    const withCompute = [
      ...plan.matchAll(/- id: ([\w-]+)\n(?:(?!\s+- id:)[^\n]*\n)*?\s+compute:/g),
    ].map((m) => m[1]);
    expect(withCompute.sort()).toEqual(Object.keys(EXAMPLE_FIGURES).sort());
  });

  for (const id of Object.keys(EXAMPLE_FIGURES)) {
    for (const period of Object.keys(PERIODS) as PeriodId[]) {
      it(`${id} in ${period} lands near the reference report's figure`, () => {
        const expected = reference.get(`${id}@${period}`);
        expect(expected, "reference figure").toBeDefined();
        const value = computed[id]?.[period] as number;
        // Survey figures are whole percentages in the report: the data hits them exactly.
        const tolerance = TOLERANCE[id] ?? 0.5;
        expect(
          Math.abs(value - (expected as number)),
          `${value} vs ${expected}`,
        ).toBeLessThanOrEqual(tolerance);
      });
    }
  }
});
