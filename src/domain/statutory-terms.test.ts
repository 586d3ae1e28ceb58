import { describe, expect, it } from "vitest";
import { parseIsoDate } from "./calendar.js";
import { isoDate } from "./format.js";
import type { CalendarDate } from "./plan.js";
import {
  complaintDeadline,
  nextWorkingDay,
  objectionDeadline,
  objectionPeriodEnd,
  type TermOutcome,
} from "./statutory-terms.js";

function date(text: string): CalendarDate {
  const parsed = parseIsoDate(text);
  if (!parsed) throw new Error(`bad date ${text}`);
  return parsed;
}

function kinds(outcome: TermOutcome): string[] {
  return outcome.steps.map((s) => `${s.kind} ${isoDate(s.date)}`);
}

// Every expected date below was counted by hand on a calendar: "+42" is six weeks, landing on the
// same weekday; the weekday and holiday of each end are named in the comment.

describe("nextWorkingDay (Atw art. 1)", () => {
  it.each([
    ["2025-04-02", "2025-04-02"], // a Wednesday: itself
    ["2024-07-13", "2024-07-15"], // Saturday → Monday
    ["2025-04-26", "2025-04-28"], // Koningsdag 2025, a Saturday → Monday
    ["2026-04-27", "2026-04-28"], // Koningsdag 2026, a Monday → Tuesday
    ["2024-05-09", "2024-05-13"], // Hemelvaartsdag, the decreed Friday 10 May, weekend → Monday
    ["2026-04-03", "2026-04-07"], // Goede Vrijdag, weekend, Tweede Paasdag → Tuesday
    ["2025-12-25", "2025-12-29"], // Christmas Thursday and Friday, weekend → Monday
    ["2026-01-01", "2026-01-05"], // Nieuwjaarsdag Thursday, decreed 2 January, weekend → Monday
    ["2024-12-26", "2024-12-30"], // Tweede Kerstdag, decreed 27 December, weekend → Monday
  ])("%s → %s", (from, expected) => {
    expect(isoDate(nextWorkingDay(date(from)))).toBe(expected);
  });
});

