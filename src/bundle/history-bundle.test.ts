import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decimalToString } from "../domain/decimal.js";
import { formatProblem, ProblemsError } from "../domain/errors.js";
import { readBundle } from "./read-bundle.js";

function plan(year: number, extra = ""): string {
  return `id: p-${year}
title: Plan ${year}
year: ${year}
${extra}periods:
  - id: "${year}-10"
    label: jan - okt
    until: ${year}-10-31
indicators:
  - id: tevreden
    title: Tevredenheid
    unit: percent
    aggregation: latest
    target: ">= 70%"
  - id: klachten
    title: Klachten
    unit: count
    target: "<= 100"
`;
}

function bundle(
  files: Record<string, string>,
  root = mkdtempSync(join(tmpdir(), "koers-history-")),
) {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

function problems(dir: string): string[] {
  try {
    readBundle(dir);
  } catch (error) {
    if (error instanceof ProblemsError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("the bundle was accepted");
}

describe("history.csv", () => {
  it("reads waves by label or date in the ; dialect", () => {
    const dir = bundle({
      "plan.yaml": plan(2025),
      "history.csv":
        "indicator;wave;date;value;sample_size;source\n" +
        "tevreden;Q2 2024;;68,5;1.200;Toeslagenmonitor Q2 2024\n" +
        "tevreden;Najaarsmeting;2024-11-15;69;;\n" +
        "tevreden;;2024-12-31;70%;;\n",
    });
    const history = readBundle(dir).plan.history ?? [];
    expect(
      history.map((m) => [m.wave, m.name.kind, decimalToString(m.value), m.sampleSize ?? null]),
    ).toEqual([
      ["Q2 2024", "quarter", "68.5", 1200],
      ["Najaarsmeting", "label", "69", null],
      ["2024-12-31", "date", "70", null],
    ]);
    expect(history[0]?.date).toEqual({ year: 2024, month: 6, day: 30 });
  });

  it("reports every bad row with its line and reads nothing", () => {
    const dir = bundle({
      "plan.yaml": plan(2025),
      "history.csv":
        "indicator,wave,value,sample_size\n" +
        "onbekend,Q2 2024,5,\n" +
        "tevreden,Voorjaar,5,\n" +
        "tevreden,Q2 2024,68,5,\n" +
        'tevreden,Q2 2024,"68,5",\n' +
        "tevreden,Q3 2024,n.b.,\n" +
        "tevreden,Q4 2024,5,veel\n" +
        "klachten,2024,12%,\n" +
        "tevreden,Q1 2024,60,\n" +
        "tevreden,Q1 2024,61,\n",
    });
    const file = join(dir, "history.csv");
    expect(problems(dir)).toEqual([
      `${file}:2: unknown indicator "onbekend" (column indicator): not in plan.yaml`,
      `${file}:3: wave "Voorjaar" is not a date (YYYY-MM-DD) or a label such as Q2 2024, H1 2024 or 2024: give its date (column date)`,
      `${file}:4: has 5 fields where the header has 4`,
      `${file}:5: "68,5" is not a number (this file is comma-separated: write 68.5) (column value, indicator "tevreden")`,
      `${file}:6: "n.b." is not a figure: a history row holds a measured number (column value, indicator "tevreden")`,
      `${file}:7: sample size "veel" is not a whole number (column sample_size)`,
      `${file}:8: "12%" has % but the indicator's unit is count (column value, indicator "klachten")`,
      `${file}:10: duplicate wave for indicator "tevreden" on 2024-03-31 ("Q1 2024", first on line 9)`,
    ]);
  });

  it("needs its header", () => {
    const dir = bundle({ "plan.yaml": plan(2025), "history.csv": "indicator,value\n" });
    expect(problems(dir)).toEqual([
      `${join(dir, "history.csv")}:1: missing required column "wave" in the header`,
    ]);
  });
});

describe("previous:", () => {
  it("continues the history of indicators with the same id from the previous year's bundle", () => {
    const root = mkdtempSync(join(tmpdir(), "koers-previous-"));
    bundle(
      {
        "2024/plan.yaml": plan(2024),
        "2024/realisations.csv":
          "indicator,period,value,sample_size\ntevreden,2024-10,66,900\nklachten,2024-10,80,\n",
        "2024/history.csv": "indicator,wave,value\ntevreden,Q2 2023,64\n",
        "2025/plan.yaml": plan(2025, "previous: ../2024\n"),
      },
      root,
    );
    const history = readBundle(join(root, "2025")).plan.history ?? [];
    expect(history.map((m) => [m.indicatorId, m.wave, decimalToString(m.value)])).toEqual([
      ["tevreden", "jan - okt 2024", "66"],
      ["klachten", "jan - okt 2024", "80"],
      ["tevreden", "Q2 2023", "64"],
    ]);
    expect(history[0]?.sampleSize).toBe(900);
  });

  it("refuses a folder that is no bundle, a later year, and an invalid bundle, at the line of previous:", () => {
    const root = mkdtempSync(join(tmpdir(), "koers-previous-"));
    bundle(
      {
        "2026/plan.yaml": plan(2026),
        "kapot/plan.yaml": plan(2024),
        "kapot/realisations.csv": "indicator,period,value\ntevreden,2024-10,veel\n",
        "a/plan.yaml": plan(2025, "previous: ../nergens\n"),
        "b/plan.yaml": plan(2025, "previous: ../2026\n"),
        "c/plan.yaml": plan(2025, "previous: ../kapot\n"),
        "d/plan.yaml": plan(2025, "previous: 2024\n"),
      },
      root,
    );
    const at = (name: string) => join(root, name, "plan.yaml");
    expect(problems(join(root, "a"))).toEqual([
      `${at("a")}:4: previous: "../nergens" is not a plan bundle (a folder with plan.yaml)`,
    ]);
    expect(problems(join(root, "b"))).toEqual([
      `${at("b")}:4: previous: "../2026" is the plan for 2026, not a year before 2025`,
    ]);
    expect(problems(join(root, "c"))).toEqual([
      `${join(root, "kapot", "realisations.csv")}:2: "veel" is not a number (column value, indicator "tevreden")`,
      `${at("c")}:4: previous: the bundle "../kapot" is not valid (its problems are listed)`,
    ]);
    expect(problems(join(root, "d"))).toEqual([
      `${at("d")}:4: plan: field "previous" must be the path of the previous year's bundle folder`,
    ]);
  });

  it("refuses a chain that loops", () => {
    const root = mkdtempSync(join(tmpdir(), "koers-previous-"));
    bundle(
      {
        "x/plan.yaml": plan(2025, "previous: ../y\n"),
        "y/plan.yaml": plan(2024, "previous: ../x\n"),
      },
      root,
    );
    expect(problems(join(root, "x"))).toContain(
      `${join(root, "y", "plan.yaml")}:4: previous: "../x" leads back to a bundle that names it as its successor`,
    );
  });
});
