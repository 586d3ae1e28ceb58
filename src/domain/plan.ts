/** The annual plan as domain objects (pure data, no I/O). */
import type { ComputeDefinition, DataSource } from "./computation.js";
import type { Decimal } from "./decimal.js";
import type { Measurement } from "./history.js";
import type { Intention } from "./intentions.js";
import type { Registers } from "./registers.js";
import type { Target } from "./target.js";

export type Language = "nl" | "en";
export const LANGUAGES: readonly Language[] = ["nl", "en"];

export type Direction = "higher" | "lower";
export type Assess = "every-period" | "year-end";
export type Aggregation = "sum" | "rate" | "latest" | "progress";
export const AGGREGATIONS: readonly Aggregation[] = ["sum", "rate", "latest", "progress"];

/** `percent`, `count`, `euro`, `number`, or any other word shown after the value. */
export type Unit = string;

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface Period {
  readonly id: string;
  readonly label: string;
  readonly until: CalendarDate;
}

export interface Indicator {
  readonly kind: "indicator";
  readonly id: string;
  readonly title: string;
  /** Titles of the enclosing groups, from the top, followed by the indicator's own. */
  readonly path: readonly string[];
  readonly unit: Unit;
  readonly decimals?: number;
  readonly direction?: Direction;
  readonly target: Target;
  readonly assess: Assess;
  readonly aggregation: Aggregation;
  readonly owner?: string;
  readonly source?: string;
  readonly description?: string;
  /** How the figure is computed from source data; absent when it is delivered as a figure. */
  readonly compute?: ComputeDefinition;
}

export interface Group {
  readonly kind: "group";
  readonly title: string;
  readonly description?: string;
  readonly children: readonly PlanNode[];
}

export type PlanNode = Group | Indicator;

export interface Plan {
  readonly id: string;
  readonly title: string;
  readonly organisation?: string;
  readonly year: number;
  readonly language: Language;
  readonly periods: readonly Period[];
  readonly nodes: readonly PlanNode[];
  /** The plan's intentions (intentions.yaml); none when absent. */
  readonly intentions?: readonly Intention[];
  /** Earlier measurements: history.csv and the previous year's bundle; none when absent. */
  readonly history?: readonly Measurement[];
  /** Risks, audit findings and lawfulness (the register files); none when absent. */
  readonly registers?: Registers;
  /** The data sets the indicators' computations read; none when nothing is computed. */
  readonly sources?: readonly DataSource[];
}

/** A period's figure: a number as written, an assessment, or no figure (shown as written). */
export type RealisedValue =
  | { readonly kind: "number"; readonly value: Decimal }
  | { readonly kind: "assessment"; readonly met: boolean }
  /** `word` is as written (`n.b.`, `n.v.t.`), empty when the cell was empty. */
  | { readonly kind: "missing"; readonly word: string };

export interface Realisation {
  readonly indicatorId: string;
  readonly periodId: string;
  readonly value: RealisedValue;
  readonly source?: string;
  readonly sampleSize?: number;
}

/** The indicators in plan order: depth first, as written. */
export function indicatorsOf(nodes: readonly PlanNode[]): Indicator[] {
  return nodes.flatMap((node) =>
    node.kind === "indicator" ? [node] : indicatorsOf(node.children),
  );
}

export function findPeriod(plan: Plan, periodId: string): Period | undefined {
  return plan.periods.find((period) => period.id === periodId);
}

/** A period is the year's last when it runs until 31 December of the plan's year. */
export function isYearEnd(plan: Plan, period: Period): boolean {
  const { year, month, day } = period.until;
  return year === plan.year && month === 12 && day === 31;
}

/** Realisations keyed by indicator and period, for look-up during evaluation. */
export function realisationKey(indicatorId: string, periodId: string): string {
  return `${indicatorId}\u0000${periodId}`;
}

export function indexRealisations(
  realisations: readonly Realisation[],
): ReadonlyMap<string, Realisation> {
  return new Map(realisations.map((r) => [realisationKey(r.indicatorId, r.periodId), r]));
}
