import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPlanFrom } from "./plan-file.js";
import { ProblemLog } from "./problems.js";
import { PreciseYaml, QuickYaml } from "./yaml-source.js";

function both(text: string) {
  const quick = QuickYaml.parse(text, "plan.yaml");
  const precise = PreciseYaml.parse(text, "plan.yaml", new ProblemLog());
  if (!quick || !precise) throw new Error("not YAML");
  return { quick, precise };
}

describe("the quick and the precise YAML reading", () => {
  it("give the same plan for the example", () => {
    const { quick, precise } = both(readFileSync("examples/toeslagen-2025/plan.yaml", "utf8"));
    const plan = readPlanFrom(quick, new ProblemLog());
    expect(quick.imprecise).toBe(false);
    expect(plan).toEqual(readPlanFrom(precise, new ProblemLog()));
  });

  it.each([
    ["a number where an id is expected", "id: 04\n"],
    ["a number as a target", "target: 99.90\n"],
  ])("the quick one gives way on %s", (_, yaml) => {
    const { quick } = both(yaml);
    const data = quick.data as Record<string, unknown>;
    expect(quick.writtenText([Object.keys(data)[0] as string])).toBeUndefined();
    expect(quick.imprecise).toBe(true);
  });

  it("the quick one gives way on a time-phased key written as a number", () => {
    const { quick } = both("target:\n  2025: '<= 5'\n");
    quick.keys(["target"]);
    expect(quick.imprecise).toBe(true);
  });

  it("the precise one keeps numbers as written", () => {
    const { precise } = both("id: 04\ntarget:\n  007: '<= 5'\n");
    expect(precise.writtenText(["id"])).toBe("04");
    expect(precise.keys(["target"])).toEqual([{ written: "007", key: "7" }]);
  });
});
