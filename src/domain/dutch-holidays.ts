/**
 * The recognised public holidays of the Algemene termijnenwet (Atw) for any year (pure: no I/O,
 * no clock — the year is passed in).
 *
 * - Atw art. 3 lid 1 names Nieuwjaarsdag, the Christian Tweede Paas- and Pinksterdag, both
 *   Christmas days, Hemelvaartsdag, the day the King's birthday is celebrated, and 5 May.
 * - Atw art. 3 lid 2 equates Goede Vrijdag with those days "voor de toepassing van deze wet": it is
 *   a holiday for terms because the Atw itself says so, in every year, not by decree.
 * - Atw art. 3 lid 3 lets the Crown equate further days by decree (Besluit ... gelijkstelling van
 *   ... met een algemeen erkende feestdag), published in the Staatscourant: those days are data
 *   here, each with its decree, in DECREED_DAYS.
 *
 * Texts relied on: docs/statutory-terms.md, "Sources".
 */
import { parseIsoDate } from "./calendar.js";
import { addDays } from "./explanation-task.js";
import type { CalendarDate } from "./plan.js";

export interface HolidaySource {
  /** The regulation's name, as it is cited. */
  readonly regulation: string;
  /** The article (and member) that makes the day a holiday. */
  readonly article: string;
  /** Date and number of a decree, when known (YYYY-MM-DD, nr.); absent when not verified. */
  readonly dated?: string;
  /** Where it is published, when known (Staatscourant number, BWB id). */
  readonly publication?: string;
}

/** A source as one line: regulation, article, date and number, publication. */
export function citeSource(source: HolidaySource): string {
  const parts = [source.regulation, source.article];
  if (source.dated !== undefined) parts.push(`of ${source.dated}`);
  if (source.publication !== undefined) parts.push(source.publication);
  return parts.join(", ");
}

export interface Holiday {
  readonly date: CalendarDate;
  /** The day's Dutch name, as the Atw or the decree calls it. */
  readonly name: string;
  readonly source: HolidaySource;
}

const ATW = "Algemene termijnenwet";
const ATW_ART_3_1: HolidaySource = { regulation: ATW, article: "art. 3 lid 1" };
const ATW_ART_3_2: HolidaySource = { regulation: ATW, article: "art. 3 lid 2" };
const KINGS_DAY_DECREE: HolidaySource = {
  regulation: "Besluit vaststelling en aanduiding zevenentwintigste april als Koningsdag",
  article: "art. 1 (with Atw art. 3 lid 1)",
  dated: "2013-01-30, nr. 13.000173",
  publication: "Stcrt. 2013, 4075; BWBR0032908",
};
const QUEENS_DAY_DECREE: HolidaySource = {
  regulation: "Besluit aanduiding van de dertigste april als Koninginnedag",
  article: "enig artikel (with Atw art. 3 lid 1)",
  dated: "1980-04-24, nr. 11",
  publication: "BWBR0031338",
};

/** One day equated with a holiday by decree under Atw art. 3 lid 3. */
export interface DecreedDay {
  readonly date: string;
  readonly name: string;
  readonly source: HolidaySource;
}

const DECREE_2017_2019: HolidaySource = {
  regulation:
    "Besluit gelijkstelling van 28 april en 26 mei 2017, 11 mei en 24 en 31 december 2018 en 31 mei en 27 december 2019 met een algemeen erkende feestdag",
  article: "art. 1",
  dated: "2016-10-24, nr. 2016001827",
  publication: "BWBR0038666",
};
// The decrees below are cited by their title, which lists every day they equate; their date and
// number were not found in the texts Koers could check (docs/statutory-terms.md, "Open points").
const DECREE_2023_2025: HolidaySource = {
  regulation:
    "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag",
  article: "art. 1",
};
const DECREE_2026_2028: HolidaySource = {
  regulation:
    "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag",
  article: "art. 1",
  publication: "Stcrt. 2025, 24713",
};

const AFTER_KINGS_DAY = "vrijdag na Koningsdag";
const AFTER_ASCENSION = "vrijdag na Hemelvaartsdag";
const AFTER_CHRISTMAS = "vrijdag na Tweede Kerstdag";

