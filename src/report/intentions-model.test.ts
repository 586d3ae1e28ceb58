import { describe, expect, it } from "vitest";
import { evaluatePeriod } from "../domain/evaluate.js";
import type { Intention } from "../domain/intentions.js";
import { APRIL, OCTOBER, planOf } from "../testing/plans.js";
import { intentionBlocks, intentionRows } from "./intentions-model.js";
import { TEXTS } from "./texts.js";

const date = (text: string) => {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};

/** A link to another system, planned for March, moved in April and again in October. */
const slipped: Intention = {
  id: "koppeling",
  title: "Koppeling in productie",
  group: "Dienstverlening",
  owner: "eigenaar@example.org",
  milestones: [
    {
      id: "live",
      title: "Live",
      planned: date("2025-03-31"),
      progress: [
        { periodId: "2025-04", state: "behind", revised: date("2025-06-30") },
        {
          periodId: "2025-10",
          state: "at-risk",
          revised: date("2025-12-31"),
          reason: "Leverancier vraagt uitstel",
        },
      ],
    },
  ],
};

const plan = { ...planOf([], [APRIL, OCTOBER]), intentions: [slipped] };

describe("a milestone that slipped twice", () => {
  it("shows both moves with the report that made each, in the app's rows", () => {
    const [row] = intentionRows(evaluatePeriod(plan, [], OCTOBER.id), TEXTS.nl, "nl");
    expect(row).toMatchObject({
      note: 1,
      status: "⚠ loopt achter op planning",
      owner: "eigenaar@example.org",
    });
    expect(row?.milestones[0]?.dates).toEqual([
      { date: "31 maart 2025", report: null },
      { date: "30 juni 2025", report: "jan - april" },
      { date: "31 december 2025", report: "jan - okt" },
    ]);
    expect(row?.milestones[0]?.reason).toBe("Leverancier vraagt uitstel");
  });

  it("shows only the moves made by then in an earlier period's report", () => {
    const [row] = intentionRows(evaluatePeriod(plan, [], APRIL.id), TEXTS.en, "en");
    expect(row?.milestones[0]?.dates.map((d) => d.date)).toEqual(["31 March 2025", "30 June 2025"]);
  });

  it("writes the moves into the exception's facts", () => {
    const [block] = intentionBlocks(
      evaluatePeriod(plan, [], OCTOBER.id),
      [],
      TEXTS.nl,
      "nl",
      (n) => `n${n}`,
    );
    expect(block?.facts.at(-1)?.value).toBe(
      "⚠ loopt achter op planning; gepland 31 maart 2025; herzien naar 30 juni 2025 (rapportage jan - april); herzien naar 31 december 2025 (rapportage jan - okt); reden: Leverancier vraagt uitstel",
    );
  });
});
