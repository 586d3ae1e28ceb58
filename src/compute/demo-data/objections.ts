/**
 * Data set `objections`: objections (bezwaren) decided in the plan year or still open at its end
 * (150,000 at scale 1), with the fields the statutory term needs (art. 6:7–6:8 and 7:10 Awb).
 *
 * Rows are built backwards from the decision: first the day it was decided and whether that was
 * on time, then the term it had to meet, then when the contested decision was made known. A
 * decision on time falls at least 2 days before the nominal deadline (made known + 6 weeks of
 * objection period + 6 or 12 weeks + defect days, or the postponed date), a late one at least 12
 * days after it: the shifts of the Algemene termijnenwet (at most a few days) and any reading of
 * where a term starts cannot turn one into the other.
 */
import { type DataSet, kindFrom, scaled, YEAR } from "./data-set.js";
import { plusDays } from "./dates.js";
import { between, evenly, uniform, withHashes } from "./random.js";

export const OBJECTIONS_AT_SCALE_ONE = 150_000;
/** The share still open at the end of the year, received in November and December. */
export const OPEN_SHARE = 0.08;
/**
 * Late shares by decision date: 4.6% until April and 1.79% after, which gives the reference
 * year's 95.4% within the term by April and 97.1% by October.
 */
export const LATE_SHARE = { untilApril: 0.046, after: 0.0179 } as const;

/** The objection period of 6 weeks, then 6 weeks to decide, or 12 with an advisory committee. */
const OBJECTION_PERIOD_DAYS = 42;
const DECISION_DAYS = { plain: 42, committee: 84 } as const;

// The Monday before 1 January 2025; weekday k of the year is this day + (k div 5) weeks + k mod 5.
const WEEK_ZERO = `${YEAR - 1}-12-30`;
const FIRST_WEEKDAY = 2; // Wednesday 1 January 2025
const WEEKDAYS_IN_YEAR = 261;

function counts(scale: number): { n: number; decided: number } {
  const n = scaled(OBJECTIONS_AT_SCALE_ONE, scale);
  return { n, decided: Math.round(n * (1 - OPEN_SHARE)) };
}

/** The term's ingredients of each row: committee, defect days, postponement, receipt. */
function fields(hashed: string, decided: number): string {
  return `SELECT *,
    ${uniform("h_committee")} < 0.02 AS advisory_committee,
    CASE WHEN ${uniform("h_defect")} < 0.06 THEN ${between("h_defect >> 8", 7, 28)} ELSE 0 END
      AS defect_days,
    CASE WHEN decided AND ${uniform("h_postpone")} < 0.1 THEN ${between("h_postpone >> 8", 7, 42)}
      ELSE 0 END AS postpone_days,
    ${between("h_received", 2, 42)} AS received_after
  FROM (SELECT *, i < ${decided} AS decided FROM (${hashed}))`;
}

export const objections: DataSet = {
  name: "objections",
  description:
    "Bezwaren: bekendmaking van het bestreden besluit, ontvangst, termijngegevens en beslisdatum",
  rows: (scale) => counts(scale).n,
  query({ scale, seed }) {
    const { n, decided } = counts(scale);
    const rows = `SELECT range AS i FROM range(${n})`;
    const hashed = withHashes(rows, seed, [
      { name: "h_kind", key: "i", salt: "objection-kind" },
      { name: "h_spread", key: "i", salt: "objection-spread" },
      { name: "h_committee", key: "i", salt: "objection-committee" },
      { name: "h_defect", key: "i", salt: "objection-defect" },
      { name: "h_postpone", key: "i", salt: "objection-postpone" },
      { name: "h_received", key: "i", salt: "objection-received" },
      { name: "h_slack", key: "i", salt: "objection-slack" },
    ]);
    return objectionRows(fields(hashed, decided), decided, n, seed);
  },
};

function objectionRows(fields: string, decided: number, n: number, seed: number): string {
  // Decided rows: spread over the weekdays of the year in the order of their number.
  const weekday = `${FIRST_WEEKDAY} + CAST(floor((i + ${uniform("h_spread")}) / ${decided} * ${WEEKDAYS_IN_YEAR}) AS BIGINT)`;
  const decidedOn = plusDays(WEEK_ZERO, `(${weekday}) // 5 * 7 + (${weekday}) % 5`);
  // Open rows: received in November and December, in the order of their number.
  const open = Math.max(1, n - decided);
  const receivedOpen = plusDays(
    `${YEAR}-10-31`,
    `1 + floor((i - ${decided} + ${uniform("h_spread")}) / ${open} * 61)`,
  );
  const term = `${OBJECTION_PERIOD_DAYS} + CASE WHEN advisory_committee THEN ${DECISION_DAYS.committee} ELSE ${DECISION_DAYS.plain} END + defect_days`;
  const late = `${evenly("i", 3, seed)} < CASE WHEN decided_on <= DATE '${YEAR}-04-30' THEN ${LATE_SHARE.untilApril} ELSE ${LATE_SHARE.after} END`;
  // On time: the nominal deadline lies 2 days or more after the decision, with room for the
  // objection to have been received before the decision. Late: 12 to 52 days before it.
  const room = `(${term}) + postpone_days - received_after - 3`;
  const nominal = `CASE WHEN ${late}
    THEN decided_on - CAST(12 + h_slack % 41 AS INTEGER)
    ELSE decided_on + CAST(2 + h_slack % (${room}) AS INTEGER) END`;
  const dated = `SELECT *, CASE WHEN decided THEN ${nominal} - CAST((${term}) + postpone_days AS INTEGER)
      ELSE ${receivedOpen} - CAST(received_after AS INTEGER) END AS made_known_on
    FROM (SELECT *, CASE WHEN decided THEN ${decidedOn} END AS decided_on FROM (${fields}))`;
  return `SELECT
    i + 1 AS objection_id,
    ${kindFrom(uniform("h_kind"))} AS kind,
    made_known_on,
    made_known_on + CAST(received_after AS INTEGER) AS received_on,
    advisory_committee,
    CAST(defect_days AS INTEGER) AS defect_days,
    CASE WHEN postpone_days > 0
      THEN made_known_on + CAST((${term}) + postpone_days AS INTEGER) END AS postponed_to,
    decided_on
  FROM (${dated})`;
}
