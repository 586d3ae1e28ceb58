/**
 * Survey answers built in blocks: one block per wave and question, whose answers on the 1–5
 * scale come in exact numbers. The share of (very) satisfied answers (4 and 5) and (very)
 * dissatisfied ones (1 and 2) is then the block's figure to the answer, at scale 1, where a
 * random draw would miss a whole-percent figure by a point now and then and flip a status.
 */
import { scaled } from "./data-set.js";
import { fmix32, streamKey } from "./random.js";

export interface SurveyBlock {
  readonly wave: string;
  readonly publishedOn: string;
  readonly questionId: string;
  /** Answers at scale 1. */
  readonly answers: number;
  /** Percentages of answers 4–5 and of answers 1–2. */
  readonly satisfied: number;
  readonly dissatisfied: number;
  /** Respondents answer every question of a wave: the first respondent number of the wave. */
  readonly firstRespondent: number;
}

/** Numbers of answers 1 to 5 in a block of n: satisfied split 70/30 over 4 and 5, etc. */
export function answerCounts(n: number, satisfied: number, dissatisfied: number): number[] {
  const shares = [
    dissatisfied * 0.35,
    dissatisfied * 0.65,
    100 - satisfied - dissatisfied,
    satisfied * 0.7,
    satisfied * 0.3,
  ].map((p) => (p / 100) * n);
  // Satisfied and dissatisfied totals first, exact; then their split.
  const low = Math.round((dissatisfied / 100) * n);
  const high = Math.round((satisfied / 100) * n);
  const one = Math.min(low, Math.round(shares[0] as number));
  const five = Math.min(high, Math.round(shares[4] as number));
  return [one, low - one, n - low - high, high - five, five];
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** A multiplier coprime with n: j → (j · step + offset) mod n is then a permutation of 0..n−1. */
function permutationStep(n: number, key: number): number {
  if (n <= 1) return 1;
  let step = 1 + (fmix32(key) % (n - 1));
  while (greatestCommonDivisor(step, n) !== 1) step = step === n - 1 ? 1 : step + 1;
  return step;
}

/**
 * The SQL of a survey data set: answer_id, survey, wave, published_on, respondent_id,
 * question_id, answer. Which respondent gives which answer is a seeded permutation.
 */
export function surveySql(
  survey: string,
  blocks: readonly SurveyBlock[],
  scale: number,
  seed: number,
): string {
  let first = 0;
  const values = blocks.map((block, index) => {
    const n = scaled(block.answers, scale);
    const counts = answerCounts(n, block.satisfied, block.dissatisfied);
    const bounds = counts.slice(0, 4).map((_, k) => counts.slice(0, k + 1).reduce((a, b) => a + b));
    const key = streamKey(seed, `${survey}-${block.wave}-${block.questionId}`);
    const row = [
      index,
      first,
      n,
      `'${block.wave}'`,
      `DATE '${block.publishedOn}'`,
      `'${block.questionId}'`,
      block.firstRespondent,
      permutationStep(n, key),
      n > 0 ? key % n : 0,
      ...bounds,
    ];
    first += n;
    return `(${row.join(", ")})`;
  });
  const position = "(j * step + shift) % n";
  return `SELECT
    first + j + 1 AS answer_id,
    '${survey}' AS survey,
    wave,
    published_on,
    respondent + j + 1 AS respondent_id,
    question_id,
    CAST(CASE WHEN ${position} < b1 THEN 1 WHEN ${position} < b2 THEN 2
      WHEN ${position} < b3 THEN 3 WHEN ${position} < b4 THEN 4 ELSE 5 END AS TINYINT) AS answer
  FROM (SELECT *, unnest(range(n)) AS j FROM (VALUES ${values.join(", ")})
    AS blocks(block, first, n, wave, published_on, question_id, respondent, step, shift,
      b1, b2, b3, b4))
  ORDER BY block, j`;
}

/** Answers at scale 1 of a list of blocks. */
export function answersAtScale(blocks: readonly SurveyBlock[], scale: number): number {
  return blocks.reduce((sum, block) => sum + scaled(block.answers, scale), 0);
}
