/**
 * An independent computation, in plain TypeScript over the rows, of every figure the computed
 * example (examples/toeslagen-2025-computed) defines in SQL. It reads the rules from the
 * indicators' descriptions, not from the SQL, so that the compute engine's figures can be held
 * against it. No SQL aggregates here: the rows come in as objects and are counted one by one.
 *
 * Counts are returned as ratios where a figure is a share, so that rows read in chunks can be
 * added up before the share is taken.
 */

/** A period of the plan year: from 1 January to `until`, both YYYY-MM-DD, inclusive. */
export interface Window {
  readonly from: string;
  readonly until: string;
}

export interface Ratio {
  numerator: number;
  denominator: number;
}

export interface PaymentRow {
  readonly due_on: string;
  readonly paid_on: string | null;
}
export interface AssessmentRow {
  readonly allowance_year: number;
  readonly kind: string;
  readonly settled_on: string | null;
  readonly amount_to_repay: number | null;
}
export interface ObjectionRow {
  readonly made_known_on: string;
  readonly advisory_committee: boolean;
  readonly defect_days: number;
  readonly postponed_to: string | null;
  readonly decided_on: string | null;
}
export interface ComplaintRow {
  readonly received_on: string;
  readonly committee: boolean;
  readonly postponed_to: string | null;
  readonly handled_on: string | null;
}
export interface AnswerRow {
  readonly published_on: string;
  readonly question_id: string;
  readonly answer: number;
}
export interface IncidentRow {
  readonly started_on: string;
  readonly severity: string;
}

/** The statutory deadlines, as YYYY-MM-DD: the rules of statutory-terms.md, passed in. */
export interface Deadlines {
  objection(row: ObjectionRow): string;
  complaint(row: ComplaintRow): string;
}

function within(date: string | null, window: Window): date is string {
  return date !== null && date >= window.from && date <= window.until;
}

export function percent({ numerator, denominator }: Ratio): number {
  return denominator === 0 ? Number.NaN : (numerator / denominator) * 100;
}

export function addRatios(a: Ratio, b: Ratio): Ratio {
  return { numerator: a.numerator + b.numerator, denominator: a.denominator + b.denominator };
}

/** tijdig-uitbetaald: of the payments due in the window, those paid on or before their due date. */
export function paidOnTime(rows: Iterable<PaymentRow>, window: Window): Ratio {
  const ratio = { numerator: 0, denominator: 0 };
  for (const row of rows) {
    if (!within(row.due_on, window)) continue;
    ratio.denominator++;
    if (row.paid_on !== null && row.paid_on <= row.due_on) ratio.numerator++;
  }
  return ratio;
}

/** The amount above which a final assessment counts as a repayment: €1,000 for childcare. */
export function repayThreshold(kind: string): number {
  return kind === "kinderopvangtoeslag" ? 1000 : 500;
}

/** geen-terugvordering: of the assessments settled in the window, those without a large repayment. */
export function withoutRepayment(rows: Iterable<AssessmentRow>, window: Window): Ratio {
  const ratio = { numerator: 0, denominator: 0 };
  for (const row of rows) {
    if (!within(row.settled_on, window)) continue;
    ratio.denominator++;
    if ((row.amount_to_repay ?? 0) <= repayThreshold(row.kind)) ratio.numerator++;
  }
  return ratio;
}

/** definitief-vastgesteld: of the previous year's cohort, the share settled by `until`. */
export function settledProgress(rows: Iterable<AssessmentRow>, window: Window): Ratio {
  const cohort = Number(window.from.slice(0, 4)) - 1;
  const ratio = { numerator: 0, denominator: 0 };
  for (const row of rows) {
    if (row.allowance_year !== cohort) continue;
    ratio.denominator++;
    if (row.settled_on !== null && row.settled_on <= window.until) ratio.numerator++;
  }
  return ratio;
}

/** bezwaren-binnen-termijn: of the objections decided in the window, those decided in time. */
export function objectionsInTime(
  rows: Iterable<ObjectionRow>,
  window: Window,
  deadlines: Deadlines,
): Ratio {
  const ratio = { numerator: 0, denominator: 0 };
  for (const row of rows) {
    if (!within(row.decided_on, window)) continue;
    ratio.denominator++;
    if (row.decided_on <= deadlines.objection(row)) ratio.numerator++;
  }
  return ratio;
}

/** klachten-binnen-termijn: of the complaints handled in the window, those handled in time. */
export function complaintsInTime(
  rows: Iterable<ComplaintRow>,
  window: Window,
  deadlines: Deadlines,
): Ratio {
  const ratio = { numerator: 0, denominator: 0 };
  for (const row of rows) {
    if (!within(row.handled_on, window)) continue;
    ratio.denominator++;
    if (row.handled_on <= deadlines.complaint(row)) ratio.numerator++;
  }
  return ratio;
}

/** klachten-ontvangen: complaints received in the window. */
export function complaintsReceived(rows: Iterable<ComplaintRow>, window: Window): number {
  let count = 0;
  for (const row of rows) if (within(row.received_on, window)) count++;
  return count;
}

/** productieverstoringen: serious incidents that started in the window. */
export function seriousIncidents(rows: Iterable<IncidentRow>, window: Window): number {
  let count = 0;
  for (const row of rows) if (row.severity === "ernstig" && within(row.started_on, window)) count++;
  return count;
}

/**
 * A survey figure: in the latest wave of the question published on or before `until`, the share
 * of answers 4–5 ((very) satisfied, (completely) agree) or 1–2 ((very) dissatisfied).
 */
export function latestWaveShare(
  rows: readonly AnswerRow[],
  until: string,
  question: string,
  side: "satisfied" | "dissatisfied",
): Ratio {
  let latest = "";
  for (const row of rows) {
    if (row.question_id === question && row.published_on <= until && row.published_on > latest) {
      latest = row.published_on;
    }
  }
  const ratio = { numerator: 0, denominator: 0 };
  for (const row of rows) {
    if (row.question_id !== question || row.published_on !== latest) continue;
    ratio.denominator++;
    if (side === "satisfied" ? row.answer >= 4 : row.answer <= 2) ratio.numerator++;
  }
  return ratio;
}
