/**
 * The figure of every computed indicator of examples/toeslagen-2025-computed, by the plain
 * TypeScript computation of reference-figures.ts: what the compute engine must reproduce.
 */
import {
  type AnswerRow,
  type AssessmentRow,
  type ComplaintRow,
  complaintsInTime,
  complaintsReceived,
  type Deadlines,
  type IncidentRow,
  latestWaveShare,
  type ObjectionRow,
  objectionsInTime,
  type PaymentRow,
  paidOnTime,
  percent,
  type Ratio,
  seriousIncidents,
  settledProgress,
  type Window,
  withoutRepayment,
} from "./reference-figures.js";

/** The demo data sets' rows, as reference-figures.ts reads them. */
export interface DemoRows {
  readonly payments: readonly PaymentRow[];
  readonly finalAssessments: readonly AssessmentRow[];
  readonly objections: readonly ObjectionRow[];
  readonly complaints: readonly ComplaintRow[];
  readonly monitorAnswers: readonly AnswerRow[];
  readonly customerSurveyAnswers: readonly AnswerRow[];
  readonly incidents: readonly IncidentRow[];
}

type Figure = (rows: DemoRows, window: Window, deadlines: Deadlines) => number;

function survey(
  set: "monitorAnswers" | "customerSurveyAnswers",
  question: string,
  side: "satisfied" | "dissatisfied",
): Figure {
  return (rows, window) => percent(latestWaveShare(rows[set], window.until, question, side));
}

const share =
  (ratio: (rows: DemoRows, window: Window, deadlines: Deadlines) => Ratio): Figure =>
  (rows, window, deadlines) =>
    percent(ratio(rows, window, deadlines));

/** Indicator id → its figure; every indicator of the example with a `compute` block. */
export const EXAMPLE_FIGURES: Readonly<Record<string, Figure>> = {
  "burgertevredenheid-tevreden": survey("monitorAnswers", "tevredenheid", "satisfied"),
  "burgertevredenheid-ontevreden": survey("monitorAnswers", "tevredenheid", "dissatisfied"),
  "burgerbelofte-1-tevreden": survey("monitorAnswers", "burgerbelofte-1", "satisfied"),
  "burgerbelofte-1-ontevreden": survey("monitorAnswers", "burgerbelofte-1", "dissatisfied"),
  "burgerbelofte-2-tevreden": survey("monitorAnswers", "burgerbelofte-2", "satisfied"),
  "burgerbelofte-2-ontevreden": survey("monitorAnswers", "burgerbelofte-2", "dissatisfied"),
  "burgerbelofte-3-tevreden": survey("monitorAnswers", "burgerbelofte-3", "satisfied"),
  "burgerbelofte-3-ontevreden": survey("monitorAnswers", "burgerbelofte-3", "dissatisfied"),
  "kto-tevreden-telefonie": survey("customerSurveyAnswers", "telefonie", "satisfied"),
  "kto-tevreden-balie": survey("customerSurveyAnswers", "balie", "satisfied"),
  "kto-ontevreden-telefonie": survey("customerSurveyAnswers", "telefonie", "dissatisfied"),
  "kto-ontevreden-balie": survey("customerSurveyAnswers", "balie", "dissatisfied"),
  "kto-tevreden-website": survey("customerSurveyAnswers", "website", "satisfied"),
  "klachten-ontvangen": (rows, window) => complaintsReceived(rows.complaints, window),
  "geen-terugvordering": share((rows, window) => withoutRepayment(rows.finalAssessments, window)),
  "definitief-vastgesteld": share((rows, window) => settledProgress(rows.finalAssessments, window)),
  "bezwaren-binnen-termijn": share((rows, window, deadlines) =>
    objectionsInTime(rows.objections, window, deadlines),
  ),
  "klachten-binnen-termijn": share((rows, window, deadlines) =>
    complaintsInTime(rows.complaints, window, deadlines),
  ),
  "tijdig-uitbetaald": share((rows, window) => paidOnTime(rows.payments, window)),
  productieverstoringen: (rows, window) => seriousIncidents(rows.incidents, window),
};

/** Every example figure for the period that ends on `until` (the year from `until`). */
export function exampleFigures(
  rows: DemoRows,
  until: string,
  deadlines: Deadlines,
): Record<string, number> {
  const window = { from: `${until.slice(0, 4)}-01-01`, until };
  return Object.fromEntries(
    Object.entries(EXAMPLE_FIGURES).map(([id, figure]) => [id, figure(rows, window, deadlines)]),
  );
}
