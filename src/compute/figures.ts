/** An engine's answer as a figure: exact decimals from integers, decimals and doubles alike. */
import {
  type Decimal,
  decimalFromNumber,
  divideDecimal,
  parseDecimal,
  roundDecimal,
} from "../domain/decimal.js";
import type { Indicator } from "../domain/plan.js";

/** Digits kept of a share or an average when the indicator sets no `decimals`. */
const DEFAULT_DECIMALS = 2;

export function toDecimal(value: unknown): Decimal | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? decimalFromNumber(value) : null;
  if (typeof value === "bigint") return { units: value, scale: 0 };
  if (isDecimal(value)) return value;
  const text = String(value);
  const parsed = parseDecimal(text);
  if (!parsed) throw new Error(`not a number from the engine: ${text}`);
  return parsed;
}

/**
 * A value figure, kept to the indicator's decimals when it has them; otherwise without the
 * trailing zeros a column type adds, so that 35.50 from a numeric(12,2) and 35.5 from a double
 * are the same figure on every engine.
 */
export function valueFigure(value: unknown, indicator: Indicator): Decimal | null {
  const d = toDecimal(value);
  if (d === null) return null;
  if (indicator.decimals !== undefined) return roundDecimal(d, indicator.decimals);
  return withoutTrailingZeros(roundDecimal(d, Math.min(d.scale, DEFAULT_DECIMALS)));
}

function withoutTrailingZeros(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return { units, scale };
}

/** numerator ÷ denominator, × 100 for a percentage; no figure when nothing was counted. */
export function ratioFigure(
  numerator: unknown,
  denominator: unknown,
  indicator: Indicator,
): Decimal | null {
  const n = toDecimal(numerator);
  const d = toDecimal(denominator);
  if (n === null || d === null) return null;
  const factor = indicator.unit === "percent" ? 100n : 1n;
  return divideDecimal(n, d, indicator.decimals ?? DEFAULT_DECIMALS, factor) ?? null;
}

/** Parts added up from several rows arrive as decimals already. */
function isDecimal(value: unknown): value is Decimal {
  return typeof value === "object" && value !== null && "units" in value && "scale" in value;
}
