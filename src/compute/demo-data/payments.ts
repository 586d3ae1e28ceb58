/** Data set `payments`: every allowance paid once a month, 12 rows per allowance (96 million). */
import { ALLOWANCES_AT_SCALE_ONE, allowanceHashes, monthlyAmount } from "./allowances.js";
import { type DataSet, kindIndexFrom, kindName, scaled, YEAR } from "./data-set.js";
import { between, evenly, uniform, withHashes } from "./random.js";

/** The share of payments made after their due date: 99.98% on time, as in the reference year. */
export const LATE_PAYMENT_SHARE = 0.0002;

/** The due date of each month's payment: the 20th, or the Friday before when it is a weekend. */
export function dueDates(year: number): string[] {
  return Array.from({ length: 12 }, (_, m) => {
    const date = new Date(Date.UTC(year, m, 20));
    const weekday = date.getUTCDay();
    const back = weekday === 6 ? 1 : weekday === 0 ? 2 : 0;
    date.setUTCDate(20 - back);
    return date.toISOString().slice(0, 10);
  });
}

export const payments: DataSet = {
  name: "payments",
  description: "Maandelijkse betalingen van toeslagen: vervaldatum, betaaldatum en bedrag",
  rows: (scale) => 12 * scaled(ALLOWANCES_AT_SCALE_ONE, scale),
  query({ scale, seed }) {
    const n = 12 * scaled(ALLOWANCES_AT_SCALE_ONE, scale);
    const rows = `SELECT range AS i, range // 12 AS a, range % 12 AS m FROM range(${n})`;
    const hashed = withHashes(rows, seed, [
      ...allowanceHashes("a"),
      { name: "h_delay", key: "i", salt: "payment-delay" },
    ]);
    const due = dueDates(YEAR)
      .map((date, m) => `WHEN ${m} THEN DATE '${date}'`)
      .join(" ");
    // Lateness is spread evenly over the allowances of each month (the sequence runs month by
    // month: over every 12th row it would cluster), so the share on time is right in every month
    // and at every scale; a late payment follows one to ten days after its due date.
    const monthMajor = `m * ${n / 12} + a`;
    const late = `${evenly(monthMajor, 0, seed)} < ${LATE_PAYMENT_SHARE}`;
    const withKind = `SELECT *, ${kindIndexFrom(uniform("h_kind"))} AS k,
      CASE m ${due} END AS due_on FROM (${hashed})`;
    return `SELECT
      i + 1 AS payment_id,
      a + 1 AS allowance_id,
      ${kindName("k")} AS kind,
      due_on,
      CASE WHEN ${late} THEN due_on + CAST(${between("h_delay", 1, 10)} AS INTEGER)
        ELSE due_on END AS paid_on,
      ${monthlyAmount()} AS amount
    FROM (${withKind})`;
  },
};
