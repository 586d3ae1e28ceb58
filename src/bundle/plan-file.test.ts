import { describe, expect, it } from "vitest";
import { decimalToString } from "../domain/decimal.js";
import { type Indicator, indicatorsOf, type Plan } from "../domain/plan.js";
import { readPlan } from "./plan-file.js";
import { ProblemLog } from "./problems.js";

const FILE = "bundle/plan.yaml";

/** Lines 1–11 of most fixtures; the first indicator starts on line 12. */
const HEAD = `id: p
title: P
year: 2025
periods:
  - id: 2025-04
    label: jan - apr
    until: 2025-04-30
  - id: 2025-12
    label: jan - dec
    until: 2025-12-31
indicators:
`;

function read(text: string) {
  const log = new ProblemLog();
  const plan = readPlan(text, FILE, log);
  return { plan, errors: log.errors, warnings: log.warnings };
}

/** Reads HEAD + the given indicators (which start on line 12). */
function readIndicators(indicators: string) {
  return read(HEAD + indicators);
}

function validPlan(text: string): Plan {
  const { plan, errors } = read(text);
  expect(errors).toEqual([]);
  if (!plan) throw new Error("no plan");
  return plan;
}

function indicator(plan: Plan, id: string): Indicator {
  const found = indicatorsOf(plan.nodes).find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

/** Expects exactly one error, on `line`, whose message contains every one of `parts`. */
function expectOneError(
  result: ReturnType<typeof read>,
  line: number | undefined,
  ...parts: string[]
): void {
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatchObject({ file: FILE, line });
  for (const part of parts) expect(result.errors[0]?.message).toContain(part);
  expect(result.plan).toBeUndefined();
}

describe("readPlan: indicator errors", () => {
  it("reports a target that does not parse, naming the indicator and the text", () => {
    const result = readIndicators(`  - id: a
    title: A
    target: "ongeveer 70"
`);
    expectOneError(result, 14, 'indicator "a"', '"ongeveer 70"', "target");
  });

  it("reports a duplicate indicator id at its second occurrence, naming the first line", () => {
    const result = readIndicators(`  - id: a
    title: A
  - title: Groep
    indicators:
      - id: a
        title: A again
`);
    expectOneError(result, 16, '"a"', "first on line 12");
  });

  it("reports an indicator without id on the indicator's line", () => {
    const result = readIndicators(`  - id: a
    title: A
  - title: B
    target: ">= 5"
`);
    expectOneError(result, 14, 'missing required field "id"');
  });

  it("reports an indicator without title on the indicator's line, naming it", () => {
    const result = readIndicators(`  - id: a
    title: A
  - id: b
    target: ">= 5"
`);
    expectOneError(result, 14, 'indicator "b"', 'missing required field "title"');
  });

  it("reports a group without title", () => {
    const result = readIndicators(`  - description: no title
    indicators:
      - id: a
        title: A
`);
    expectOneError(result, 12, 'missing required field "title"');
  });

  it("reports a direction that contradicts the comparator on the target's line", () => {
    const result = readIndicators(`  - id: a
    title: A
    direction: lower
    target: ">= 5"
`);
    expectOneError(result, 15, 'indicator "a"', "lower", ">=");
  });

  it("reports direction higher against <", () => {
    const result = readIndicators(`  - id: a
    title: A
    direction: higher
    target: "< 8"
`);
    expectOneError(result, 15, 'indicator "a"', "higher", "<");
  });

  it("reports a time-phased target with assess: year-end on the target's line", () => {
    const result = readIndicators(`  - id: a
    title: A
    assess: year-end
    target: { 2025-04: "<= 5", 2025-12: "<= 9" }
`);
    expectOneError(result, 15, 'indicator "a"', "time-phased", "year-end");
  });

  it("reports a time-phased target (block style) with assess: year-end on the target: line", () => {
    const result = readIndicators(`  - id: a
    title: A
    assess: year-end
    target:
      2025-04: "<= 5"
      2025-12: "<= 9"
`);
    expectOneError(result, 15, 'indicator "a"', "time-phased", "year-end");
  });

  it("reports a time-phased target naming an unknown period on the target's line", () => {
    const result = readIndicators(`  - id: a
    title: A
    target: { 2025-04: "<= 5", 2025-13: "<= 9" }
`);
    expectOneError(result, 14, 'indicator "a"', '"2025-13"');
  });

  it("reports a bad step of a time-phased target on that step's line", () => {
    const result = readIndicators(`  - id: a
    title: A
    target:
      2025-04: "<= 5"
      2025-12: "veel"
`);
    expectOneError(result, 16, 'indicator "a"', '"veel"');
  });

  it("reports a bare value without direction", () => {
    const result = readIndicators(`  - id: a
    title: A
    target: "83%"
`);
    expectOneError(result, 14, 'indicator "a"', '"83%"', "direction");
  });

  it("reports a % target on a count", () => {
    const result = readIndicators(`  - id: a
    title: A
    unit: count
    target: ">= 5%"
`);
    expectOneError(result, 15, 'indicator "a"', "%", "count");
  });

  it("reports a range with its low end above its high end", () => {
    const result = readIndicators(`  - id: a
    title: A
    target: "80% - 70%"
`);
    expectOneError(result, 14, 'indicator "a"', "80% - 70%");
  });

  it("reports a bad indicator id", () => {
    const result = readIndicators(`  - id: Tevredenheid
    title: A
`);
    expectOneError(result, 12, '"Tevredenheid"', '"id"');
  });

  it("reports a bad direction and a bad assess on their lines", () => {
    const { errors } = readIndicators(`  - id: a
    title: A
    direction: up
    assess: sometimes
`);
    expect(errors.map((e) => [e.line, e.message.match(/field "\w+"/)?.[0]])).toEqual([
      [14, 'field "direction"'],
      [15, 'field "assess"'],
    ]);
  });
});

describe("readPlan: plan and period errors", () => {
  it.each([
    ["id", "title: P\nyear: 2025\nperiods: []\nindicators: []\n"],
    ["title", "id: p\nyear: 2025\nperiods: []\nindicators: []\n"],
    ["year", "id: p\ntitle: P\nperiods: []\nindicators: []\n"],
    ["periods", "id: p\ntitle: P\nyear: 2025\nindicators: []\n"],
    ["indicators", "id: p\ntitle: P\nyear: 2025\nperiods: []\n"],
  ])("reports a plan without %s on line 1", (field, text) => {
    expectOneError(read(text), 1, `missing required field "${field}"`);
  });

  it("reports a bad plan id", () => {
    expectOneError(
      read("id: Plan 2025\ntitle: P\nyear: 2025\nperiods: []\nindicators: []\n"),
      1,
      '"Plan 2025"',
      '"id"',
    );
  });

  it("reports a year that is not a whole number", () => {
    expectOneError(
      read("id: p\ntitle: P\nyear: twintig\nperiods: []\nindicators: []\n"),
      3,
      '"year"',
    );
  });

  it("reports an until that is not a calendar date", () => {
    const result = read(`id: p
title: P
year: 2025
periods:
  - id: 2025-02
    label: feb
    until: 2025-02-30
indicators: []
`);
    expectOneError(result, 7, '"2025-02-30"', "until");
  });

  it("reports a period outside the plan's year", () => {
    const result = read(`id: p
title: P
year: 2025
periods:
  - id: 2024-12
    label: dec
    until: 2024-12-31
indicators: []
`);
    expectOneError(result, 7, "2024-12-31", "until", "2025");
  });

  it("reports periods out of order on the later period's until", () => {
    const result = read(`id: p
title: P
year: 2025
periods:
  - id: 2025-10
    label: jan - okt
    until: 2025-10-31
  - id: 2025-04
    label: jan - apr
    until: 2025-04-30
indicators: []
`);
    expectOneError(result, 10, '"2025-04"', "until");
  });

  it("reports a duplicate period id at its second occurrence, naming the first line", () => {
    const result = read(`id: p
title: P
year: 2025
periods:
  - id: 2025-04
    label: jan - apr
    until: 2025-04-30
  - id: 2025-04
    label: jan - okt
    until: 2025-10-31
indicators: []
`);
    expectOneError(result, 8, '"2025-04"', "first on line 5");
  });

  it("reports a period without until", () => {
    const result = read(`id: p
title: P
year: 2025
periods:
  - id: 2025-04
    label: jan - apr
indicators: []
`);
    expectOneError(result, 5, 'missing required field "until"');
  });
});

describe("readPlan: YAML errors", () => {
  it("reports a YAML syntax error with its line", () => {
    const result = read(`id: p
title: P
year: 2025: x
periods: []
indicators: []
`);
    expect(result.plan).toBeUndefined();
    expect(result.errors.length).toBeGreaterThanOrEqual(1);
    expect(result.errors[0]).toMatchObject({ file: FILE, line: 3 });
    expect(result.errors[0]?.message).toMatch(/^YAML: /);
  });

  it("reports an unexpected scalar with its line", () => {
    const result = read(`id: p
title: "P" Q
year: 2025
periods: []
indicators: []
`);
    expect(result.plan).toBeUndefined();
    expect(result.errors[0]).toMatchObject({ file: FILE, line: 2 });
  });

  it("reports a duplicate YAML key on the line of its second occurrence", () => {
    const result = read(`id: p
title: P
year: 2025
title: Q
periods: []
indicators: []
`);
    expectOneError(result, 4, "YAML");
  });

  it("reports a plan that is not a mapping", () => {
    expectOneError(read("- id: p\n"), 1, "mapping");
  });
});

describe("readPlan: several errors at once", () => {
  it("reports every error, in file order", () => {
    const { plan, errors } = read(`id: p
title: P
year: 2025
periods:
  - id: 2025-10
    label: jan - okt
    until: 2025-10-31
  - id: 2025-04
    label: jan - apr
    until: 2025-04-30
indicators:
  - id: a
    title: A
    target: "ongeveer 70"
  - id: a
    title: A2
  - id: b
    direction: lower
    target: ">= 5"
  - id: c
    title: C
    assess: year-end
    target: { 2025-04: "<= 5" }
`);
    expect(plan).toBeUndefined();
    expect(errors.map((e) => e.line)).toEqual([10, 14, 15, 17, 19, 23]);
    expect(errors.map((e) => e.file)).toEqual(Array(6).fill(FILE));
    expect(errors[0]?.message).toContain("until");
    expect(errors[1]?.message).toContain('"ongeveer 70"');
    expect(errors[2]?.message).toContain("first on line 12");
    expect(errors[3]?.message).toContain('missing required field "title"');
    expect(errors[4]?.message).toContain("contradicts");
    expect(errors[5]?.message).toContain("year-end");
  });
});

describe("readPlan: valid plans", () => {
  it("reads a plan with its periods and indicators", () => {
    const plan = validPlan(`${HEAD}  - id: a
    title: A
    target: ">= 70%"
`);
    expect(plan).toMatchObject({
      id: "p",
      title: "P",
      year: 2025,
      language: "nl",
      periods: [
        { id: "2025-04", label: "jan - apr", until: { year: 2025, month: 4, day: 30 } },
        { id: "2025-12", label: "jan - dec", until: { year: 2025, month: 12, day: 31 } },
      ],
    });
  });

  it("keeps unquoted period ids such as 2025-04 as strings, also as time-phased keys", () => {
    const plan = validPlan(`${HEAD}  - id: a
    title: A
    unit: count
    target: { 2025-04: "<= 567", 2025-12: "<= 1417" }
`);
    expect(plan.periods.map((p) => p.id)).toEqual(["2025-04", "2025-12"]);
    const target = indicator(plan, "a").target;
    expect(target.kind).toBe("phased");
    if (target.kind === "phased") {
      expect(target.steps.map((s) => s.periodId)).toEqual(["2025-04", "2025-12"]);
    }
  });

  it("keeps an unquoted period id with a leading zero as written", () => {
    const plan = validPlan(`id: p
title: P
year: 2025
periods:
  - id: 04
    until: 2025-04-30
indicators: []
`);
    expect(plan.periods.map((p) => p.id)).toEqual(["04"]);
  });

  it("reads an unquoted until as a calendar date, with the label defaulting to the id", () => {
    const plan = validPlan(`id: p
title: P
year: 2025
periods:
  - id: Q1
    until: 2025-03-31
indicators: []
`);
    expect(plan.periods).toEqual([
      { id: "Q1", label: "Q1", until: { year: 2025, month: 3, day: 31 } },
    ]);
  });

  it("defaults the unit to percent when the target has %, else to number", () => {
    const plan = validPlan(`${HEAD}  - id: a
    title: A
    target: ">= 70%"
  - id: b
    title: B
    target: "< 8"
  - id: c
    title: C
    target: "70% - 80%"
  - id: d
    title: D
`);
    expect(indicatorsOf(plan.nodes).map((i) => i.unit)).toEqual([
      "percent",
      "number",
      "percent",
      "number",
    ]);
  });

  it("defaults aggregation to sum for count and euro, to rate otherwise, and keeps a given one", () => {
    const plan = validPlan(`${HEAD}  - id: a
    title: A
    unit: count
  - id: b
    title: B
    unit: euro
  - id: c
    title: C
    target: ">= 70%"
  - id: d
    title: D
  - id: e
    title: E
    unit: weken
  - id: f
    title: F
    unit: count
    aggregation: latest
`);
    expect(indicatorsOf(plan.nodes).map((i) => [i.id, i.unit, i.aggregation])).toEqual([
      ["a", "count", "sum"],
      ["b", "euro", "sum"],
      ["c", "percent", "rate"],
      ["d", "number", "rate"],
      ["e", "weken", "rate"],
      ["f", "count", "latest"],
    ]);
  });

  it.each([
    ["absent", ""],
    ["n.v.t.", "    target: n.v.t.\n"],
    ["N.V.T.", '    target: "N.V.T."\n'],
    ["null", "    target: null\n"],
    ["~", "    target: ~\n"],
  ])("reads target %s as no target", (_name, targetLine) => {
    const plan = validPlan(`${HEAD}  - id: a\n    title: A\n${targetLine}`);
    expect(indicator(plan, "a").target).toEqual({ kind: "none" });
  });

  it("reads a numeric YAML target with a direction as a bare value", () => {
    const plan = validPlan(`${HEAD}  - id: a
    title: A
    direction: higher
    target: 5
  - id: b
    title: B
    direction: lower
    target: 99.5
`);
    const [a, b] = indicatorsOf(plan.nodes).map((i) => i.target);
    expect(a).toMatchObject({ kind: "fixed", threshold: { comparator: ">=", bare: true } });
    expect(b).toMatchObject({ kind: "fixed", threshold: { comparator: "<=", bare: true } });
    if (a?.kind === "fixed" && a.threshold.kind === "comparison") {
      expect(decimalToString(a.threshold.value)).toBe("5");
    }
    if (b?.kind === "fixed" && b.threshold.kind === "comparison") {
      expect(decimalToString(b.threshold.value)).toBe("99.5");
    }
  });

  it("reads a bare value with a direction and a decimal comma", () => {
    const plan = validPlan(`${HEAD}  - id: a
    title: A
    direction: higher
    target: "99,9%"
`);
    const target = indicator(plan, "a").target;
    expect(target).toMatchObject({ kind: "fixed", threshold: { comparator: ">=", bare: true } });
    if (target.kind === "fixed" && target.threshold.kind === "comparison") {
      expect(decimalToString(target.threshold.value)).toBe("99.9");
    }
    expect(indicator(plan, "a").unit).toBe("percent");
  });

  it("reads a qualitative target", () => {
    const plan = validPlan(`${HEAD}  - id: a
    title: A
    target: { text: "Binnen de tolerantie" }
`);
    expect(indicator(plan, "a").target).toEqual({
      kind: "qualitative",
      text: "Binnen de tolerantie",
    });
  });

  it("gives the path as the group titles followed by the indicator's title", () => {
    const plan = validPlan(`${HEAD}  - title: Beleving van burgers
    indicators:
      - title: Burgertevredenheid
        indicators:
          - id: tevreden
            title: Tevredenheid
            target: ">= 70%"
  - id: los
    title: Los
`);
    expect(indicator(plan, "tevreden").path).toEqual([
      "Beleving van burgers",
      "Burgertevredenheid",
      "Tevredenheid",
    ]);
    expect(indicator(plan, "los").path).toEqual(["Los"]);
    expect(plan.nodes[0]).toMatchObject({ kind: "group", title: "Beleving van burgers" });
  });

  it("warns about unknown fields, with their lines, and still reads the plan", () => {
    const { plan, errors, warnings } = read(`id: p
title: P
year: 2025
kleur: blauw
periods:
  - id: 2025-04
    until: 2025-04-30
    extra: x
indicators:
  - id: a
    title: A
    colour: red
`);
    expect(errors).toEqual([]);
    expect(plan).toBeDefined();
    expect(warnings.map((w) => [w.file, w.line])).toEqual([
      [FILE, 4],
      [FILE, 8],
      [FILE, 12],
    ]);
    expect(warnings[0]?.message).toContain('"kleur"');
    expect(warnings[1]?.message).toContain('"extra"');
    expect(warnings[2]?.message).toContain('"colour"');
  });
});
