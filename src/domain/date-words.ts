/** Dates in words (pure): 31 december 2025, 31 December 2025. */
import type { CalendarDate, Language } from "./plan.js";

export const MONTH_NAMES: Record<Language, readonly string[]> = {
  nl: [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

export function dateText({ year, month, day }: CalendarDate, language: Language): string {
  return `${day} ${MONTH_NAMES[language][month - 1]} ${year}`;
}
