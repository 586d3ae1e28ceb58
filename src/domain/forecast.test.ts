import { describe, expect, it } from "vitest";
import {
  type Observation,
  type Projection,
  profileOfYears,
  profileShare,
  projectCumulative,
  projectLevel,
} from "./forecast.js";

const quarters = [0.25, 0.5, 0.75];

/** Equal up to floating-point noise in the last digits. */
function expectProjection(actual: Projection | undefined, expected: Projection): void {
  expect(actual?.method).toBe(expected.method);
  for (const key of ["value", "low", "high"] as const) {
    expect(actual?.[key], key).toBeCloseTo(expected[key], 9);
  }
}

describe("a cumulative figure projected at an even pace", () => {
  it("finds the year's total of a linear series exactly, with no width", () => {
    const series = [0.25, 0.5, 0.75].map((at) => ({ at, value: 1200 * at }));
    expect(projectCumulative(series)).toEqual({
      value: 1200,
      low: 1200,
      high: 1200,
      method: "pace",
    });
  });

  it("spans the slowest and fastest pace so far, around the year's average pace", () => {
    // 100 in the first quarter, 300 in the second: paces of 400 and 1200 a year.
    const series = [
      { at: 0.25, value: 100 },
      { at: 0.5, value: 400 },
    ];
    expect(projectCumulative(series)).toEqual({ value: 800, low: 600, high: 1000, method: "pace" });
  });

  it("stays at zero when nothing was counted", () => {
    const series = quarters.map((at) => ({ at, value: 0 }));
    expect(projectCumulative(series)).toEqual({ value: 0, low: 0, high: 0, method: "pace" });
  });

  it("keeps a share within its ceiling", () => {
    const series = [
      { at: 0.25, value: 0 },
      { at: 0.75, value: 90 },
    ];
    expect(projectCumulative(series, { ceiling: 100 })).toEqual({
      value: 100,
      low: 90,
      high: 100,
      method: "pace",
    });
  });

  it("gives nothing without figures or once the year is over", () => {
    expect(projectCumulative([])).toBeUndefined();
    expect(projectCumulative([{ at: 1, value: 10 }])).toBeUndefined();
  });
});

describe("a cumulative figure projected along an earlier year's course", () => {
  // A year that counts 10% of its total in the first quarter, 40% in the second, 10% in the
  // third and 40% in the fourth.
  const earlier: Observation[] = [
    { at: 0.25, value: 50 },
    { at: 0.5, value: 250 },
    { at: 0.75, value: 300 },
    { at: 1, value: 500 },
  ];
  const profile = profileOfYears([earlier]);
  const thisYear = quarters.map((at) => ({
    at,
    value: 2 * (earlier.find((o) => o.at === at)?.value ?? 0),
  }));

  it("reads the shares of the year's total from the earlier year", () => {
    expect(profile).toEqual([
      { at: 0.25, share: 0.1 },
      { at: 0.5, share: 0.5 },
      { at: 0.75, share: 0.6 },
    ]);
  });

  it("finds the total of a year that follows the course exactly, with no width", () => {
    expectProjection(projectCumulative(thisYear, { profile }), {
      value: 1000,
      low: 1000,
      high: 1000,
      method: "seasonal",
    });
  });

  it("differs from the even pace, which misses the busy last quarter", () => {
    expect(projectCumulative(thisYear)?.value).toBe(800);
  });

  it("averages several earlier years and interpolates between their dates", () => {
    const even: Observation[] = [
      { at: 0.5, value: 50 },
      { at: 1, value: 100 },
    ];
    const averaged = profileOfYears([earlier, even]);
    expect(averaged?.map((p) => p.share)).toEqual([0.175, 0.5, 0.675]);
    expect(profileShare(averaged ?? [], 0.875)).toBeCloseTo(0.8375, 10);
  });

  it("gives no course from a year without a year-end figure", () => {
    expect(profileOfYears([earlier.slice(0, 3)])).toBeUndefined();
  });

  it("gives nothing when the course expects nothing yet", () => {
    const late = [{ at: 0.5, share: 0 }];
    expect(projectCumulative([{ at: 0.25, value: 3 }], { profile: late })).toBeUndefined();
  });
});

describe("a level projected to the year end", () => {
  it("keeps a flat series where it is", () => {
    const series = quarters.map((at) => ({ at, value: 95 }));
    expect(projectLevel(series)).toEqual({ value: 95, low: 95, high: 95, method: "level" });
  });

  it("keeps the last figure, between the year's lowest and highest", () => {
    const series = [
      { at: 0.5, value: 88 },
      { at: 0.25, value: 91 },
      { at: 0.75, value: 90 },
    ];
    expect(projectLevel(series)).toEqual({ value: 90, low: 88, high: 91, method: "level" });
  });

  it("gives nothing without figures", () => {
    expect(projectLevel([])).toBeUndefined();
  });
});
