import { describe, expect, it } from "vitest";
import { type FindingRegister, judgeFindings } from "./findings.js";
import type { Period, Plan } from "./plan.js";
import { judgeRisks, type RiskRegister } from "./risks.js";

const april: Period = { id: "q1", label: "jan - april", until: { year: 2025, month: 4, day: 30 } };
const october: Period = { id: "q2", label: "jan - okt", until: { year: 2025, month: 10, day: 31 } };
const plan = { periods: [april, october] } as unknown as Plan;

describe("the risk register", () => {
  const register: RiskRegister = {
    narratives: {},
    risks: [
      {
        id: "rose",
        title: "Rose",
        owner: "a",
        measures: [
          {
            title: "late",
            owner: "b",
            status: "in-progress",
            due: { year: 2025, month: 9, day: 30 },
          },
          { title: "done", owner: "b", status: "done", due: { year: 2025, month: 9, day: 30 } },
        ],
        assessments: [
          { periodId: "q1", likelihood: 3, impact: 4 },
          { periodId: "q2", likelihood: 4, impact: 4 },
        ],
      },
      {
        id: "fell",
        title: "Fell",
        owner: "a",
        measures: [],
        assessments: [
          { periodId: "q1", likelihood: 4, impact: 3 },
          { periodId: "q2", likelihood: 2, impact: 3 },
        ],
      },
      {
        id: "new",
        title: "New",
        owner: "a",
        measures: [],
        assessments: [{ periodId: "q2", likelihood: 1, impact: 1 }],
      },
      {
        id: "unscored",
        title: "Unscored",
        owner: "a",
        measures: [],
        assessments: [{ periodId: "q2", note: "no figures" }],
      },
      { id: "silent", title: "Silent", owner: "a", measures: [], assessments: [] },
    ],
  };

  it("says how each score moved since the period before, and flags a rise", () => {
    const judged = judgeRisks(plan, register, october);
    expect(judged.map((j) => [j.risk.id, j.score, j.previousScore, j.change, j.flagged])).toEqual([
      ["rose", 16, 12, "rose", true],
      ["fell", 6, 12, "fell", false],
      ["new", 1, null, "new", false],
      ["unscored", null, null, "not-scored", false],
      ["silent", null, null, "not-assessed", false],
    ]);
  });

  it("finds the measures still open after their due date", () => {
    const [rose] = judgeRisks(plan, register, october);
    expect(rose?.overdueMeasures.map((m) => m.title)).toEqual(["late"]);
    expect(judgeRisks(plan, register, april)[0]?.overdueMeasures).toEqual([]);
  });
});

describe("the audit findings", () => {
  const register: FindingRegister = {
    narratives: {},
    findings: [
      {
        id: "late",
        title: "Late",
        sources: ["adr"],
        classification: "onvolkomenheid",
        measures: [],
        resolveBy: { year: 2025, month: 6, day: 30 },
        progress: [{ periodId: "q1", state: "open" }],
      },
      {
        id: "resolved",
        title: "Resolved",
        sources: ["algemene-rekenkamer"],
        classification: "ernstige-onvolkomenheid",
        measures: [],
        resolveBy: { year: 2025, month: 6, day: 30 },
        progress: [{ periodId: "q2", state: "resolved" }],
      },
      {
        id: "on-time",
        title: "On time",
        sources: ["other"],
        classification: "onvolkomenheid",
        measures: [],
        resolveBy: { year: 2025, month: 10, day: 31 },
        progress: [],
      },
    ],
  };

  it("flags a finding still open after its planned date, judged against the period's end", () => {
    expect(judgeFindings(plan, register, april).map((j) => j.overdue)).toEqual([
      false,
      false,
      false,
    ]);
    expect(judgeFindings(plan, register, october).map((j) => [j.state, j.overdue])).toEqual([
      ["open", true],
      ["resolved", false],
      ["open", false],
    ]);
  });
});
