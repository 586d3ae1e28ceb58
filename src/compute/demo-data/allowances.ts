/** Data set `allowances`: the allowances of the year, one row each (about 8 million at scale 1). */
import { type DataSet, euros, KINDS, kindIndexFrom, kindName, scaled, YEAR } from "./data-set.js";
import { plusDays } from "./dates.js";
import { between, type HashColumn, uniform, withHashes } from "./random.js";

export const ALLOWANCES_AT_SCALE_ONE = 8_000_000;

/**
 * The hash columns that fix an allowance's kind and monthly amount from its index. Payments use
 * the same columns over their allowance's index, so a payment always agrees with its allowance
 * without a join over 96 million rows.
 */
export function allowanceHashes(index: string): HashColumn[] {
  return [
    { name: "h_kind", key: index, salt: "allowance-kind" },
    { name: "h_amount", key: index, salt: "allowance-amount" },
  ];
}

/** The SQL of the monthly amount, after allowanceHashes and with the kind's number in `k`. */
export function monthlyAmount(): string {
  const branches = KINDS.map(({ monthly: [low, high] }, k) => {
    return `WHEN ${k} THEN ${low * 100} + h_amount % ${(high - low) * 100 + 1}`;
  });
  return euros(`CASE k ${branches.join(" ")} END`);
}

export const allowances: DataSet = {
  name: "allowances",
  description: "Toeslagen van het jaar: soort, voorlopige toekenning en maandbedrag",
  rows: (scale) => scaled(ALLOWANCES_AT_SCALE_ONE, scale),
  query({ scale, seed }) {
    const rows = `SELECT range AS i FROM range(${scaled(ALLOWANCES_AT_SCALE_ONE, scale)})`;
    const hashed = withHashes(rows, seed, [
      ...allowanceHashes("i"),
      { name: "h_grant", key: "i", salt: "allowance-granted" },
    ]);
    // Most allowances continue automatically from the year before (granted in November and
    // December); the rest were applied for and granted around the turn of the year.
    const withKind = `SELECT *, ${kindIndexFrom(uniform("h_kind"))} AS k FROM (${hashed})`;
    return `SELECT
      i + 1 AS allowance_id,
      ${kindName("k")} AS kind,
      CAST(${YEAR} AS SMALLINT) AS allowance_year,
      ${uniform("h_grant")} < 0.85 AS continued,
      CASE WHEN ${uniform("h_grant")} < 0.85
        THEN ${plusDays(`${YEAR - 1}-11-15`, between("h_grant", 0, 25))}
        ELSE ${plusDays(`${YEAR - 1}-12-01`, between("h_grant >> 8", 0, 44))}
      END AS granted_on,
      ${monthlyAmount()} AS monthly_amount
    FROM (${withKind})`;
  },
};
