import { describe, expect, it } from "vitest";
import {
  diffPeriods,
  type IndicatorState,
  type IntentionState,
  isEmptyDiff,
  type PeriodSnapshot,
} from "./diff.js";

function indicator(id: string, change: Partial<IndicatorState> = {}): IndicatorState {
  return {
    id,
    path: ["Groep", id],
    target: "≥ 70%",
    value: 75,
    shown: "75%",
    status: "met",
    note: null,
    ...change,
  };
}

function intention(id: string, change: Partial<IntentionState> = {}): IntentionState {
  return { id, path: ["Bedrijfsvoering", id], status: "no-target", note: null, ...change };
}

function snapshot(
  id: string,
  indicators: readonly IndicatorState[],
  explanations: Record<string, string> = {},
  intentions: readonly IntentionState[] = [],
): PeriodSnapshot {
  return {
    period: { id, label: `label ${id}` },
    indicators,
    intentions,
    explanations: new Map(Object.entries(explanations)),
  };
}

const notMet = (note: number, value = 60): Partial<IndicatorState> => ({
  status: "not-met",
  note,
  value,
  shown: `${value}%`,
});

describe("the differences between two periods", () => {
  it("finds none between a period and itself, explanations included", () => {
    const period = snapshot("a", [indicator("x"), indicator("y", notMet(1))], { y: "Uitleg." });
    const diff = diffPeriods(period, period);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff).toMatchObject({
      from: { id: "a", label: "label a" },
      to: { id: "a", label: "label a" },
      newExceptions: [],
      resolvedExceptions: [],
      figures: [],
      targets: [],
      explanations: [],
      intentions: [],
    });
  });

  it("names a new exception with its note, figures and statuses", () => {
    const diff = diffPeriods(
      snapshot("a", [indicator("x"), indicator("y")]),
      snapshot("b", [indicator("x"), indicator("y", notMet(1))]),
    );
    expect(diff.newExceptions).toEqual([
      {
        id: "y",
        path: ["Groep", "y"],
        from: "met",
        to: "not-met",
        note: 1,
        shown: { from: "75%", to: "60%" },
      },
    ]);
    expect(diff.resolvedExceptions).toEqual([]);
  });

  it("names a resolved exception with its note in the earlier period", () => {
    const diff = diffPeriods(
      snapshot("a", [indicator("x", notMet(1)), indicator("y", notMet(2))]),
      snapshot("b", [indicator("x", notMet(1)), indicator("y", { status: "pending" })]),
    );
    expect(diff.resolvedExceptions).toEqual([
      expect.objectContaining({ id: "y", from: "not-met", to: "pending", note: 2 }),
    ]);
    expect(diff.newExceptions).toEqual([]);
  });

  it("keeps an exception that moves from behind plan to not met out of both lists", () => {
    const diff = diffPeriods(
      snapshot("a", [indicator("x", { ...notMet(1), status: "behind-plan" })]),
      snapshot("b", [indicator("x", notMet(1))]),
    );
    expect(diff.newExceptions).toEqual([]);
    expect(diff.resolvedExceptions).toEqual([]);
  });

  it("counts an exception on an indicator only one period has as new or resolved", () => {
    const diff = diffPeriods(
      snapshot("a", [indicator("old", notMet(1))]),
      snapshot("b", [indicator("new", notMet(1))]),
    );
    expect(diff.newExceptions).toEqual([
      expect.objectContaining({
        id: "new",
        from: null,
        to: "not-met",
        shown: { from: null, to: "60%" },
      }),
    ]);
    expect(diff.resolvedExceptions).toEqual([
      expect.objectContaining({ id: "old", from: "not-met", to: null }),
    ]);
    expect(diff.figures).toEqual([]);
  });

  it("lists changed figures as recorded and as shown, and a missing figure's word", () => {
    const diff = diffPeriods(
      snapshot("a", [
        indicator("x", { value: 73, shown: "73%" }),
        indicator("y"),
        indicator("z", { value: null, shown: "n.b." }),
      ]),
      snapshot("b", [
        indicator("x", { value: 75, shown: "75%" }),
        indicator("y"),
        indicator("z", { value: null, shown: "n.v.t." }),
      ]),
    );
    expect(diff.figures).toEqual([
      { id: "x", path: ["Groep", "x"], from: 73, to: 75, shown: { from: "73%", to: "75%" } },
      {
        id: "z",
        path: ["Groep", "z"],
        from: null,
        to: null,
        shown: { from: "n.b.", to: "n.v.t." },
      },
    ]);
  });

  it("lists changed targets, a target appearing or going included", () => {
    const diff = diffPeriods(
      snapshot("a", [
        indicator("x", { target: "≤ 567" }),
        indicator("y", { target: null }),
        indicator("z"),
      ]),
      snapshot("b", [
        indicator("x", { target: "≤ 1.417" }),
        indicator("y", { target: "≥ 70%" }),
        indicator("z"),
      ]),
    );
    expect(diff.targets).toEqual([
      { id: "x", path: ["Groep", "x"], from: "≤ 567", to: "≤ 1.417" },
      { id: "y", path: ["Groep", "y"], from: null, to: "≥ 70%" },
    ]);
  });

  it("lists explanations added, removed and changed, not those changed only in line ends", () => {
    const all = [indicator("a"), indicator("b"), indicator("c"), indicator("d")];
    const diff = diffPeriods(
      snapshot("p", all, { b: "Weg.", c: "Oud.", d: "Zelfde.\r\nRegel.  \n" }),
      snapshot("q", all, { a: "Nieuw.", c: "Nieuw.", d: "Zelfde.\nRegel." }),
    );
    expect(diff.explanations).toEqual([
      { id: "a", path: ["Groep", "a"], change: "added" },
      { id: "b", path: ["Groep", "b"], change: "removed" },
      { id: "c", path: ["Groep", "c"], change: "changed" },
    ]);
  });

  it("lists intentions whose status changed, and their explanations after the indicators'", () => {
    const diff = diffPeriods(
      snapshot("a", [indicator("x", notMet(1))], { x: "Tekst." }, [
        intention("i1", { status: "pending" }),
        intention("i2"),
      ]),
      snapshot("b", [indicator("x", notMet(1))], { x: "Andere tekst.", i1: "Achter." }, [
        intention("i1", { status: "behind-plan", note: 2 }),
        intention("i2"),
      ]),
    );
    expect(diff.intentions).toEqual([
      { id: "i1", path: ["Bedrijfsvoering", "i1"], from: "pending", to: "behind-plan" },
    ]);
    expect(diff.explanations.map((e) => [e.id, e.change])).toEqual([
      ["x", "changed"],
      ["i1", "added"],
    ]);
    expect(diff.newExceptions).toEqual([]);
    expect(isEmptyDiff(diff)).toBe(false);
  });
});
