/**
 * Changing a register item other than a risk's assessment: a finding's status in a period, a
 * measure's status and due date, and the advisor's narrative of a register in a period. Each is
 * one edit of the stored register file (see register-writes.ts).
 */
import type { FindingState } from "../domain/findings.js";
import { isoDate } from "../domain/format.js";
import type { Plan } from "../domain/plan.js";
import type { Measure, MeasureStatus } from "../domain/registers.js";
import type { Store } from "../store/open.js";
import type { Actor } from "../store/plans.js";
import { NotFoundError } from "./errors.js";
import { editRegister, itemIndex, setOrRemove } from "./register-writes.js";

export const PROGRESS_ACTION = "update-finding-progress";
export const MEASURE_ACTION = "update-measure";
export const NARRATIVE_ACTION = "update-register-narrative";

/** The registers by the key of their list in the file. */
export const REGISTERS = ["risks", "findings", "lawfulness"] as const;
export type RegisterName = (typeof REGISTERS)[number];

export const progressKey = (findingId: string, periodId: string) => `${findingId}/${periodId}`;
export const measureKey = (register: "risks" | "findings", itemId: string, index: number) =>
  `${register}/${itemId}/measures/${index}`;
export const narrativeKey = (register: RegisterName, periodId: string) => `${register}/${periodId}`;

export interface ProgressChange {
  readonly planId: string;
  readonly findingId: string;
  readonly periodId: string;
  readonly status: FindingState;
  readonly note: string | null;
  readonly version: number;
}

/** Sets a finding's status (and note) for the period. */
export function updateFindingProgress(store: Store, change: ProgressChange, by: Actor) {
  const { planId, findingId, periodId } = change;
  return editRegister(
    store,
    {
      planId,
      periodId,
      file: "findings.yaml",
      action: PROGRESS_ACTION,
      entity: "finding-progress",
      key: progressKey(findingId, periodId),
      what: `the status of finding ${findingId} in ${periodId}`,
      version: change.version,
      field: "status",
      edit(doc) {
        const missing = `plan ${planId} has no finding ${findingId}`;
        const index = itemIndex(doc, "findings", findingId, missing);
        const entry = { status: change.status, ...(change.note ? { note: change.note } : {}) };
        doc.setIn(["findings", index, "progress", periodId], doc.createNode(entry));
      },
      record(plan) {
        const finding = plan.registers?.findings?.findings.find((f) => f.id === findingId);
        const entry = finding?.progress.find((p) => p.periodId === periodId);
        return {
          finding: findingId,
          period: periodId,
          status: entry?.state ?? null,
          note: entry?.note ?? null,
        };
      },
    },
    by,
  );
}

export interface MeasureChange {
  readonly planId: string;
  /** The open period the change is made in. */
  readonly periodId: string;
  readonly register: "risks" | "findings";
  /** The risk or finding the measure belongs to. */
  readonly itemId: string;
  /** The measure's position in the item's list, from 0. */
  readonly index: number;
  readonly status: MeasureStatus;
  /** YYYY-MM-DD, or null for none. */
  readonly due: string | null;
  readonly version: number;
}

/** The measures of a risk (its mitigations) or of a finding. */
export function measuresOf(plan: Plan, register: "risks" | "findings", itemId: string) {
  const items =
    register === "risks" ? plan.registers?.risks?.risks : plan.registers?.findings?.findings;
  return items?.find((i) => i.id === itemId)?.measures;
}

function measureRecord(change: MeasureChange, measure: Measure | undefined) {
  return {
    register: change.register,
    item: change.itemId,
    measure: change.index,
    title: measure?.title ?? null,
    owner: measure?.owner ?? null,
    status: measure?.status ?? null,
    due: measure?.due ? isoDate(measure.due) : null,
  };
}

/** Sets a measure's status and due date. Measures have no history: the change holds from now. */
export function updateMeasure(store: Store, change: MeasureChange, by: Actor) {
  const { planId, register, itemId, index } = change;
  const list = register === "risks" ? "mitigations" : "measures";
  const what = `measure ${index} of ${register === "risks" ? "risk" : "finding"} ${itemId}`;
  return editRegister(
    store,
    {
      planId,
      periodId: change.periodId,
      file: register === "risks" ? "risks.yaml" : "findings.yaml",
      action: MEASURE_ACTION,
      entity: "measure",
      key: measureKey(register, itemId, index),
      what,
      version: change.version,
      field: "due",
      edit(doc) {
        const item = itemIndex(doc, register, itemId, `plan ${planId} has no ${what}`);
        if (!doc.hasIn([register, item, list, index])) {
          throw new NotFoundError(`plan ${planId} has no ${what}`);
        }
        doc.setIn([register, item, list, index, "status"], change.status);
        setOrRemove(doc, [register, item, list, index, "due"], change.due);
      },
      record: (plan) => measureRecord(change, measuresOf(plan, register, itemId)?.[index]),
    },
    by,
  );
}

export interface NarrativeChange {
  readonly planId: string;
  readonly register: RegisterName;
  readonly periodId: string;
  /** Markdown; null or blank removes the period's narrative. */
  readonly markdown: string | null;
  readonly version: number;
}

/** The advisor's narrative of a register in a period, as the plan holds it. */
export function narrativeOf(plan: Plan, register: RegisterName, periodId: string): string | null {
  return plan.registers?.[register]?.narratives[periodId] ?? null;
}

/** Sets (or removes) the advisor's narrative of a register in the period. */
export function updateNarrative(store: Store, change: NarrativeChange, by: Actor) {
  const { planId, register, periodId } = change;
  const markdown = change.markdown?.trim() ? change.markdown.trim() : null;
  return editRegister(
    store,
    {
      planId,
      periodId,
      file: `${register}.yaml`,
      action: NARRATIVE_ACTION,
      entity: "register-narrative",
      key: narrativeKey(register, periodId),
      what: `the narrative of ${register} in ${periodId}`,
      version: change.version,
      field: "markdown",
      // A block scalar keeps the Markdown's paragraphs as written.
      edit: (doc) => setOrRemove(doc, ["narrative", periodId], markdown && `${markdown}\n`),
      record: (plan) => ({
        register,
        period: periodId,
        markdown: narrativeOf(plan, register, periodId),
      }),
    },
    by,
  );
}
