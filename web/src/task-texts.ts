/** The explanation workflow's words, in Dutch and English. */

import type { TaskState } from "./task-api.js";
import type { Language } from "./texts.js";

const nl = {
  tasks: "Toelichtingen",
  boardCaption: (period: string) => `Toelichtingen bij de afwijkingen van ${period}`,
  note: "Noot",
  subject: "Afwijking",
  owner: "Eigenaar",
  state: "Stand",
  due: "Uiterlijk",
  lastChange: "Laatst gewijzigd",
  noOwner: "niemand genoemd",
  onlyMine: "Alleen mijn toelichtingen",
  none: "Deze periode heeft geen afwijkingen: er is niets toe te lichten.",
  noneMine: "U hoeft deze periode niets toe te lichten.",
  open: (note: number) => `Open toelichting ${note}`,
  states: {
    "to-do": "te schrijven",
    draft: "concept",
    submitted: "ingediend",
    returned: "teruggestuurd",
    approved: "goedgekeurd",
  } as Record<TaskState, string>,
  counts: (total: number, approved: number) =>
    `${total} ${total === 1 ? "toelichting" : "toelichtingen"}, waarvan ${approved} goedgekeurd.`,
  daysLeft: (days: number) =>
    days < 0
      ? `${-days} ${days === -1 ? "dag" : "dagen"} te laat`
      : days === 0
        ? "vandaag"
        : `nog ${days} ${days === 1 ? "dag" : "dagen"}`,
  reminder: (count: number, days: number) =>
    `Herinnering: ${count === 1 ? "er wacht een toelichting" : `er wachten ${count} toelichtingen`} op u; ${
      days < 0
        ? `de uiterste datum is ${-days} ${days === -1 ? "dag" : "dagen"} voorbij`
        : days === 0
          ? "uiterlijk vandaag"
          : `nog ${days} ${days === 1 ? "dag" : "dagen"}`
    }.`,
  dueDate: "Uiterste datum voor toelichtingen",
  saveDue: "Datum opslaan",
  dueSaved: "De uiterste datum is opgeslagen.",
  back: "Terug naar de toelichtingen",
  text: "Toelichting (Markdown)",
  useDraft: "Begin met het concept van Koers",
  draftHint:
    "Koers heeft uit de cijfers een feitelijke alinea opgesteld; vul die aan met de oorzaak en wat eraan gedaan wordt.",
  write: "Schrijven",
  preview: "Voorbeeld",
  previewEmpty: "Nog geen tekst.",
  save: "Concept opslaan",
  submit: "Indienen",
  approve: "Goedkeuren",
  return: "Terugsturen",
  comment: "Opmerking voor de eigenaar",
  returnedWith: (by: string) => `Teruggestuurd door ${by}:`,
  saved: "Opgeslagen als concept.",
  submitted: "Ingediend; de redactie beoordeelt de toelichting.",
  approved: "Goedgekeurd: het rapport gebruikt deze tekst.",
  returned: "Teruggestuurd naar de eigenaar.",
  unsaved: "Niet opgeslagen wijzigingen",
  figures: "Cijfers",
  period: "Periode",
  figure: "Realisatie",
  target: "Norm",
  status: "Status",
  previousText: (period: string) => `Toelichting van ${period}`,
  noPrevious: "Geen toelichting uit een eerdere periode.",
  approvedText: "Goedgekeurde tekst in het rapport",
  conflict: (by: string | null, state: string) =>
    `Iemand anders${by ? ` (${by})` : ""} heeft deze toelichting intussen gewijzigd; die staat nu op ${state}. Hun tekst:`,
  useTheirs: "Hun tekst overnemen",
  keepMine: "Mijn tekst opslaan",
  readOnly: "U kunt deze toelichting lezen, niet wijzigen.",
  stateLine: (state: string, version: number) => `Stand: ${state} (versie ${version})`,
};

const en: typeof nl = {
  tasks: "Explanations",
  boardCaption: (period) => `Explanations of the exceptions of ${period}`,
  note: "Note",
  subject: "Exception",
  owner: "Owner",
  state: "State",
  due: "Due",
  lastChange: "Last changed",
  noOwner: "no one named",
  onlyMine: "Only my explanations",
  none: "This period has no exceptions: there is nothing to explain.",
  noneMine: "You have nothing to explain this period.",
  open: (note) => `Open explanation ${note}`,
  states: {
    "to-do": "to write",
    draft: "draft",
    submitted: "submitted",
    returned: "returned",
    approved: "approved",
  },
  counts: (total, approved) =>
    `${total} ${total === 1 ? "explanation" : "explanations"}, ${approved} approved.`,
  daysLeft: (days) =>
    days < 0
      ? `${-days} ${days === -1 ? "day" : "days"} overdue`
      : days === 0
        ? "today"
        : `${days} ${days === 1 ? "day" : "days"} left`,
  reminder: (count, days) =>
    `Reminder: ${count === 1 ? "an explanation is" : `${count} explanations are`} waiting for you; ${
      days < 0
        ? `the due date passed ${-days} ${days === -1 ? "day" : "days"} ago`
        : days === 0
          ? "due today"
          : `${days} ${days === 1 ? "day" : "days"} left`
    }.`,
  dueDate: "Explanations due",
  saveDue: "Save date",
  dueSaved: "The due date is saved.",
  back: "Back to the explanations",
  text: "Explanation (Markdown)",
  useDraft: "Start from Koers's draft",
  draftHint:
    "Koers drafted a factual paragraph from the figures; add the cause and what is being done about it.",
  write: "Write",
  preview: "Preview",
  previewEmpty: "No text yet.",
  save: "Save draft",
  submit: "Submit",
  approve: "Approve",
  return: "Return",
  comment: "Comment for the owner",
  returnedWith: (by) => `Returned by ${by}:`,
  saved: "Saved as a draft.",
  submitted: "Submitted; the editors will review it.",
  approved: "Approved: the report uses this text.",
  returned: "Returned to the owner.",
  unsaved: "Unsaved changes",
  figures: "Figures",
  period: "Period",
  figure: "Realisation",
  target: "Target",
  status: "Status",
  previousText: (period) => `Explanation of ${period}`,
  noPrevious: "No explanation from an earlier period.",
  approvedText: "Approved text in the report",
  conflict: (by, state) =>
    `Someone else${by ? ` (${by})` : ""} changed this explanation meanwhile; it is now ${state}. Their text:`,
  useTheirs: "Take their text",
  keepMine: "Save my text",
  readOnly: "You can read this explanation, not change it.",
  stateLine: (state, version) => `State: ${state} (version ${version})`,
};

export const TASK_TEXTS: Record<Language, typeof nl> = { nl, en };

export const STATE_SYMBOL: Record<TaskState, string> = {
  "to-do": "○",
  draft: "✎",
  submitted: "➜",
  returned: "↩",
  approved: "✓",
};
