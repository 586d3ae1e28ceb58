/**
 * Data set `complaints`: complaints (klachten) received in the plan year, and those received at
 * the end of the year before and handled in this one.
 *
 * The count at scale 1 follows the reference year: 434 received by the end of April, 1,266 by
 * the end of October. A complaint handled on time is handled 2 days or more before its nominal
 * deadline (received + 6 weeks, 10 with a committee, or the postponed date, art. 9:11 Awb); a late
 * one 12 days or more after it, so the Algemene termijnenwet cannot change which is which.
 */
import { type DataSet, kindFrom, scaled, YEAR } from "./data-set.js";
import { type Knot, plusDays, scheduledDate } from "./dates.js";
import { between, evenly, uniform, withHashes } from "./random.js";

/** Received in the plan year at scale 1, and the cumulative counts of the reference year. */
export const RECEIVED_AT_SCALE_ONE = 1_530;
export const RECEIVED_SCHEDULE: readonly Knot[] = [
  { on: `${YEAR - 1}-12-31`, share: 0 },
  { on: `${YEAR}-04-30`, share: 434 / RECEIVED_AT_SCALE_ONE },
  { on: `${YEAR}-10-31`, share: 1_266 / RECEIVED_AT_SCALE_ONE },
  { on: `${YEAR}-12-31`, share: 1 },
];
/** Received from 25 November to 31 December of the year before, handled in January. */
export const CARRIED_OVER_AT_SCALE_ONE = 100;
const CARRY_OVER_START = `${YEAR - 1}-11-25`;
const CARRY_OVER_DAYS = 37;

/**
 * Lateness: none handled late by April (100% in the reference year); 1.9% of the complaints
 * received from 20 March to 20 August, handled late in May to October, gives about 99% by
 * October.
 */
export const LATE_WINDOW = { from: `${YEAR}-03-20`, to: `${YEAR}-08-20`, share: 0.019 } as const;

export const complaints: DataSet = {
  name: "complaints",
  description: "Klachten: ontvangst, klachtadviescommissie, verdaging en afhandeling",
  rows: (scale) => scaled(CARRIED_OVER_AT_SCALE_ONE, scale) + scaled(RECEIVED_AT_SCALE_ONE, scale),
  query({ scale, seed }) {
    const carried = scaled(CARRIED_OVER_AT_SCALE_ONE, scale);
    const received = scaled(RECEIVED_AT_SCALE_ONE, scale);
    const rows = `SELECT range AS i FROM range(${carried + received})`;
    const hashed = withHashes(rows, seed, [
      { name: "h_kind", key: "i", salt: "complaint-kind" },
      { name: "h_spread", key: "i", salt: "complaint-spread" },
      { name: "h_committee", key: "i", salt: "complaint-committee" },
      { name: "h_postpone", key: "i", salt: "complaint-postpone" },
      { name: "h_handled", key: "i", salt: "complaint-handled" },
    ]);
    // Rows are placed on the calendar in the order of their number, each within its own
    // slice of the schedule, so the counts by April and October hold at scale 1.
    const position = `(i - ${carried} + ${uniform("h_spread")}) / ${Math.max(1, received)}`;
    const carriedOn = plusDays(
      CARRY_OVER_START,
      `floor((i + ${uniform("h_spread")}) / ${Math.max(1, carried)} * ${CARRY_OVER_DAYS})`,
    );
    const receivedOn = `CASE WHEN i < ${carried} THEN ${carriedOn}
      ELSE ${scheduledDate(position, RECEIVED_SCHEDULE)} END`;
    const placed = `SELECT *, ${receivedOn} AS received_on,
      ${uniform("h_committee")} < 0.05 AS committee,
      CASE WHEN ${uniform("h_postpone")} < 0.05 THEN ${between("h_postpone >> 8", 7, 28)}
        ELSE 0 END AS postpone_days
    FROM (${hashed})`;
    return complaintRows(placed, seed);
  },
};

function complaintRows(placed: string, seed: number): string {
  const nominal = `received_on + CAST(CASE WHEN committee THEN 70 ELSE 42 END + postpone_days AS INTEGER)`;
  const late = `NOT committee AND postpone_days = 0
    AND received_on BETWEEN DATE '${LATE_WINDOW.from}' AND DATE '${LATE_WINDOW.to}'
    AND ${evenly("i", 4, seed)} < ${LATE_WINDOW.share}`;
  // Handled on time between 3 days after receipt (or 2 January, for the carried-over) and 2 days
  // before the deadline.
  const earliest = `greatest(received_on + 3, DATE '${YEAR}-01-02')`;
  const onTime = `${earliest} + CAST(h_handled % (date_diff('day', ${earliest}, nominal - 2) + 1) AS INTEGER)`;
  const handled = `CASE WHEN ${late} THEN nominal + CAST(${between("h_handled", 12, 31)} AS INTEGER)
    ELSE ${onTime} END`;
  return `SELECT
    i + 1 AS complaint_id,
    ${kindFrom(uniform("h_kind"))} AS kind,
    received_on,
    committee,
    CASE WHEN postpone_days > 0 THEN nominal END AS postponed_to,
    CASE WHEN handled <= DATE '${YEAR}-12-31' THEN handled END AS handled_on
  FROM (SELECT *, ${handled} AS handled FROM (SELECT *, ${nominal} AS nominal FROM (${placed})))`;
}
