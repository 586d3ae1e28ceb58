/**
 * The differences between two reporting periods (pure): exceptions that are new or resolved,
 * figures, targets and explanations that changed, and intentions whose status changed. Both
 * sides are snapshots, so a period evaluated from a bundle and a period read back from its
 * published report compare alike.
 */
import { isException, type Status } from "./status.js";

export type Figure = number | "met" | "not-met" | null;

export interface IndicatorState {
  readonly id: string;
  /** The titles of the enclosing groups and of the indicator itself, from the top. */
  readonly path: readonly string[];
  /** The target that applies in the period, as shown; null when none does. */
  readonly target: string | null;
  readonly value: Figure;
  /** The figure as the report shows it. */
  readonly shown: string;
  readonly status: Status;
  readonly note: number | null;
}

export interface IntentionState {
  readonly id: string;
  readonly path: readonly string[];
  readonly status: Status;
  readonly note: number | null;
}

export interface PeriodSnapshot {
  readonly period: { readonly id: string; readonly label: string };
  /** In plan order. */
  readonly indicators: readonly IndicatorState[];
  readonly intentions: readonly IntentionState[];
  /** The explanation texts of the period's exceptions, by indicator or intention id. */
  readonly explanations: ReadonlyMap<string, string>;
}

export interface ItemRef {
  readonly id: string;
  readonly path: readonly string[];
}

export interface ExceptionChange extends ItemRef {
  /** null: the indicator is not in that period's plan. */
  readonly from: Status | null;
  readonly to: Status | null;
  /** The exception's number in the period where it is one. */
  readonly note: number | null;
  /** The figure as shown in each period; null where the indicator is not in the plan. */
  readonly shown: { readonly from: string | null; readonly to: string | null };
}

export interface FigureChange extends ItemRef {
  readonly from: Figure;
  readonly to: Figure;
  readonly shown: { readonly from: string; readonly to: string };
}

export interface TargetChange extends ItemRef {
  readonly from: string | null;
  readonly to: string | null;
}

export type ExplanationChangeKind = "added" | "removed" | "changed";

export interface ExplanationChange extends ItemRef {
  readonly change: ExplanationChangeKind;
}

export interface StatusChange extends ItemRef {
  readonly from: Status;
  readonly to: Status;
}

export interface PeriodDiff {
  readonly from: PeriodSnapshot["period"];
  readonly to: PeriodSnapshot["period"];
  readonly newExceptions: readonly ExceptionChange[];
  readonly resolvedExceptions: readonly ExceptionChange[];
  readonly figures: readonly FigureChange[];
  readonly targets: readonly TargetChange[];
  readonly explanations: readonly ExplanationChange[];
  readonly intentions: readonly StatusChange[];
}

interface Pair<T> {
  readonly from: T | undefined;
  readonly to: T | undefined;
}

/** Items by id, in the order of `to`, then those only in `from`, in theirs. */
function pairs<T extends { readonly id: string }>(from: readonly T[], to: readonly T[]): Pair<T>[] {
  const before = new Map(from.map((item) => [item.id, item]));
  const after = new Set(to.map((item) => item.id));
  return [
    ...to.map((item) => ({ from: before.get(item.id), to: item })),
    ...from.filter((item) => !after.has(item.id)).map((item) => ({ from: item, to: undefined })),
  ];
}

function ref(item: ItemRef): ItemRef {
  return { id: item.id, path: item.path };
}

const exceptional = (state: IndicatorState | undefined) =>
  state !== undefined && isException(state.status);

function exceptionChange(pair: Pair<IndicatorState>, where: IndicatorState): ExceptionChange {
  return {
    ...ref(where),
    from: pair.from?.status ?? null,
    to: pair.to?.status ?? null,
    note: where.note,
    shown: { from: pair.from?.shown ?? null, to: pair.to?.shown ?? null },
  };
}

function both<T>(pair: Pair<T>): pair is { from: T; to: T } {
  return pair.from !== undefined && pair.to !== undefined;
}

function figureChanges(indicators: readonly Pair<IndicatorState>[]): FigureChange[] {
  return indicators
    .filter(both)
    .filter(({ from, to }) => from.value !== to.value || from.shown !== to.shown)
    .map(({ from, to }) => ({
      ...ref(to),
      from: from.value,
      to: to.value,
      shown: { from: from.shown, to: to.shown },
    }));
}

function targetChanges(indicators: readonly Pair<IndicatorState>[]): TargetChange[] {
  return indicators
    .filter(both)
    .filter(({ from, to }) => from.target !== to.target)
    .map(({ from, to }) => ({ ...ref(to), from: from.target, to: to.target }));
}

/** Line ends and surrounding blank space are how a text was saved, not what it says. */
function normalised(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .trim();
}

function explanationChanges(
  from: PeriodSnapshot,
  to: PeriodSnapshot,
  items: readonly ItemRef[],
): ExplanationChange[] {
  return items.flatMap((item): ExplanationChange[] => {
    const before = from.explanations.get(item.id);
    const after = to.explanations.get(item.id);
    if (before === undefined && after === undefined) return [];
    if (before === undefined) return [{ ...ref(item), change: "added" }];
    if (after === undefined) return [{ ...ref(item), change: "removed" }];
    return normalised(before) === normalised(after) ? [] : [{ ...ref(item), change: "changed" }];
  });
}

function intentionChanges(intentions: readonly Pair<IntentionState>[]): StatusChange[] {
  return intentions
    .filter(both)
    .filter(({ from, to }) => from.status !== to.status)
    .map(({ from, to }) => ({ ...ref(to), from: from.status, to: to.status }));
}

export function diffPeriods(from: PeriodSnapshot, to: PeriodSnapshot): PeriodDiff {
  const indicators = pairs(from.indicators, to.indicators);
  const intentions = pairs(from.intentions, to.intentions);
  const items = [...indicators, ...intentions].map((p) => (p.to ?? p.from) as ItemRef);
  return {
    from: from.period,
    to: to.period,
    newExceptions: indicators
      .filter((p) => exceptional(p.to) && !exceptional(p.from))
      .map((p) => exceptionChange(p, p.to as IndicatorState)),
    resolvedExceptions: indicators
      .filter((p) => exceptional(p.from) && !exceptional(p.to))
      .map((p) => exceptionChange(p, p.from as IndicatorState)),
    figures: figureChanges(indicators),
    targets: targetChanges(indicators),
    explanations: explanationChanges(from, to, items),
    intentions: intentionChanges(intentions),
  };
}

/** True when the two periods differ in nothing this comparison looks at. */
export function isEmptyDiff(diff: PeriodDiff): boolean {
  return (
    diff.newExceptions.length +
      diff.resolvedExceptions.length +
      diff.figures.length +
      diff.targets.length +
      diff.explanations.length +
      diff.intentions.length ===
    0
  );
}
