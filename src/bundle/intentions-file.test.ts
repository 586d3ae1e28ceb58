import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem, ProblemsError } from "../domain/errors.js";
import { readBundle } from "./read-bundle.js";

const PLAN = `id: p
title: Plan
year: 2025
periods:
  - id: q1
    until: 2025-03-31
  - id: q2
    until: 2025-06-30
indicators:
  - id: tevreden
    title: Tevredenheid
    target: ">= 70%"
`;

function bundle(intentions: string): string {
  const dir = mkdtempSync(join(tmpdir(), "koers-intentions-"));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "plan.yaml"), PLAN);
  writeFileSync(join(dir, "intentions.yaml"), intentions);
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

describe("intentions.yaml", () => {
  it("reads intentions with milestones and progress into the plan", () => {
    const dir = bundle(`intentions:
  - id: beschikkingen
    title: Nieuwe beschikkingen
    group: Dienstverlening
    milestones:
      - id: ontwerp
        title: Ontwerp gereed
        planned: 2025-05-31
        revised: 2025-09-30
        progress:
          q1: { status: on-schedule }
          q2: { status: done, date: 2025-06-15 }
`);
    const { plan } = readBundle(dir);
    expect(plan.intentions).toEqual([
      {
        id: "beschikkingen",
        title: "Nieuwe beschikkingen",
        group: "Dienstverlening",
        milestones: [
          {
            id: "ontwerp",
            title: "Ontwerp gereed",
            planned: { year: 2025, month: 5, day: 31 },
            revised: { year: 2025, month: 9, day: 30 },
            progress: [
              { periodId: "q1", state: "on-schedule" },
              { periodId: "q2", state: "done", date: { year: 2025, month: 6, day: 15 } },
            ],
          },
        ],
      },
    ]);
  });

  it("reports every bad milestone by file and line, and loads nothing", () => {
    const dir = bundle(`intentions:
  - id: a
    title: A
    milestones:
      - id: zonder-datum
        title: Zonder datum
      - id: onbekend
        title: Onbekende status
        planned: 2025-06-30
        progress:
          q1: { status: misschien }
      - id: klaar
        title: Klaar zonder datum
        planned: 2025-06-30
        progress:
          q2: { status: done }
      - id: periode
        title: Onbekende periode
        planned: 2025-02-30
        progress:
          q9: { status: behind }
  - id: tevreden
    title: Zelfde id als een indicator
`);
    expect(problems(dir)).toEqual([
      'intentions.yaml:5: milestone "zonder-datum": missing required field "planned"',
      'intentions.yaml:11: progress of period "q1": field "status" is "misschien" but must be one of done, on-schedule, at-risk, behind, cancelled',
      'intentions.yaml:16: progress of period "q2": missing required field "date"',
      'intentions.yaml:19: milestone "periode": planned "2025-02-30" is not a calendar date (YYYY-MM-DD)',
      'intentions.yaml:21: progress names unknown period "q9": not in plan.yaml',
      'intentions.yaml:22: duplicate id "tevreden": ids are unique among indicators and intentions',
    ]);
  });

  it("reads a due date moved per period, and refuses one given on the milestone as well", () => {
    const moved = readBundle(
      bundle(`intentions:
  - id: a
    title: A
    milestones:
      - id: m
        title: M
        planned: 2025-03-31
        progress:
          q1: { status: behind, revised: 2025-06-30 }
          q2: { status: at-risk, revised: 2025-09-30, reason: Leverancier te laat }
`),
    );
    expect(moved.plan.intentions?.[0]?.milestones[0]?.progress.map((p) => p.revised)).toEqual([
      { year: 2025, month: 6, day: 30 },
      { year: 2025, month: 9, day: 30 },
    ]);
    const both = bundle(`intentions:
  - id: a
    title: A
    milestones:
      - id: m
        title: M
        planned: 2025-03-31
        revised: 2025-06-30
        progress:
          q2: { status: behind, revised: 2025-09-31 }
`);
    expect(problems(both)).toEqual([
      'intentions.yaml:10: progress of period "q2": revised "2025-09-31" is not a calendar date (YYYY-MM-DD)',
    ]);
    const twice = bundle(`intentions:
  - id: a
    title: A
    milestones:
      - id: m
        title: M
        planned: 2025-03-31
        revised: 2025-06-30
        progress:
          q2: { status: behind, revised: 2025-09-30 }
`);
    expect(problems(twice)).toEqual([
      'intentions.yaml:8: milestone "m": revised is given on the milestone and in its progress: give it per period only, so each move is kept',
    ]);
  });
});