/** Days equated with a holiday by decree; only days whose decree Koers can cite. */
export const DECREED_DAYS: readonly DecreedDay[] = [
  { date: "2017-04-28", name: AFTER_KINGS_DAY, source: DECREE_2017_2019 },
  { date: "2017-05-26", name: AFTER_ASCENSION, source: DECREE_2017_2019 },
  { date: "2018-05-11", name: AFTER_ASCENSION, source: DECREE_2017_2019 },
  { date: "2018-12-24", name: "maandag voor Eerste Kerstdag", source: DECREE_2017_2019 },
  { date: "2018-12-31", name: "maandag voor Nieuwjaarsdag", source: DECREE_2017_2019 },
  { date: "2019-05-31", name: AFTER_ASCENSION, source: DECREE_2017_2019 },
  { date: "2019-12-27", name: AFTER_CHRISTMAS, source: DECREE_2017_2019 },
  { date: "2023-04-28", name: AFTER_KINGS_DAY, source: DECREE_2023_2025 },
  { date: "2023-05-19", name: AFTER_ASCENSION, source: DECREE_2023_2025 },
  { date: "2024-05-10", name: AFTER_ASCENSION, source: DECREE_2023_2025 },
  { date: "2024-12-27", name: AFTER_CHRISTMAS, source: DECREE_2023_2025 },
  { date: "2025-05-30", name: AFTER_ASCENSION, source: DECREE_2023_2025 },
  { date: "2026-01-02", name: "vrijdag na Nieuwjaarsdag", source: DECREE_2026_2028 },
  { date: "2026-05-15", name: AFTER_ASCENSION, source: DECREE_2026_2028 },
  { date: "2027-05-07", name: AFTER_ASCENSION, source: DECREE_2026_2028 },
  { date: "2028-04-28", name: AFTER_KINGS_DAY, source: DECREE_2026_2028 },
  { date: "2028-05-26", name: AFTER_ASCENSION, source: DECREE_2026_2028 },
];

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * Easter Sunday in the Gregorian calendar: the anonymous Gregorian algorithm (Meeus/Jones/
 * Butcher, J. Meeus, Astronomical Algorithms, ch. 8), exact for every Gregorian year.
 */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/**
 * The day the King's (until 2013 the Queen's) birthday is celebrated: 27 April from 2014, 30 April
 * before; the Saturday before when that day is a Sunday ("behoudens uitzonderingen in verband met
 * zondagen", in both decrees).
 */
function royalDay(year: number): Holiday {
  const kings = year >= 2014;
  const date = { year, month: 4, day: kings ? 27 : 30 };
  const moved = isoWeekday(date) === 7 ? addDays(date, -1) : date;
  return kings
    ? { date: moved, name: "Koningsdag", source: KINGS_DAY_DECREE }
    : { date: moved, name: "Koninginnedag", source: QUEENS_DAY_DECREE };
}

function easterHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  return [
    { date: addDays(easter, -2), name: "Goede Vrijdag", source: ATW_ART_3_2 },
    { date: addDays(easter, 1), name: "Tweede Paasdag", source: ATW_ART_3_1 },
    { date: addDays(easter, 39), name: "Hemelvaartsdag", source: ATW_ART_3_1 },
    { date: addDays(easter, 50), name: "Tweede Pinksterdag", source: ATW_ART_3_1 },
  ];
}

function fixed(year: number, month: number, day: number, name: string): Holiday {
  return { date: { year, month, day }, name, source: ATW_ART_3_1 };
}

function decreedIn(year: number): Holiday[] {
  return DECREED_DAYS.flatMap(({ date, name, source }) => {
    const parsed = parseIsoDate(date);
    return parsed?.year === year ? [{ date: parsed, name, source }] : [];
  });
}

function compare(a: Holiday, b: Holiday): number {
  return a.date.month - b.date.month || a.date.day - b.date.day;
}

/** Every recognised holiday of `year` (Atw art. 3 and the decrees), in date order. */
export function holidaysOf(year: number): Holiday[] {
  if (!Number.isInteger(year) || year < 1583) {
    throw new RangeError(`not a Gregorian year: ${year}`);
  }
  return [
    fixed(year, 1, 1, "Nieuwjaarsdag"),
    ...easterHolidays(year),
    royalDay(year),
    fixed(year, 5, 5, "5 mei"),
    fixed(year, 12, 25, "Eerste Kerstdag"),
    fixed(year, 12, 26, "Tweede Kerstdag"),
    ...decreedIn(year),
  ].sort(compare);
}

/** The holidays of the years `from` through `to`, in date order. */
export function holidaysBetween(from: number, to: number): Holiday[] {
  const all: Holiday[] = [];
  for (let year = from; year <= to; year++) all.push(...holidaysOf(year));
  return all;
}

// Holidays per year, computed once: deadlines ask for the same few years many times. The cache
// holds only what `holidaysOf` derives from its argument, so the module stays pure.
const byYear = new Map<number, ReadonlyMap<string, Holiday>>();

function keyOf(date: CalendarDate): string {
  return `${date.month}-${date.day}`;
}

/** The recognised holiday on `date`, if it is one (weekends aside). */
export function holidayOn(date: CalendarDate): Holiday | undefined {
  let days = byYear.get(date.year);
  if (days === undefined) {
    days = new Map(holidaysOf(date.year).map((h) => [keyOf(h.date), h]));
    byYear.set(date.year, days);
  }
  return days.get(keyOf(date));
}

export function isHoliday(date: CalendarDate): boolean {
  return holidayOn(date) !== undefined;
}
