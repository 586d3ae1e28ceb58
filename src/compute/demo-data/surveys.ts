/**
 * Data sets `monitor_answers` (the Toeslagenmonitor, in quarterly waves) and
 * `customer_survey_answers` (the continuous customer survey, in monthly waves): about 60,000
 * answers together at scale 1.
 *
 * A wave counts from its `published_on`: the Toeslagenmonitor's results are published some weeks
 * after the quarter (Q1 in April, Q2 in July, Q3 in November, which is why the reference report
 * of October shows Q2); the customer survey's month counts from its last day.
 */
import { type DataSet, YEAR } from "./data-set.js";
import { answersAtScale, type SurveyBlock, surveySql } from "./survey-blocks.js";

/** Respondents per wave of the Toeslagenmonitor at scale 1; each answers all four questions. */
const MONITOR_RESPONDENTS = 2_000;

/**
 * Percentages (very) satisfied / (very) dissatisfied per question. Q1 and Q2 2025 are the
 * reference report's; Q4 2024 and Q3 2025 are not in it and are made up close to them.
 */
const MONITOR_WAVES = [
  {
    wave: `${YEAR - 1}-Q4`,
    publishedOn: `${YEAR}-01-16`,
    figures: [
      [72, 7],
      [53, 11],
      [39, 19],
      [33, 8],
    ],
  },
  {
    wave: `${YEAR}-Q1`,
    publishedOn: `${YEAR}-04-10`,
    figures: [
      [73, 6],
      [55, 10],
      [41, 18],
      [34, 7],
    ],
  },
  {
    wave: `${YEAR}-Q2`,
    publishedOn: `${YEAR}-07-10`,
    figures: [
      [75, 5],
      [55, 10],
      [41, 17],
      [35, 6],
    ],
  },
  {
    wave: `${YEAR}-Q3`,
    publishedOn: `${YEAR}-11-06`,
    figures: [
      [75, 5],
      [56, 9],
      [42, 17],
      [35, 6],
    ],
  },
] as const;

/** The question of general satisfaction, then the three citizen promises. */
export const MONITOR_QUESTIONS = [
  "tevredenheid",
  "burgerbelofte-1",
  "burgerbelofte-2",
  "burgerbelofte-3",
] as const;

function monitorBlocks(): SurveyBlock[] {
  return MONITOR_WAVES.flatMap(({ wave, publishedOn, figures }, w) =>
    MONITOR_QUESTIONS.map((questionId, q) => {
      const [satisfied, dissatisfied] = figures[q] as readonly [number, number];
      const firstRespondent = (w + 1) * 1_000_000;
      return {
        wave,
        publishedOn,
        questionId,
        answers: MONITOR_RESPONDENTS,
        satisfied,
        dissatisfied,
        firstRespondent,
      };
    }),
  );
}

/**
 * The customer survey per channel: answers a month at scale 1, and the percentages satisfied /
 * dissatisfied in January–April and in May–December (the reference report's figures of April
 * and October; the website's dissatisfaction is not in it and made up).
 */
export const CUSTOMER_CHANNELS = [
  { questionId: "telefonie", answers: 1_000, untilApril: [87, 4], fromMay: [85, 5] },
  { questionId: "balie", answers: 300, untilApril: [90, 2], fromMay: [89, 4] },
  { questionId: "website", answers: 1_000, untilApril: [84, 6], fromMay: [84, 6] },
] as const;

function lastDayOfMonth(month: number): string {
  return new Date(Date.UTC(YEAR, month, 0)).toISOString().slice(0, 10);
}

function customerBlocks(): SurveyBlock[] {
  return Array.from({ length: 12 }, (_, m) => m + 1).flatMap((month) =>
    CUSTOMER_CHANNELS.map((channel, c) => {
      const [satisfied, dissatisfied] = month <= 4 ? channel.untilApril : channel.fromMay;
      return {
        wave: `${YEAR}-${String(month).padStart(2, "0")}`,
        publishedOn: lastDayOfMonth(month),
        questionId: channel.questionId,
        answers: channel.answers,
        satisfied,
        dissatisfied,
        firstRespondent: (month * 10 + c) * 100_000,
      };
    }),
  );
}

export const monitorAnswers: DataSet = {
  name: "monitor_answers",
  description: "Antwoorden in de Toeslagenmonitor, per kwartaalmeting (schaal 1–5)",
  rows: (scale) => answersAtScale(monitorBlocks(), scale),
  query: ({ scale, seed }) => surveySql("toeslagenmonitor", monitorBlocks(), scale, seed),
};

export const customerSurveyAnswers: DataSet = {
  name: "customer_survey_answers",
  description:
    "Antwoorden in het doorlopende klanttevredenheidsonderzoek, per maand en kanaal (schaal 1–5)",
  rows: (scale) => answersAtScale(customerBlocks(), scale),
  query: ({ scale, seed }) => surveySql("klanttevredenheid", customerBlocks(), scale, seed),
};
