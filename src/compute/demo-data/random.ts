/**
 * Deterministic pseudo-random numbers for the demo data, written as SQL over a row number.
 *
 * Every number derives from the row number, the seed and a salt by integer arithmetic, never from
 * random(): DuckDB's threads then cannot change a single value, and the same scale and seed give
 * the same rows on every machine.
 */

const MASK32 = 0xffffffff;
const TWO_TO_32 = 4294967296;

/** murmur3's 32-bit finaliser in TypeScript: the same mix the SQL below applies to rows. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** The 32-bit key of one stream of numbers: a data set's column under one seed. */
export function streamKey(seed: number, salt: string): number {
  let h = fmix32(seed ^ 0x9e3779b9);
  for (const char of salt) h = fmix32(h ^ (char.codePointAt(0) ?? 0));
  return h;
}

/** A number in [0, 1) for the stream, outside SQL (for the few values chosen in TypeScript). */
export function streamUniform(seed: number, salt: string): number {
  return streamKey(seed, salt) / TWO_TO_32;
}

export interface HashColumn {
  /** The column to add, holding an unsigned 32-bit hash. */
  readonly name: string;
  /** The SQL of a non-negative integer below 2^32 that identifies the row (its number). */
  readonly key: string;
  readonly salt: string;
}

/**
 * Wraps `fromSql` (a query) so that every hash column is added, as UBIGINT in [0, 2^32).
 *
 * The mix runs as one nested projection per step rather than as a macro: a macro repeats its
 * argument at every use, which multiplies the expression and halves the speed at 96 million rows.
 * Products of two 32-bit numbers fit in UBIGINT, so nothing overflows.
 */
export function withHashes(fromSql: string, seed: number, columns: readonly HashColumn[]): string {
  const start = columns
    .map((c) => `xor((${c.key})::UBIGINT & ${MASK32}, ${streamKey(seed, c.salt)}) AS ${c.name}`)
    .join(", ");
  const steps = [
    (c: string) => `xor(${c}, ${c} >> 16)`,
    (c: string) => `(${c} * ${0x85ebca6b}::UBIGINT) & ${MASK32}`,
    (c: string) => `xor(${c}, ${c} >> 13)`,
    (c: string) => `(${c} * ${0xc2b2ae35}::UBIGINT) & ${MASK32}`,
    (c: string) => `xor(${c}, ${c} >> 16)`,
  ];
  let sql = `SELECT *, ${start} FROM (${fromSql})`;
  for (const step of steps) {
    const replaced = columns.map((c) => `${step(c.name)} AS ${c.name}`).join(", ");
    sql = `SELECT * REPLACE (${replaced}) FROM (${sql})`;
  }
  return sql;
}

/** A hash column as a DOUBLE in [0, 1). */
export function uniform(hashColumn: string): string {
  return `(CAST(${hashColumn} AS DOUBLE) * CAST(${1 / 4294967296} AS DOUBLE))`;
}

/** An integer in [low, high] from a hash column. */
export function between(hashColumn: string, low: number, high: number): string {
  return `(${low} + ((${hashColumn}) % ${high - low + 1})::INTEGER)`;
}

// Fractional parts of square roots of primes: rationally independent, so several evenly spread
// sequences over the same row number are spread evenly together as well (a Kronecker sequence).
const STEPS = [2, 3, 5, 7, 11, 13, 17, 19].map((p) => Math.sqrt(p) % 1);

/**
 * An evenly spread (low-discrepancy) number in [0, 1) for row `index`: frac(index · α + offset).
 *
 * Used where a share must come out right even in a few hundred rows (lateness, repayments):
 * among any consecutive rows the share below p is p to within a few rows, where a hash would
 * scatter it by the square root of the count. `dimension` picks an independent sequence.
 */
export function evenly(index: string, dimension: number, seed: number): string {
  const step = STEPS[dimension % STEPS.length] as number;
  const offset = streamUniform(seed, `evenly-${dimension}`);
  // DOUBLE literals: a plain 0.414… would be a DECIMAL, and 128-bit decimal arithmetic is slow.
  return `((${index} * CAST(${step} AS DOUBLE) + CAST(${offset} AS DOUBLE)) % CAST(1 AS DOUBLE))`;
}
