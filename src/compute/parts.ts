/** A figure's parts taken from a query's result rows: one row, or its slices added up. */
import { compareDecimal, type Decimal } from "../domain/decimal.js";
import { toDecimal } from "./figures.js";
import type { Part, RowSelection } from "./source-query.js";

type Row = Readonly<Record<string, unknown>>;

export function partValue(rows: readonly Row[], part: Part): Decimal | null {
  const chosen = rows.filter((row) => selected(row, part.rows));
  const values = chosen
    .map((row) => toDecimal(row[part.column]))
    .filter((v): v is Decimal => v !== null);
  switch (part.fn) {
    case "count":
    case "sum":
      return values.reduce(add, { units: 0n, scale: 0 });
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

function selected(row: Row, rows: RowSelection): boolean {
  if (rows.kind === "one-row") return true;
  if (rows.grouping !== null && Number(row[rows.grouping]) !== 0) return false;
  if (rows.from === null && rows.until === null) return true;
  const day = row[rows.column];
  if (day === null || day === undefined) return false;
  const text = String(day);
  return (rows.from === null || text >= rows.from) && (rows.until === null || text <= rows.until);
}

function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  const widen = (d: Decimal) => d.units * 10n ** BigInt(scale - d.scale);
  return { units: widen(a) + widen(b), scale };
}

/** How lineage names where a part came from, for a person who runs the SQL again. */
export function partDescription(part: Part): string {
  switch (part.rows.kind) {
    case "one-row":
      return part.column;
    case "days": {
      const { column, grouping, from, until } = part.rows;
      const set = grouping ? ` grouped by ${column} (${grouping} = 0)` : "";
      const days =
        from && until
          ? ` whose ${column} is from ${from} to ${until}`
          : until
            ? ` whose ${column} is on or before ${until}`
            : "";
      return `${part.column}, added up over the rows${set}${days}`;
    }
    default: {
      const never: never = part.rows;
      return never;
    }
  }
}
