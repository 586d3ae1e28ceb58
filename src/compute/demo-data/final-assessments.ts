/**
 * Data set `final_assessments`: the final assessments (definitieve toekenningen) settled in the
 * plan year: the whole previous year's cohort (8 million at scale 1), settled from May on, and
 * the remainder of the year before that, still open on 1 January.
 */
import { type DataSet, euros, KINDS, kindFrom, scaled, YEAR } from "./data-set.js";
import { type Knot, scheduledDate } from "./dates.js";
import { evenly, uniform, withHashes } from "./random.js";

export const COHORT_AT_SCALE_ONE = 8_000_000;
export const REMAINDER_AT_SCALE_ONE = 400_000;

/**
 * The previous year's cohort: none settled before May, 90.5% by the end of October (the
 * reference year's figure), 95% by the end of the year; the rest is still open.
 */
export const COHORT_SCHEDULE: readonly Knot[] = [
  { on: `${YEAR}-04-30`, share: 0 },
  { on: `${YEAR}-05-31`, share: 0.4 },
  { on: `${YEAR}-06-30`, share: 0.6 },
  { on: `${YEAR}-07-31`, share: 0.72 },
  { on: `${YEAR}-08-31`, share: 0.8 },
  { on: `${YEAR}-09-30`, share: 0.86 },
  { on: `${YEAR}-10-31`, share: 0.905 },
  { on: `${YEAR}-11-30`, share: 0.93 },
  { on: `${YEAR}-12-31`, share: 0.95 },
];

/** The older remainder is settled mostly in the first months: it carries January–April. */
export const REMAINDER_SCHEDULE: readonly Knot[] = [
  { on: `${YEAR - 1}-12-31`, share: 0 },
  { on: `${YEAR}-01-31`, share: 0.25 },
  { on: `${YEAR}-02-28`, share: 0.45 },
  { on: `${YEAR}-03-31`, share: 0.62 },
  { on: `${YEAR}-04-30`, share: 0.75 },
  { on: `${YEAR}-06-30`, share: 0.85 },
  { on: `${YEAR}-10-31`, share: 0.92 },
  { on: `${YEAR}-12-31`, share: 0.95 },
];

/**
 * The share of settled assessments with an amount to repay above the threshold (€500, €1,000
 * for childcare). The reference year had 92.9% without one by April (only the remainder is
 * settled then) and 93.5% by October (mostly the cohort).
 */
export const REPAY_SHARE = { cohort: 0.0645, remainder: 0.071 } as const;

function thresholdCents(): string {
  const branches = KINDS.map((k) => `WHEN '${k.kind}' THEN ${k.repayThreshold * 100}`).join(" ");
  return `CASE kind ${branches} END`;
}

export const finalAssessments: DataSet = {
  name: "final_assessments",
  description:
    "Definitieve toekenningen: toeslagjaar, datum van vaststelling en terug te betalen bedrag",
  rows: (scale) => scaled(COHORT_AT_SCALE_ONE, scale) + scaled(REMAINDER_AT_SCALE_ONE, scale),
  query({ scale, seed }) {
    const remainder = scaled(REMAINDER_AT_SCALE_ONE, scale);
    const n = remainder + scaled(COHORT_AT_SCALE_ONE, scale);
    const rows = `SELECT range AS i, range >= ${remainder} AS in_cohort FROM range(${n})`;
    const hashed = withHashes(rows, seed, [
      { name: "h_kind", key: "i", salt: "assessment-kind" },
      { name: "h_amount", key: "i", salt: "assessment-amount" },
      { name: "h_extra", key: "i", salt: "assessment-extra" },
    ]);
    // When a row is settled and whether it repays come from two evenly spread sequences, so
    // both shares hold in any stretch of rows, and together (settled by April and repaying).
    const settledU = evenly("i", 1, seed);
    const repayU = evenly("i", 2, seed);
    const base = `SELECT *,
      ${kindFrom(uniform("h_kind"))} AS kind,
      CASE WHEN in_cohort THEN ${scheduledDate("su", COHORT_SCHEDULE)}
        ELSE ${scheduledDate("su", REMAINDER_SCHEDULE)} END AS settled_on,
      ru < CASE WHEN in_cohort THEN ${REPAY_SHARE.cohort} ELSE ${REPAY_SHARE.remainder} END
        AS repays_much
    FROM (SELECT *, ${settledU} AS su, ${repayU} AS ru FROM (${hashed}))`;
    // Above the threshold: up to €4,000 more. Otherwise nothing, or a small amount up to the
    // threshold, and half of those with nothing to repay receive an additional payment.
    const repayCents = `CASE
      WHEN repays_much THEN ${thresholdCents()} + 1 + h_amount % 400000
      WHEN ${uniform("h_extra")} < 0.55 THEN 0
      ELSE 1 + h_amount % ${thresholdCents()} END`;
    const extraCents = `CASE WHEN NOT repays_much AND ${uniform("h_extra")} < 0.275
      THEN 1 + (h_amount >> 4) % 150000 ELSE 0 END`;
    return `SELECT
      i + 1 AS assessment_id,
      CAST(CASE WHEN in_cohort THEN ${YEAR - 1} ELSE ${YEAR - 2} END AS SMALLINT) AS allowance_year,
      kind,
      settled_on,
      CASE WHEN settled_on IS NULL THEN NULL ELSE ${euros(repayCents)} END AS amount_to_repay,
      CASE WHEN settled_on IS NULL THEN NULL ELSE ${euros(extraCents)} END AS additional_payment
    FROM (${base})`;
  },
};
