/**
 * The report's early warnings: indicators that meet their target in the reported period but
 * are forecast to miss it on 31 December, as a short section and as rows for the app.
 */
import type { Evaluation, Judgement } from "../domain/evaluate.js";
import type { ForecastMethod } from "../domain/forecast.js";
import { formatQuantity, formatThreshold, formatValue } from "../domain/format.js";
import type { Language } from "../domain/plan.js";
import {
  earlyWarnings,
  forecastsOf,
  type IndicatorForecast,
  type SeasonalProfiles,
} from "../domain/year-end-forecast.js";
import type { NarrativeSection } from "./model.js";

export interface EarlyWarningRow {
  readonly id: string;
  readonly title: string;
  /** The figure of the reported period, as shown. */
  readonly value: string;
  readonly forecast: string;
  readonly low: string;
  readonly high: string;
  /** The target judged on 31 December, as shown. */
  readonly target: string;
  /** The figures as a sentence, to follow the title. */
  readonly detail: string;
}

export interface EarlyWarnings {
  readonly heading: string;
  readonly introduction: string;
  readonly rows: readonly EarlyWarningRow[];
  /** Heading, introduction, rows and how the forecasts were made, for the renderers. */
  readonly section: NarrativeSection;
}

interface WarningTexts {
  readonly heading: string;
  readonly introduction: (year: number) => string;
  readonly detail: (
    row: Omit<EarlyWarningRow, "id" | "title" | "detail">,
    periodLabel: string,
  ) => string;
  readonly method: Record<ForecastMethod, string>;
}

const TEXTS: Record<Language, WarningTexts> = {
  nl: {
    heading: "Vroegsignalering",
    introduction: (year) =>
      "Deze prestatie-indicatoren halen hun streefwaarde nu, maar halen bij het verloop van het jaar " +
      `tot nu toe de streefwaarde voor 31 december ${year} naar verwachting niet.`,
    detail: (r, label) =>
      `${r.value} (${label}); verwachting 31 december ${r.forecast} ` +
      `(bandbreedte ${r.low} – ${r.high}); streefwaarde ${r.target}.`,
    method: {
      pace:
        "De verwachting zet het tempo van het jaar tot nu toe voort tot 31 december; de bandbreedte " +
        "loopt van het laagste tot het hoogste tempo tussen twee rapportagedata. Het is geen " +
        "betrouwbaarheidsinterval.",
      seasonal:
        "De verwachting volgt het verloop over het jaar van eerdere jaren; de bandbreedte loopt van " +
        "het laagste tot het hoogste tempo tussen twee rapportagedata, gemeten langs dat verloop. " +
        "Het is geen betrouwbaarheidsinterval.",
      level:
        "Bij een percentage of meting is de verwachting de laatste realisatie; de bandbreedte loopt " +
        "van de laagste tot de hoogste realisatie van dit jaar.",
    },
  },
  en: {
    heading: "Early warnings",
    introduction: (year) =>
      "These performance indicators meet their target now, but on the course of the year so far " +
      `are expected to miss the target for 31 December ${year}.`,
    detail: (r, label) =>
      `${r.value} (${label}); expected on 31 December ${r.forecast} ` +
      `(range ${r.low} – ${r.high}); target ${r.target}.`,
    method: {
      pace:
        "The forecast continues the pace of the year so far to 31 December; the range runs from the " +
        "slowest to the fastest pace between two reporting dates. It is not a confidence interval.",
      seasonal:
        "The forecast follows the course of earlier years through the year; the range runs from the " +
        "slowest to the fastest pace between two reporting dates, measured along that course. It is " +
        "not a confidence interval.",
      level:
        "For a percentage or measurement, the forecast is the latest figure; the range runs from the " +
        "lowest to the highest figure of this year.",
    },
  },
};

/** Plan text inside Markdown, with nothing read as emphasis, a link or a tag. */
function literal(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, "\\$&");
}

function warningRow(
  judgement: Judgement,
  forecast: IndicatorForecast,
  language: Language,
): Omit<EarlyWarningRow, "detail"> {
  const { indicator } = judgement;
  const quantity = (d: IndicatorForecast["value"]) => formatQuantity(d, indicator.unit, language);
  const context = indicator.path.length > 2 ? indicator.path.slice(1) : [indicator.title];
  return {
    id: indicator.id,
    title: context.join(" – "),
    value: formatValue(judgement.realisation?.value, indicator, language),
    forecast: quantity(forecast.value),
    low: quantity(forecast.low),
    high: quantity(forecast.high),
    target: forecast.target ? formatThreshold(forecast.target, indicator.unit, language) : "",
  };
}

/** The early warnings of the last of `evaluations`; null when there are none. */
export function earlyWarningsOf(
  evaluations: readonly Evaluation[],
  language: Language,
  profiles?: SeasonalProfiles,
): EarlyWarnings | null {
  const reported = evaluations.at(-1);
  if (!reported) return null;
  const forecasts = forecastsOf(evaluations, profiles);
  const warned = earlyWarnings(reported, forecasts);
  if (warned.length === 0) return null;
  const t = TEXTS[language];
  const label = reported.period.label;
  const rows = warned.map((j) => {
    const row = warningRow(j, forecasts.get(j.indicator.id) as IndicatorForecast, language);
    return { ...row, detail: t.detail(row, label) };
  });
  const methods = [...new Set(warned.map((j) => forecasts.get(j.indicator.id)?.method))];
  const introduction = t.introduction(reported.plan.year);
  const items = rows.map((r) => `- **${literal(r.title)}**: ${r.detail}`);
  return {
    heading: t.heading,
    introduction,
    rows,
    section: {
      anchor: "vroegsignalering",
      heading: t.heading,
      markdown: [
        introduction,
        items.join("\n"),
        ...methods.flatMap((m) => (m ? [t.method[m]] : [])),
      ].join("\n\n"),
    },
  };
}
