import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBundle } from "../bundle/read-bundle.js";
import { evaluationJson } from "./evaluation-json.js";
import { evaluateBundlePeriod } from "./period.js";

const PLAN = `id: p
title: Plan
year: 2025
periods:
  - id: "2025-10"
    label: jan - okt
    until: 2025-10-31
indicators:
  - id: ontevreden
    title: Ontevredenheid
    unit: percent
    aggregation: latest
    target: "<= 8%"
  - id: klachten
    title: Klachten
    unit: count
    target: "<= 100"
`;

function bundle(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "koers-survey-json-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe("evaluate --json margin and trend", () => {
  it("adds the margin and trend of a surveyed percentage, and null where there is no data", () => {
    const b = readBundle(
      bundle({
        "plan.yaml": PLAN,
        "realisations.csv":
          "indicator,period,value,sample_size\nontevreden,2025-10,10,200\nklachten,2025-10,90,\n",
        "history.csv": "indicator,wave,value,sample_size\nontevreden,Q2 2024,10,180\n",
      }),
    );
    const json = evaluationJson(evaluateBundlePeriod(b, "2025-10"), new Map(), b.realisations);
    const [ontevreden, klachten] = json.indicators;
    expect(ontevreden?.margin).toEqual({
      low: 6.57,
      high: 14.94,
      level: 0.95,
      sampleSize: 200,
      targetWithinMargin: true,
    });
    expect(ontevreden?.trend).toEqual({
      previous: { wave: "Q2 2024", date: "2024-06-30", value: 10, sampleSize: 180, source: null },
      change: 0,
      unit: "percentage-points",
      equalWaves: 1,
      significant: null,
      sentence: {
        nl: "gelijk aan de meting van het tweede kwartaal van 2024",
        en: "equal to the measurement of the second quarter of 2024",
      },
    });
    expect(klachten).toMatchObject({ margin: null, trend: null, value: 90, status: "met" });
  });
});
