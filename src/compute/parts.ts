/** A figure's parts taken from a query's result rows: one row, or its slices added up. */
import { addDecimal, compareDecimal, type Decimal } from "../domain/decimal.js";
import { toDecimal } from "./figures.js";
import type { Part, RowSelection } from "./source-query.js";

type Row = Readonly<Record<string, unknown>>;

export function partValue(rows: readonly Row[], part: Part): Decimal | null {
  const selection = part.rows;
  const chosen =
    selection.kind === "wave"
      ? wave(rows, selection)
      : rows.filter((row) => selected(row, selection));
  // No wave on or before the period's end: no measurement, not a count of zero.
  if (selection.kind === "wave" && chosen.length === 0) return null;
  const values = chosen
    .map((row) => toDecimal(row[part.column]))
    .filter((v): v is Decimal => v !== null);
  switch (part.fn) {
    case "count":
    case "sum":
      return values.reduce(addDecimal, { units: 0n, scale: 0 });
    case "min":
      return values.reduce<Decimal | null>(
        (m, v) => (m === null || compareDecimal(v, m) < 0 ? v : m),
        null,
      );
    case "max":
      return values.reduce<Decimal | null>(
        (m, v) => (m === null || compareDecimal(v, m) > 0 ? v : m),
        null,
      );
    default:
      // avg and count distinct are never sliced: their one row holds the figure.
      return values[0] ?? null;
  }
}

type Wave = Extract<RowSelection, { kind: "wave" }>;

/** The row of the latest day up to `until` on which the indicator's rows occur. */
function wave(rows: readonly Row[], selection: Wave): Row[] {
  let latest: Row | undefined;
  for (const row of rows) {
    if (selection.grouping !== null && Number(row[selection.grouping]) !== 0) continue;
    const day = row[selection.column];
    if (day === null || day === undefined || String(day) > selection.until) continue;
    if (Number(row[selection.presence]) === 0) continue;
    if (!latest || String(day) > String(latest[selection.column])) latest = row;
  }
  return latest ? [latest] : [];
}

function selected(row: Row, rows: Exclude<RowSelection, Wave>): boolean {
  if (rows.kind === "one-row") return true;
  if (rows.grouping !== null && Number(row[rows.grouping]) !== 0) return false;
  if (rows.from === null && rows.until === null) return true;
  const day = row[rows.column];
  if (day === null || day === undefined) return false;
  const text = String(day);
  return (rows.from === null || text >= rows.from) && (rows.until === null || text <= rows.until);
}
