import { describe, expect, it } from "vitest";
import { parseIsoDate } from "./calendar.js";
import {
  DECREED_DAYS,
  easterSunday,
  holidayOn,
  holidaysBetween,
  holidaysOf,
  isHoliday,
  isoWeekday,
} from "./dutch-holidays.js";
import { addDays } from "./explanation-task.js";
import { isoDate } from "./format.js";
import type { CalendarDate } from "./plan.js";

function date(text: string): CalendarDate {
  const parsed = parseIsoDate(text);
  if (!parsed) throw new Error(`bad date ${text}`);
  return parsed;
}

function listed(year: number): string[] {
  return holidaysOf(year).map((h) => `${isoDate(h.date)} ${h.name}`);
}

describe("easterSunday (anonymous Gregorian algorithm)", () => {
  it.each([
    // The brief's dates, and Easter tables for the rest (2008 and 2038 are the earliest and the
    // latest of this century's range; 1818 the earliest date possible, 22 March).
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
    [2019, "2019-04-21"],
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2038, "2038-04-25"],
    [1818, "1818-03-22"],
  ])("%i: %s", (year, expected) => {
    expect(isoDate(easterSunday(year))).toBe(expected);
  });

  it("always falls on a Sunday between 22 March and 25 April", () => {
    for (let year = 1900; year <= 2200; year++) {
      const easter = easterSunday(year);
      expect(isoWeekday(easter)).toBe(7);
      const monthDay = easter.month * 100 + easter.day;
      expect(monthDay).toBeGreaterThanOrEqual(322);
      expect(monthDay).toBeLessThanOrEqual(425);
    }
  });
});

describe("holidaysOf", () => {
  // Hand-checked: Easter + (−2, +1, +39, +50) for Goede Vrijdag, Tweede Paasdag, Hemelvaartsdag,
  // Tweede Pinksterdag; 27 April 2024 is a Saturday and stays; 27 April 2025 is a Sunday, so
  // Koningsdag is Saturday 26 April; decreed days from the decrees' titles.
  it("2024", () => {
    expect(listed(2024)).toEqual([
      "2024-01-01 Nieuwjaarsdag",
      "2024-03-29 Goede Vrijdag",
      "2024-04-01 Tweede Paasdag",
      "2024-04-27 Koningsdag",
      "2024-05-05 5 mei",
      "2024-05-09 Hemelvaartsdag",
      "2024-05-10 vrijdag na Hemelvaartsdag",
      "2024-05-20 Tweede Pinksterdag",
      "2024-12-25 Eerste Kerstdag",
      "2024-12-26 Tweede Kerstdag",
      "2024-12-27 vrijdag na Tweede Kerstdag",
    ]);
  });

  it("2025, with Koningsdag on Saturday 26 April", () => {
    expect(listed(2025)).toEqual([
      "2025-01-01 Nieuwjaarsdag",
      "2025-04-18 Goede Vrijdag",
      "2025-04-21 Tweede Paasdag",
      "2025-04-26 Koningsdag",
      "2025-05-05 5 mei",
      "2025-05-29 Hemelvaartsdag",
      "2025-05-30 vrijdag na Hemelvaartsdag",
      "2025-06-09 Tweede Pinksterdag",
      "2025-12-25 Eerste Kerstdag",
      "2025-12-26 Tweede Kerstdag",
    ]);
  });

  it("2026", () => {
    expect(listed(2026)).toEqual([
      "2026-01-01 Nieuwjaarsdag",
      "2026-01-02 vrijdag na Nieuwjaarsdag",
      "2026-04-03 Goede Vrijdag",
      "2026-04-06 Tweede Paasdag",
      "2026-04-27 Koningsdag",
      "2026-05-05 5 mei",
      "2026-05-14 Hemelvaartsdag",
      "2026-05-15 vrijdag na Hemelvaartsdag",
      "2026-05-25 Tweede Pinksterdag",
      "2026-12-25 Eerste Kerstdag",
      "2026-12-26 Tweede Kerstdag",
    ]);
  });

  it("names the Atw as the source of Goede Vrijdag, not a decree", () => {
    const goodFriday = holidayOn(date("2025-04-18"));
    expect(goodFriday?.source).toEqual({
      regulation: "Algemene termijnenwet",
      article: "art. 3 lid 2",
    });
  });

  it("celebrates the Queen's birthday before 2014, on Saturday 29 April when the 30th is a Sunday", () => {
    expect(listed(2006)).toContain("2006-04-29 Koninginnedag");
    expect(listed(2013)).toContain("2013-04-30 Koninginnedag");
  });

  it("refuses a year before the Gregorian calendar", () => {
    expect(() => holidaysOf(1500)).toThrow(RangeError);
  });
});

describe("the decreed days", () => {
  it("are real dates on a weekday that is no holiday of the Atw itself, each with a decree", () => {
    for (const day of DECREED_DAYS) {
      const parsed = date(day.date);
      expect(isoWeekday(parsed)).toBeLessThan(6);
      const same = holidaysOf(parsed.year).filter((h) => isoDate(h.date) === day.date);
      expect(same).toHaveLength(1);
      expect(day.source.regulation).toMatch(/^Besluit gelijkstelling van .* met een algemeen/);
      expect(day.source.regulation).toContain(String(parsed.year));
    }
  });

  it("leave at most nine days in a row without a working day, so the SQL's window of 15 suffices", () => {
    let longest = 0;
    let run = 0;
    for (let day = date("2015-01-01"); day.year <= 2035; day = addDays(day, 1)) {
      run = isoWeekday(day) >= 6 || isHoliday(day) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(longest).toBeLessThanOrEqual(9);
  });
});

describe("holidaysBetween", () => {
  it("lists the years in order", () => {
    const days = holidaysBetween(2024, 2026).map((h) => isoDate(h.date));
    expect(days).toHaveLength(32);
    expect([...days].sort()).toEqual(days);
  });
});
