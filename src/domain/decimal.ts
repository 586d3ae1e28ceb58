/**
 * Exact decimal numbers (pure): figures are compared and rounded on their digits as
 * written, never through binary floating point, so 92.85 rounds to 92.9.
 */
export interface Decimal {
  /** The value is units / 10^scale. */
  readonly units: bigint;
  readonly scale: number;
}

const CANONICAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Reads a decimal written with an optional minus, digits and an optional point part. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = CANONICAL.exec(text);
  if (!match) return undefined;
  const [, minus, whole = "", fraction = ""] = match;
  const units = BigInt(whole + fraction);
  return { units: minus ? -units : units, scale: fraction.length };
}

/** A JSON or YAML number as a decimal, through its shortest round-trip text. */
export function decimalFromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = value.toString();
  if (!/e/i.test(text)) return parseDecimal(text) as Decimal;
  const [mantissa = "", exponentText = "0"] = text.toLowerCase().split("e");
  const base = parseDecimal(mantissa) as Decimal;
  const exponent = Number(exponentText);
  return exponent >= 0
    ? withScale({ units: base.units * 10n ** BigInt(exponent), scale: base.scale }, base.scale)
    : { units: base.units, scale: base.scale - exponent };
}

function withScale(d: Decimal, scale: number): Decimal {
  if (scale >= d.scale) return { units: d.units * 10n ** BigInt(scale - d.scale), scale };
  throw new RangeError("withScale only widens");
}

/** Rounds to `decimals` digits after the point, half away from zero. */
export function roundDecimal(d: Decimal, decimals: number): Decimal {
  if (d.scale <= decimals) return withScale(d, decimals);
  const divisor = 10n ** BigInt(d.scale - decimals);
  const negative = d.units < 0n;
  const magnitude = negative ? -d.units : d.units;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return { units: negative ? -quotient : quotient, scale: decimals };
}

export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const left = withScale(a, scale).units;
  const right = withScale(b, scale).units;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** a + b, exactly. */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: withScale(a, scale).units + withScale(b, scale).units, scale };
}

/** a − b, exactly. */
export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: withScale(a, scale).units - withScale(b, scale).units, scale };
}

/** a × factor ÷ b, rounded to `decimals` digits half away from zero; undefined when b is 0. */
export function divideDecimal(
  a: Decimal,
  b: Decimal,
  decimals: number,
  factor = 1n,
): Decimal | undefined {
  if (b.units === 0n) return undefined;
  // units = a.units·10^-a.scale · factor / (b.units·10^-b.scale) · 10^decimals, one digit more to round.
  const numerator = a.units * factor * 10n ** BigInt(b.scale + decimals + 1);
  const denominator = b.units * 10n ** BigInt(a.scale);
  return roundDecimal({ units: numerator / denominator, scale: decimals + 1 }, decimals);
}

export function decimalToString(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, "0");
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = digits.slice(digits.length - d.scale);
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

export function decimalToNumber(d: Decimal): number {
  return Number(decimalToString(d));
}

/** Splits into sign, whole digits and fraction digits, for formatting. */
export function decimalParts(d: Decimal): { negative: boolean; whole: string; fraction: string } {
  const text = decimalToString(d);
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? text.slice(1) : text).split(".");
  return { negative, whole, fraction };
}