describe("objectionDeadline (Awb art. 7:10)", () => {
  it("six weeks after a six-week objection period", () => {
    // Wed 8 Jan 2025 + 42 = Wed 19 Feb (period end) + 42 = Wed 2 Apr 2025.
    const outcome = objectionDeadline({
      madeKnownOn: date("2025-01-08"),
      advisoryCommittee: false,
    });
    expect(isoDate(outcome.deadline)).toBe("2025-04-02");
    expect(kinds(outcome)).toEqual([
      "start 2025-01-08",
      "objection-period 2025-02-19",
      "term 2025-04-02",
    ]);
    expect(outcome.problems).toEqual([]);
  });

  it("rolls an objection period that ends on a Saturday before the decision term starts", () => {
    // Sat 1 Mar 2025 + 42 = Sat 12 Apr → Mon 14 Apr; + 42 = Mon 26 May 2025.
    expect(isoDate(objectionPeriodEnd(date("2025-03-01")))).toBe("2025-04-14");
    const outcome = objectionDeadline({
      madeKnownOn: date("2025-03-01"),
      advisoryCommittee: false,
    });
    expect(isoDate(outcome.deadline)).toBe("2025-05-26");
    expect(kinds(outcome)).toContain("atw-roll 2025-04-14");
  });

  it("a term ending on Koningsdag runs to the next day", () => {
    // Mon 2 Feb 2026 + 42 = Mon 16 Mar + 42 = Mon 27 Apr 2026, Koningsdag → Tue 28 Apr.
    const outcome = objectionDeadline({
      madeKnownOn: date("2026-02-02"),
      advisoryCommittee: false,
    });
    expect(isoDate(outcome.deadline)).toBe("2026-04-28");
    expect(outcome.steps.at(-1)?.note).toContain("Koningsdag");
  });

  it("a term ending on Christmas runs past both days and the weekend", () => {
    // Thu 2 Oct 2025 + 42 = Thu 13 Nov + 42 = Thu 25 Dec 2025 → Fri 26 (holiday) → Mon 29 Dec.
    const outcome = objectionDeadline({
      madeKnownOn: date("2025-10-02"),
      advisoryCommittee: false,
    });
    expect(isoDate(outcome.deadline)).toBe("2025-12-29");
  });

  it("a term ending at the turn of the year runs past the decreed 27 December into the next week", () => {
    // Thu 3 Oct 2024 + 42 = Thu 14 Nov + 42 = Thu 26 Dec 2024 (Tweede Kerstdag) → Fri 27
    // (decreed) → weekend → Mon 30 Dec 2024.
    const outcome = objectionDeadline({
      madeKnownOn: date("2024-10-03"),
      advisoryCommittee: false,
    });
    expect(isoDate(outcome.deadline)).toBe("2024-12-30");
  });

  it("twelve weeks with an advisory committee", () => {
    // Wed 8 Jan 2025 → Wed 19 Feb + 84 (9 + 31 + 30 + 14) = Wed 14 May 2025.
    const outcome = objectionDeadline({ madeKnownOn: date("2025-01-08"), advisoryCommittee: true });
    expect(isoDate(outcome.deadline)).toBe("2025-05-14");
    expect(outcome.steps.find((s) => s.kind === "term")?.source).toContain("7:13");
  });

  it("a twelve-week term is not longer than twelve weeks, so the Atw still rolls it", () => {
    // Thu 21 Aug 2025 + 42 = Thu 2 Oct + 84 (29 + 30 + 25) = Thu 25 Dec 2025 → Mon 29 Dec.
    const outcome = objectionDeadline({ madeKnownOn: date("2025-08-21"), advisoryCommittee: true });
    expect(isoDate(outcome.deadline)).toBe("2025-12-29");
  });

  it("is suspended by the days the objector took to repair a defect", () => {
    // Wed 2 Apr 2025 + 10 = Sat 12 Apr → Mon 14 Apr 2025.
    const outcome = objectionDeadline({
      madeKnownOn: date("2025-01-08"),
      advisoryCommittee: false,
      defectDays: 10,
    });
    expect(isoDate(outcome.deadline)).toBe("2025-04-14");
    expect(kinds(outcome)).toEqual([
      "start 2025-01-08",
      "objection-period 2025-02-19",
      "term 2025-04-02",
      "suspension 2025-04-12",
      "atw-roll 2025-04-14",
    ]);
  });

  it("a suspension that ends on Goede Vrijdag runs past Easter Monday", () => {
    // Wed 2 Apr 2025 + 16 = Fri 18 Apr (Goede Vrijdag) → weekend → Mon 21 (Tweede Paasdag) → Tue 22.
    const outcome = objectionDeadline({
      madeKnownOn: date("2025-01-08"),
      advisoryCommittee: false,
      defectDays: 16,
    });
    expect(isoDate(outcome.deadline)).toBe("2025-04-22");
  });

  it("a postponement of six weeks is lawful and the date recorded is the deadline", () => {
    // Wed 2 Apr 2025 + 42 = Wed 14 May 2025; the term is then 6 + 6 = 12 weeks: the Atw applies.
    const outcome = objectionDeadline({
      madeKnownOn: date("2025-01-08"),
      advisoryCommittee: false,
      postponedTo: date("2025-05-14"),
    });
    expect(isoDate(outcome.deadline)).toBe("2025-05-14");
    expect(outcome.problems).toEqual([]);
  });

  it("a postponed term of at most twelve weeks ending on a holiday is rolled", () => {
    // Postponed 19 days to Mon 21 Apr 2025 (Tweede Paasdag): 42 + 19 = 61 days → Tue 22 Apr.
    const outcome = objectionDeadline({
      madeKnownOn: date("2025-01-08"),
      advisoryCommittee: false,
      postponedTo: date("2025-04-21"),
    });
    expect(isoDate(outcome.deadline)).toBe("2025-04-22");
  });

  it("a term of exactly twelve weeks after postponement is still rolled", () => {
    // Thu 23 Jan 2025 + 42 = Thu 6 Mar + 42 = Thu 17 Apr 2025; postponed 42 days to Thu 29 May
    // (Hemelvaartsdag): 42 + 42 = 84 days, not more than twelve weeks → Fri 30 May (decreed) →
    // weekend → Mon 2 Jun 2025.
    const outcome = objectionDeadline({
      madeKnownOn: date("2025-01-23"),
      advisoryCommittee: false,
      postponedTo: date("2025-05-29"),
    });
    expect(isoDate(outcome.deadline)).toBe("2025-06-02");
    expect(outcome.postponedByDays).toBe(42);
    expect(outcome.problems).toEqual([]);
  });

  it("a postponed term longer than twelve weeks is not rolled (Atw art. 4)", () => {
    // Committee: Wed 14 May 2025, postponed 17 days to Sat 31 May: 84 + 17 = 101 days > 84.
    const outcome = objectionDeadline({
      madeKnownOn: date("2025-01-08"),
      advisoryCommittee: true,
      postponedTo: date("2025-05-31"),
    });
    expect(isoDate(outcome.deadline)).toBe("2025-05-31");
    expect(outcome.steps.at(-1)).toMatchObject({
      kind: "atw-excluded",
      source: "Atw art. 4 onder a",
    });
    expect(outcome.problems).toEqual([]);
  });

  it("reports a postponement beyond six weeks without a ground of lid 4", () => {
    // Wed 2 Apr 2025 + 49 = Wed 21 May 2025: seven weeks.
    const objection = {
      madeKnownOn: date("2025-01-08"),
      advisoryCommittee: false,
      postponedTo: date("2025-05-21"),
    };
    const outcome = objectionDeadline(objection);
    expect(isoDate(outcome.deadline)).toBe("2025-05-21");
    expect(outcome.problems).toEqual([
      "postponed by 49 days, more than the 6 weeks of Awb art. 7:10 lid 3, without a ground of Awb art. 7:10 lid 4",
    ]);
    expect(objectionDeadline({ ...objection, furtherDelayAllowed: true }).problems).toEqual([]);
  });

  it("reports a postponement to a date before the deadline", () => {
    const outcome = objectionDeadline({
      madeKnownOn: date("2025-01-08"),
      advisoryCommittee: false,
      postponedTo: date("2025-03-01"),
    });
    expect(outcome.problems[0]).toContain("not after the deadline 2025-04-02");
  });

  it("refuses defect days that are not a whole number of at least 0", () => {
    const base = { madeKnownOn: date("2025-01-08"), advisoryCommittee: false };
    expect(() => objectionDeadline({ ...base, defectDays: -1 })).toThrow(RangeError);
    expect(() => objectionDeadline({ ...base, defectDays: 1.5 })).toThrow(RangeError);
  });
});

