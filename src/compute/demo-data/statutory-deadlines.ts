/**
 * The deadlines of src/domain/statutory-terms.ts (Awb and Algemene termijnenwet) over the demo
 * data's rows, for the independent computation of reference-figures.ts.
 */
import { parseIsoDate } from "../../domain/calendar.js";
import { isoDate } from "../../domain/format.js";
import type { CalendarDate } from "../../domain/plan.js";
import { complaintDeadline, objectionDeadline } from "../../domain/statutory-terms.js";
import type { Deadlines } from "./reference-figures.js";

function date(text: string): CalendarDate {
  const parsed = parseIsoDate(text);
  if (!parsed) throw new Error(`not a date: ${text}`);
  return parsed;
}

export const STATUTORY_DEADLINES: Deadlines = {
  objection: (row) =>
    isoDate(
      objectionDeadline({
        madeKnownOn: date(row.made_known_on),
        advisoryCommittee: row.advisory_committee,
        defectDays: row.defect_days,
        ...(row.postponed_to !== null ? { postponedTo: date(row.postponed_to) } : {}),
      }).deadline,
    ),
  complaint: (row) =>
    isoDate(
      complaintDeadline({
        receivedOn: date(row.received_on),
        committee: row.committee,
        ...(row.postponed_to !== null ? { postponedTo: date(row.postponed_to) } : {}),
      }).deadline,
    ),
};
