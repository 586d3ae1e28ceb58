/**
 * Statutory terms (pure: no I/O, no clock — every date is passed in): the deadline to decide on
 * an objection (Awb art. 7:10) and to handle a complaint (Awb art. 9:11), with the Algemene
 * termijnenwet (Atw) applied, and the steps that led to each deadline for lineage. Legal readings
 * and sources: docs/statutory-terms.md. The SQL twin is src/compute/statutory-sql.ts: change
 * both together (a property test holds them to each other).
 */
import { compareDates } from "./calendar.js";
import { holidayOn, isoWeekday } from "./dutch-holidays.js";
import { addDays, daysUntil } from "./explanation-task.js";
import { isoDate } from "./format.js";
import type { CalendarDate } from "./plan.js";

const WEEK = 7;
/** Awb art. 6:7: six weeks to lodge an objection. */
export const OBJECTION_PERIOD_DAYS = 6 * WEEK;
/** Awb art. 7:10 lid 1: six weeks to decide, twelve with an advisory committee (art. 7:13). */
export const OBJECTION_DECISION_DAYS = 6 * WEEK;
export const OBJECTION_DECISION_DAYS_WITH_COMMITTEE = 12 * WEEK;
/** Awb art. 7:10 lid 3: postponement by at most six weeks; more only under lid 4. */
export const OBJECTION_MAX_POSTPONEMENT_DAYS = 6 * WEEK;
/** Awb art. 9:11 lid 1: six weeks, ten when a complaints committee advises (afdeling 9.1.3). */
export const COMPLAINT_DAYS = 6 * WEEK;
export const COMPLAINT_DAYS_WITH_COMMITTEE = 10 * WEEK;
/** Awb art. 9:11 lid 2: postponement by at most four weeks; more only under lid 3. */
export const COMPLAINT_MAX_POSTPONEMENT_DAYS = 4 * WEEK;
/** Atw art. 4 onder a: the Atw does not apply to terms "omschreven … in meer dan twaalf weken". */
export const ATW_LONGEST_TERM_DAYS = 12 * WEEK;

export type StepKind =
  | "start"
  | "objection-period"
  | "term"
  | "suspension"
  | "atw-roll"
  | "postponement"
  | "atw-excluded";

/** One step on the way to a deadline: the date it leads to, its rule and why. */
export interface TermStep {
  readonly kind: StepKind;
  readonly date: CalendarDate;
  readonly source: string;
  readonly note: string;
}

export interface TermOutcome {
  readonly deadline: CalendarDate;
  readonly steps: readonly TermStep[];
  /** What the data does not allow (an unlawful postponement); empty when all is in order. */
  readonly problems: readonly string[];
  /** Days from the deadline before postponement to the date recorded; absent: not postponed. */
  readonly postponedByDays?: number;
}

export interface ObjectionCase {
  /** The day the contested decision was made known (bekendgemaakt). */
  readonly madeKnownOn: CalendarDate;
  /** An advisory committee as meant in Awb art. 7:13 hears the objection. */
  readonly advisoryCommittee: boolean;
  /** Days the term was suspended while the objector repaired a defect (Awb art. 7:10 lid 2). */
  readonly defectDays?: number;
  /** The new deadline when the decision was postponed (Awb art. 7:10 lid 3–4). */
  readonly postponedTo?: CalendarDate;
  /** A ground of Awb art. 7:10 lid 4 (consent, or statutory procedure) allows a longer delay. */
  readonly furtherDelayAllowed?: boolean;
}

export interface ComplaintCase {
  readonly receivedOn: CalendarDate;
  /** A person or committee handles and advises on complaints (Awb afdeling 9.1.3, art. 9:14). */
  readonly committee: boolean;
  /** The new deadline when handling was postponed (Awb art. 9:11 lid 2–3). */
  readonly postponedTo?: CalendarDate;
  /** The complainant agreed in writing to a longer delay (Awb art. 9:11 lid 3). */
  readonly furtherDelayAllowed?: boolean;
}

/** Neither a Saturday, a Sunday nor a recognised holiday (Atw art. 1 and 3). */
export function isWorkingDay(date: CalendarDate): boolean {
  return isoWeekday(date) < 6 && holidayOn(date) === undefined;
}

/**
 * The Atw roll (art. 1 lid 1): `date` itself when it is a working day, else the next day that is
 * no Saturday, Sunday or recognised holiday.
 */
export function nextWorkingDay(date: CalendarDate): CalendarDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

function whatDay(date: CalendarDate): string {
  const holiday = holidayOn(date);
  if (holiday !== undefined) return `${holiday.name}, a recognised holiday`;
  return isoWeekday(date) === 6 ? "a Saturday" : "a Sunday";
}

/** A builder of the steps of one deadline. */
class Trail {
  readonly steps: TermStep[] = [];
  readonly problems: string[] = [];

  add(kind: StepKind, date: CalendarDate, source: string, note: string): CalendarDate {
    this.steps.push({ kind, date, source, note });
    return date;
  }

  /** Atw art. 1 lid 1, recorded only when it moves the date. */
  roll(date: CalendarDate): CalendarDate {
    const next = nextWorkingDay(date);
    if (compareDates(next, date) === 0) return date;
    const note = `${isoDate(date)} is ${whatDay(date)}: the term runs to the next working day`;
    return this.add("atw-roll", next, "Atw art. 1 lid 1", note);
  }

  postponedByDays: number | undefined;

