/** Where each register item's form is, and the items in the signed-in account's name. */
import type { MeasureView, RegisterName, RegistersView } from "./registers-api.js";

/** The ids of the forms' folding elements: links from the owner's lists open them. */
export const formId = {
  risk: (risk: string) => `edit-risk-${risk}`,
  finding: (finding: string) => `edit-finding-${finding}`,
  measure: (register: "risks" | "findings", item: string, index: number) =>
    `edit-measure-${register}-${item}-${index}`,
  article: (article: string) => `edit-article-${article}`,
  narrative: (register: RegisterName) => `edit-narrative-${register}`,
};

/** Opens the form with `id`, brings it into view and puts the keyboard on it. */
export function openForm(id: string): boolean {
  const details = document.getElementById(id);
  if (!(details instanceof HTMLDetailsElement)) return false;
  details.open = true;
  details.scrollIntoView({ block: "center" });
  details.querySelector("summary")?.focus();
  return true;
}

/** A risk or measure the account is named as owner of, with the form to update it. */
export interface OwnedItem {
  readonly kind: "risk" | "measure";
  readonly title: string;
  /** For a measure: the risk or finding it belongs to. */
  readonly of: string | null;
  readonly measure: MeasureView | null;
  /** Null when the period is not open to changes from this account. */
  readonly form: string | null;
}

/** Owners are named as written; an e-mail address, in any case, links one to an account. */
const isOwner = (owner: string, email: string) =>
  owner.trim().toLowerCase() === email.trim().toLowerCase();

export function ownedItems(view: RegistersView, email: string): OwnedItem[] {
  const risks = (view.risks ?? [])
    .filter((r) => isOwner(r.owner, email))
    .map(
      (r): OwnedItem => ({
        kind: "risk",
        title: r.title,
        of: null,
        measure: null,
        form: r.writable ? formId.risk(r.id) : null,
      }),
    );
  const measures = (["risks", "findings"] as const).flatMap((register) =>
    (view[register] ?? []).flatMap((item) =>
      item.measures
        .filter((m) => isOwner(m.owner, email))
        .map(
          (m): OwnedItem => ({
            kind: "measure",
            title: m.title,
            of: item.title,
            measure: m,
            form: m.writable ? formId.measure(register, item.id, m.index) : null,
          }),
        ),
    ),
  );
  return [...risks, ...measures];
}