describe("complaintDeadline (Awb art. 9:11)", () => {
  it("six weeks from the day after receipt", () => {
    // Wed 8 Jan 2025 + 42 = Wed 19 Feb 2025.
    const outcome = complaintDeadline({ receivedOn: date("2025-01-08"), committee: false });
    expect(isoDate(outcome.deadline)).toBe("2025-02-19");
  });

  it("a term ending on a Saturday runs to Monday", () => {
    // Sat 1 Jun 2024 + 42 = Sat 13 Jul → Mon 15 Jul 2024.
    const outcome = complaintDeadline({ receivedOn: date("2024-06-01"), committee: false });
    expect(isoDate(outcome.deadline)).toBe("2024-07-15");
  });

  it("a term ending on Koningsdag 2025, a Saturday, runs to Monday", () => {
    // Sat 15 Mar 2025 + 42 = Sat 26 Apr 2025 (Koningsdag) → Mon 28 Apr.
    const outcome = complaintDeadline({ receivedOn: date("2025-03-15"), committee: false });
    expect(isoDate(outcome.deadline)).toBe("2025-04-28");
    expect(outcome.steps.at(-1)?.note).toContain("Koningsdag");
  });

  it("a term ending on Koningsdag 2026, a Monday, runs to Tuesday", () => {
    // Mon 16 Mar 2026 + 42 = Mon 27 Apr 2026 → Tue 28 Apr.
    const outcome = complaintDeadline({ receivedOn: date("2026-03-16"), committee: false });
    expect(isoDate(outcome.deadline)).toBe("2026-04-28");
  });

  it("a term ending on Nieuwjaarsdag runs past the decreed 2 January", () => {
    // Thu 20 Nov 2025 + 42 = Thu 1 Jan 2026 → Fri 2 (decreed) → weekend → Mon 5 Jan 2026.
    const outcome = complaintDeadline({ receivedOn: date("2025-11-20"), committee: false });
    expect(isoDate(outcome.deadline)).toBe("2026-01-05");
  });

  it("ten weeks with a committee, across New Year", () => {
    // Thu 23 Oct 2025 + 70 (8 + 30 + 31 + 1) = Thu 1 Jan 2026 → Mon 5 Jan 2026.
    const outcome = complaintDeadline({ receivedOn: date("2025-10-23"), committee: true });
    expect(isoDate(outcome.deadline)).toBe("2026-01-05");
  });

  it("a postponement of four weeks is lawful", () => {
    // Wed 19 Feb 2025 + 28 = Wed 19 Mar 2025; 6 + 4 = 10 weeks.
    const outcome = complaintDeadline({
      receivedOn: date("2025-01-08"),
      committee: false,
      postponedTo: date("2025-03-19"),
    });
    expect(isoDate(outcome.deadline)).toBe("2025-03-19");
    expect(outcome.problems).toEqual([]);
  });

  it("reports a postponement beyond four weeks without the complainant's consent", () => {
    // Wed 19 Feb 2025 + 35 = Wed 26 Mar 2025: five weeks.
    const complaint = {
      receivedOn: date("2025-01-08"),
      committee: false,
      postponedTo: date("2025-03-26"),
    };
    expect(complaintDeadline(complaint).problems).toEqual([
      "postponed by 35 days, more than the 4 weeks of Awb art. 9:11 lid 2, without a ground of Awb art. 9:11 lid 3",
    ]);
    expect(complaintDeadline({ ...complaint, furtherDelayAllowed: true }).problems).toEqual([]);
  });

  it("a postponed committee term longer than twelve weeks is not rolled", () => {
    // Wed 8 Jan 2025 + 70 = Wed 19 Mar; postponed 24 days to Sat 12 Apr: 70 + 24 = 94 > 84.
    const outcome = complaintDeadline({
      receivedOn: date("2025-01-08"),
      committee: true,
      postponedTo: date("2025-04-12"),
    });
    expect(isoDate(outcome.deadline)).toBe("2025-04-12");
    expect(outcome.problems).toEqual([]);
  });
});
