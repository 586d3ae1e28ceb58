/** What every generated data set provides to the generator. */

export interface GenerateOptions {
  /** Multiplies the row counts: 1 is the reference agency's year. */
  readonly scale: number;
  /** Any whole number in [0, 2^32): the same seed and scale give the same rows. */
  readonly seed: number;
}

export interface DataSet {
  /** The file's stem and the source name a plan gives it: `payments` → `payments.parquet`. */
  readonly name: string;
  readonly description: string;
  /** The number of rows the query returns at this scale. */
  rows(scale: number): number;
  /** A SELECT that returns the data set's rows in the order of their id. */
  query(options: GenerateOptions): string;
}

/** A count at scale 1 times the scale, rounded: what "scale S multiplies the row counts" means. */
export function scaled(countAtScaleOne: number, scale: number): number {
  return Math.round(countAtScaleOne * scale);
}

/** The plan year the data is shaped after: Dienst Toeslagen's 2025. */
export const YEAR = 2025;

/** The kinds of allowance and their share of the allowances paid in a year. */
export const KINDS = [
  { kind: "zorgtoeslag", share: 0.56, monthly: [20, 131], repayThreshold: 500 },
  { kind: "huurtoeslag", share: 0.2, monthly: [40, 450], repayThreshold: 500 },
  { kind: "kindgebonden budget", share: 0.165, monthly: [25, 480], repayThreshold: 500 },
  { kind: "kinderopvangtoeslag", share: 0.075, monthly: [150, 2000], repayThreshold: 1000 },
] as const;

/** The SQL of a row's kind number (0–3, into KINDS) from a uniform number in [0, 1). */
export function kindIndexFrom(u: string): string {
  let cumulative = 0;
  const branches = KINDS.slice(0, -1).map(({ share }, k) => {
    cumulative += share;
    return `WHEN ${u} < CAST(${cumulative.toFixed(6)} AS DOUBLE) THEN ${k}`;
  });
  return `CASE ${branches.join(" ")} ELSE ${KINDS.length - 1} END`;
}

/** The SQL of the kind's name from its number. */
export function kindName(kindIndex: string): string {
  return `[${KINDS.map((k) => `'${k.kind}'`).join(", ")}][${kindIndex} + 1]`;
}

/** The SQL of a row's kind from a uniform number in [0, 1), in the shares of KINDS. */
export function kindFrom(u: string): string {
  return kindName(kindIndexFrom(u));
}

/** The SQL of an amount in euros with cents, from a whole number of cents. */
export function euros(cents: string): string {
  // Integer decimal arithmetic throughout: a division would go through DOUBLE.
  return `CAST(CAST(${cents} AS DECIMAL(12, 0)) * CAST(0.01 AS DECIMAL(3, 2)) AS DECIMAL(12, 2))`;
}