  outcome(deadline: CalendarDate): TermOutcome {
    const { steps, problems, postponedByDays } = this;
    return postponedByDays === undefined
      ? { deadline, steps, problems }
      : { deadline, steps, problems, postponedByDays };
  }
}

interface Postponement {
  /** The term's own length before postponement, in days. */
  readonly termDays: number;
  readonly maxDays: number;
  readonly article: string;
  readonly furtherArticle: string;
}

/**
 * A recorded postponement. Koers's reading of Atw art. 4 onder a: a postponed term is one term of
 * its own length plus the postponement; longer than twelve weeks, the Atw does not apply and the
 * recorded date stands; otherwise the Atw rolls it like any other end.
 */
function postpone(
  trail: Trail,
  deadline: CalendarDate,
  to: CalendarDate,
  rule: Postponement,
  furtherDelayAllowed: boolean,
): CalendarDate {
  const days = daysUntil(deadline, to);
  trail.postponedByDays = days;
  if (days <= 0) {
    trail.problems.push(
      `postponed to ${isoDate(to)}, which is not after the deadline ${isoDate(deadline)} it postpones`,
    );
  } else if (days > rule.maxDays && !furtherDelayAllowed) {
    trail.problems.push(
      `postponed by ${days} days, more than the ${rule.maxDays / WEEK} weeks of ${rule.article}, without a ground of ${rule.furtherArticle}`,
    );
  }
  const source = days > rule.maxDays ? rule.furtherArticle : rule.article;
  trail.add("postponement", to, source, `postponed by ${days} days to the date recorded`);
  const total = rule.termDays + days;
  if (total <= ATW_LONGEST_TERM_DAYS) return trail.roll(to);
  const note = `the postponed term is ${total} days, more than twelve weeks: the Atw does not apply`;
  return trail.add("atw-excluded", to, "Atw art. 4 onder a", note);
}

function checkedDays(days: number | undefined): number {
  const value = days ?? 0;
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`defect days must be a whole number of at least 0, not ${days}`);
  }
  return value;
}

/** The last day of the objection period: six weeks from the day after it was made known. */
export function objectionPeriodEnd(madeKnownOn: CalendarDate): CalendarDate {
  return nextWorkingDay(addDays(madeKnownOn, OBJECTION_PERIOD_DAYS));
}

/** The deadline to decide on an objection (Awb art. 7:10), and how it came about. */
export function objectionDeadline(objection: ObjectionCase): TermOutcome {
  const trail = new Trail();
  const defectDays = checkedDays(objection.defectDays);
  trail.add(
    "start",
    objection.madeKnownOn,
    "Awb art. 6:8 lid 1",
    "the decision was made known; the objection period starts the next day",
  );
  const periodEnd = trail.roll(
    trail.add(
      "objection-period",
      addDays(objection.madeKnownOn, OBJECTION_PERIOD_DAYS),
      "Awb art. 6:7",
      "six weeks to lodge an objection",
    ),
  );
  const termDays = objection.advisoryCommittee
    ? OBJECTION_DECISION_DAYS_WITH_COMMITTEE
    : OBJECTION_DECISION_DAYS;
  let end = trail.add(
    "term",
    addDays(periodEnd, termDays),
    objection.advisoryCommittee ? "Awb art. 7:10 lid 1, art. 7:13" : "Awb art. 7:10 lid 1",
    `${termDays / WEEK} weeks to decide, from the day after the objection period ends`,
  );
  if (defectDays > 0) {
    const note = `suspended ${defectDays} days while the objector repaired a defect`;
    end = trail.add("suspension", addDays(end, defectDays), "Awb art. 7:10 lid 2", note);
  }
  const deadline = trail.roll(end);
  if (objection.postponedTo === undefined) return trail.outcome(deadline);
  const rule: Postponement = {
    termDays,
    maxDays: OBJECTION_MAX_POSTPONEMENT_DAYS,
    article: "Awb art. 7:10 lid 3",
    furtherArticle: "Awb art. 7:10 lid 4",
  };
  const allowed = objection.furtherDelayAllowed ?? false;
  return trail.outcome(postpone(trail, deadline, objection.postponedTo, rule, allowed));
}

/** The deadline to handle a complaint (Awb art. 9:11), and how it came about. */
export function complaintDeadline(complaint: ComplaintCase): TermOutcome {
  const trail = new Trail();
  trail.add(
    "start",
    complaint.receivedOn,
    "Awb art. 9:11 lid 1",
    "the complaint was received; the term runs from the next day",
  );
  const termDays = complaint.committee ? COMPLAINT_DAYS_WITH_COMMITTEE : COMPLAINT_DAYS;
  const end = trail.add(
    "term",
    addDays(complaint.receivedOn, termDays),
    complaint.committee ? "Awb art. 9:11 lid 1, art. 9:14" : "Awb art. 9:11 lid 1",
    `${termDays / WEEK} weeks to handle the complaint`,
  );
  const deadline = trail.roll(end);
  if (complaint.postponedTo === undefined) return trail.outcome(deadline);
  const rule: Postponement = {
    termDays,
    maxDays: COMPLAINT_MAX_POSTPONEMENT_DAYS,
    article: "Awb art. 9:11 lid 2",
    furtherArticle: "Awb art. 9:11 lid 3",
  };
  const allowed = complaint.furtherDelayAllowed ?? false;
  return trail.outcome(postpone(trail, deadline, complaint.postponedTo, rule, allowed));
}
