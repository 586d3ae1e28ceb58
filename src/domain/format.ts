/**
 * Number and target formatting for reports (pure): Dutch `93,5%`, `1.417`, `≥ 94%`;
 * English `93.5%`, `1,417`, `≥ 94%`.
 */
import { type Decimal, decimalParts, decimalToNumber, roundDecimal } from "./decimal.js";
import type { AppliedTarget } from "./evaluate.js";
import type {
  CalendarDate,
  Indicator,
  Language,
  Period,
  Plan,
  RealisedValue,
  Unit,
} from "./plan.js";
import type { Comparator, Target, Threshold } from "./target.js";

const SEPARATORS: Record<Language, { decimal: string; group: string }> = {
  nl: { decimal: ",", group: "." },
  en: { decimal: ".", group: "," },
};

const SYMBOLS: Record<Comparator, string> = { ">=": "≥", "<=": "≤", "<": "<", ">": ">", "=": "=" };

const MONTHS: Record<Language, readonly string[]> = {
  nl: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

/** A number with the language's decimal mark and a group separator between thousands. */
export function formatNumber(value: Decimal, language: Language): string {
  const { negative, whole, fraction } = decimalParts(value);
  const { decimal, group } = SEPARATORS[language];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? "-" : ""}${grouped}${fraction ? decimal + fraction : ""}`;
}

/** A number followed (or, for euros, preceded) by its unit. */
export function formatQuantity(value: Decimal, unit: Unit, language: Language): string {
  const number = formatNumber(value, language);
  switch (unit) {
    case "percent":
      return `${number}%`;
    case "euro":
      return language === "nl" ? `€ ${number}` : `€${number}`;
    case "count":
    case "number":
      return number;
    default:
      return `${number} ${unit}`;
  }
}

export function formatThreshold(threshold: Threshold, unit: Unit, language: Language): string {
  if (threshold.kind === "range") {
    return `${formatQuantity(threshold.low, unit, language)} – ${formatQuantity(threshold.high, unit, language)}`;
  }
  const quantity = formatQuantity(threshold.value, unit, language);
  return threshold.bare ? quantity : `${SYMBOLS[threshold.comparator]} ${quantity}`;
}

/** The short month of a period's last day, as a time-phased target's step is labelled. */
export function periodMonth(period: Period, language: Language): string {
  return MONTHS[language][period.until.month - 1] ?? "";
}

/** The plan's whole target as the report's target column shows it; null for none. */
export function formatTarget(plan: Plan, indicator: Indicator, language: Language): string | null {
  const target: Target = indicator.target;
  switch (target.kind) {
    case "none":
      return null;
    case "qualitative":
      return target.text;
    case "fixed":
      return formatThreshold(target.threshold, indicator.unit, language);
    case "phased":
      return target.steps
        .map((step) => {
          const period = plan.periods.find((p) => p.id === step.periodId);
          const label = period ? periodMonth(period, language) : step.periodId;
          return `${label}: ${formatThreshold(step.threshold, indicator.unit, language)}`;
        })
        .join(" / ");
  }
}

/** The target that applies in one period, as FORMAT.md's `target` field; null for none. */
export function formatAppliedTarget(
  plan: Plan,
  indicator: Indicator,
  applied: AppliedTarget,
  language: Language,
): string | null {
  switch (applied.kind) {
    case "none":
      return null;
    case "threshold":
      return formatThreshold(applied.threshold, indicator.unit, language);
    case "qualitative":
      return applied.text;
    case "not-judged":
      return applied.reason === "year-end" ? formatTarget(plan, indicator, language) : null;
  }
}

/** A figure as shown: rounded to `decimals` where set; a missing figure as the word recorded. */
export function formatValue(
  value: RealisedValue | undefined,
  indicator: Indicator,
  language: Language,
): string {
  if (!value) return NOT_KNOWN[language];
  switch (value.kind) {
    case "missing":
      return value.word || NOT_KNOWN[language];
    case "assessment":
      return ASSESSMENTS[language][value.met ? 0 : 1];
    case "number": {
      const shown =
        indicator.decimals === undefined
          ? value.value
          : roundDecimal(value.value, indicator.decimals);
      return formatQuantity(shown, indicator.unit, language);
    }
  }
}

/** Shown for a period without a figure when none was written (FORMAT.md: empty shows as n.b.). */
export const NOT_KNOWN: Record<Language, string> = { nl: "n.b.", en: "not known" };

const ASSESSMENTS: Record<Language, readonly [string, string]> = {
  nl: ["gerealiseerd", "niet gerealiseerd"],
  en: ["met", "not met"],
};

/** A figure as recorded (a number before any rounding, an assessment), or null for none. */
export function recordedFigure(
  value: RealisedValue | undefined,
): number | "met" | "not-met" | null {
  if (!value || value.kind === "missing") return null;
  if (value.kind === "assessment") return value.met ? "met" : "not-met";
  return decimalToNumber(value.value);
}

/** YYYY-MM-DD. */
export function isoDate({ year, month, day }: CalendarDate): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
