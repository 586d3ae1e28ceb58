/** Small hand-made plans for tests: a plan of one indicator and its realisations. */
import { parseDecimal } from "../domain/decimal.js";
import type { Indicator, Period, Plan, PlanNode, Realisation } from "../domain/plan.js";
import type { Target } from "../domain/target.js";

export const APRIL: Period = {
  id: "2025-04",
  label: "jan - april",
  until: { year: 2025, month: 4, day: 30 },
};
export const OCTOBER: Period = {
  id: "2025-10",
  label: "jan - okt",
  until: { year: 2025, month: 10, day: 31 },
};
export const DECEMBER: Period = {
  id: "2025-12",
  label: "jan - dec",
  until: { year: 2025, month: 12, day: 31 },
};

export function indicator(overrides: Partial<Indicator> & { target: Target }): Indicator {
  return {
    kind: "indicator",
    id: "i",
    title: "Indicator",
    path: ["Indicator"],
    unit: "percent",
    assess: "every-period",
    aggregation: "rate",
    ...overrides,
  };
}

export function planOf(
  nodes: readonly PlanNode[],
  periods: readonly Period[] = [APRIL, OCTOBER, DECEMBER],
): Plan {
  return { id: "test", title: "Testplan", year: 2025, language: "nl", periods, nodes };
}

export function figure(indicatorId: string, periodId: string, value: string): Realisation {
  const decimal = parseDecimal(value);
  if (!decimal) throw new Error(`bad figure ${value}`);
  return { indicatorId, periodId, value: { kind: "number", value: decimal } };
}
