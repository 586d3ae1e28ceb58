import { describe, expect, it } from "vitest";
import { APRIL, DECEMBER, OCTOBER, planOf } from "../testing/plans.js";
import { evaluatePeriod } from "./evaluate.js";
import { type Intention, judgeMilestone, type Milestone } from "./intentions.js";
import type { Period } from "./plan.js";

const date = (text: string) => {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};

function milestone(overrides: Partial<Milestone>): Milestone {
  return { id: "m", title: "Mijlpaal", planned: date("2025-09-30"), progress: [], ...overrides };
}

const plan = planOf([]);
const status = (m: Milestone, period: Period) => judgeMilestone(plan, m, period).status;

describe("judging a milestone", () => {
  it("is pending while it is due after the reference date", () => {
    expect(status(milestone({}), APRIL)).toBe("pending");
  });

  it("is behind plan when due before or on the reference date and not done", () => {
    expect(status(milestone({ planned: date("2025-10-31") }), OCTOBER)).toBe("behind-plan");
    expect(status(milestone({ planned: date("2025-10-30") }), OCTOBER)).toBe("behind-plan");
    expect(status(milestone({ planned: date("2025-11-01") }), OCTOBER)).toBe("pending");
  });

  it("is not met when missed at the year's end: the same rule as a time-phased target", () => {
    expect(status(milestone({}), DECEMBER)).toBe("not-met");
  });

  it("follows a revised date", () => {
    expect(status(milestone({ revised: date("2026-03-31") }), OCTOBER)).toBe("pending");
  });

  it("keeps every move of a milestone that slipped twice, judging by the latest", () => {
    const slipped = milestone({
      planned: date("2025-04-30"),
      progress: [
        {
          periodId: "2025-04",
          state: "at-risk",
          revised: date("2025-09-30"),
          reason: "capaciteit",
        },
        { periodId: "2025-10", state: "on-schedule", revised: date("2025-12-31") },
      ],
    });
    expect(judgeMilestone(plan, slipped, APRIL)).toMatchObject({
      due: date("2025-09-30"),
      history: [
        { periodId: null, date: date("2025-04-30") },
        { periodId: "2025-04", date: date("2025-09-30") },
      ],
      status: "behind-plan",
    });
    expect(judgeMilestone(plan, slipped, OCTOBER)).toMatchObject({
      due: date("2025-12-31"),
      status: "pending",
    });
    expect(judgeMilestone(plan, slipped, OCTOBER).history.map((h) => h.periodId)).toEqual([
      null,
      "2025-04",
      "2025-10",
    ]);
  });

  it("counts a period that repeats the date before it as no move", () => {
    const kept = milestone({
      progress: [
        { periodId: "2025-04", state: "on-schedule", revised: date("2025-09-30") },
        { periodId: "2025-10", state: "behind", revised: date("2025-09-30") },
      ],
    });
    expect(judgeMilestone(plan, kept, OCTOBER).history).toEqual([
      { periodId: null, date: date("2025-09-30") },
    ]);
  });

  it("is met when done, and says so when done late", () => {
    const done = milestone({
      progress: [{ periodId: "2025-10", state: "done", date: date("2025-10-15") }],
    });
    expect(judgeMilestone(plan, done, OCTOBER)).toMatchObject({ status: "met", late: true });
    const onTime = milestone({
      progress: [{ periodId: "2025-10", state: "done", date: date("2025-09-01") }],
    });
    expect(judgeMilestone(plan, onTime, OCTOBER)).toMatchObject({ status: "met", late: false });
  });

  it("is behind plan when reported at risk or behind, even before it is due, keeping the reason", () => {
    const atRisk = milestone({
      planned: date("2025-12-31"),
      progress: [{ periodId: "2025-04", state: "at-risk", reason: "capaciteit" }],
    });
    expect(judgeMilestone(plan, atRisk, APRIL)).toMatchObject({
      status: "behind-plan",
      progress: { reason: "capaciteit" },
    });
    expect(
      status(
        milestone({
          planned: date("2025-12-31"),
          progress: [{ periodId: "2025-04", state: "behind" }],
        }),
        APRIL,
      ),
    ).toBe("behind-plan");
  });

  it("takes the latest progress at or before the period, never a later one", () => {
    const later = milestone({
      progress: [{ periodId: "2025-10", state: "done", date: date("2025-09-01") }],
    });
    expect(status(later, APRIL)).toBe("pending");
    expect(status(later, DECEMBER)).toBe("met");
  });

  it("is not judged when cancelled", () => {
    expect(
      status(milestone({ progress: [{ periodId: "2025-04", state: "cancelled" }] }), OCTOBER),
    ).toBe("no-target");
  });
});

describe("judging intentions with the period's indicators", () => {
  const intention = (id: string, milestones: Milestone[]): Intention => ({
    id,
    title: id,
    milestones,
  });

  it("takes an intention's worst milestone, numbers its exceptions after the indicators', and leaves one without milestones unjudged", () => {
    const withIntentions = {
      ...plan,
      intentions: [
        intention("klaar", [
          milestone({
            progress: [{ periodId: "2025-10", state: "done", date: date("2025-09-01") }],
          }),
        ]),
        intention("achter", [
          milestone({ id: "a", planned: date("2026-01-31") }),
          milestone({ id: "b" }),
        ]),
        intention("zonder", []),
        intention("ook-achter", [milestone({ planned: date("2025-10-01") })]),
      ],
    };
    const evaluation = evaluatePeriod(withIntentions, [], "2025-10");
    expect(evaluation.intentions.map((i) => [i.intention.id, i.status, i.note])).toEqual([
      ["klaar", "met", null],
      ["achter", "behind-plan", 1],
      ["zonder", "no-target", null],
      ["ook-achter", "behind-plan", 2],
    ]);
    expect(evaluation.exceptions).toEqual([]);
  });
});
