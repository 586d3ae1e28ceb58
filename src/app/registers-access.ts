/**
 * What the account may change in the registers' view of a period: the version of each item read
 * and whether the account may write it, and the advisor's narratives with theirs.
 */
import type { Period, Plan } from "../domain/plan.js";
import { FIGURES_ACTION } from "./lawfulness-figures.js";
import {
  MEASURE_ACTION,
  measureKey,
  NARRATIVE_ACTION,
  narrativeKey,
  PROGRESS_ACTION,
  REGISTERS,
  type RegisterName,
} from "./register-edits.js";
import type { RegisterVersions } from "./register-writes.js";
import { ASSESSMENT_ACTION } from "./risk-assessments.js";

/** The audit actions whose counts are the versions of the view's items. */
export const REGISTER_ACTIONS = [
  ASSESSMENT_ACTION,
  PROGRESS_ACTION,
  MEASURE_ACTION,
  FIGURES_ACTION,
  NARRATIVE_ACTION,
] as const;

/** What an item needs for a change at the version read. */
export interface Editable {
  /** The version read, for a change to name; 0 for one not changed since the import. */
  readonly version: number;
  /** Whether the account may change it (its role, or owning the item). */
  readonly writable: boolean;
}

/** What the account may change in the period, and the version of each item. */
export interface RegisterAccess {
  readonly versions: RegisterVersions;
  /** Whether the account may change an item these owners answer for; none: editors only. */
  writable(...owners: string[]): boolean;
  /** Markdown as the report renders it; passed in, so the view's types stay free of the renderer. */
  render(markdown: string, id: string): string;
}

/** A measure of a risk is also its risk owner's to update; a finding has no owner. */
export function measureAccess(
  access: RegisterAccess,
  register: "risks" | "findings",
  itemId: string,
  itemOwner?: string,
) {
  return (index: number, owner: string): Editable => ({
    version: access.versions.of(MEASURE_ACTION, measureKey(register, itemId, index)),
    writable: access.writable(owner, ...(itemOwner ? [itemOwner] : [])),
  });
}

export interface NarrativeView extends Editable {
  readonly markdown: string | null;
  /** As the report renders it. */
  readonly html: string | null;
}

export function narrativeViews(plan: Plan, period: Period, access: RegisterAccess) {
  const views = REGISTERS.map((register) => {
    if (!plan.registers?.[register]) return [register, null] as const;
    const markdown = plan.registers[register]?.narratives[period.id] ?? null;
    return [
      register,
      {
        markdown,
        html: markdown && access.render(markdown, `narrative-${register}`),
        version: access.versions.of(NARRATIVE_ACTION, narrativeKey(register, period.id)),
        writable: access.writable(),
      },
    ] as const;
  });
  return Object.fromEntries(views) as Record<RegisterName, NarrativeView | null>;
}
