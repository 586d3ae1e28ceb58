import { describe, expect, it } from "vitest";
import { addDays, daysUntil, needsReminder, stepResult } from "./explanation-task.js";

const date = (text: string) => {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};

describe("steps of the explanation workflow", () => {
  it.each([
    ["to-do", "save", "draft"],
    ["approved", "save", "draft"],
    ["submitted", "save", "draft"],
    ["draft", "submit", "submitted"],
    ["returned", "submit", "submitted"],
    ["submitted", "return", "returned"],
    ["submitted", "approve", "approved"],
  ] as const)("%s, %s: %s", (state, step, next) => {
    expect(stepResult(state, step)).toBe(next);
  });

  it.each([
    ["to-do", "submit"],
    ["approved", "submit"],
    ["draft", "approve"],
    ["returned", "approve"],
    ["approved", "approve"],
    ["draft", "return"],
  ] as const)("refuses %s, %s", (state, step) => {
    expect(stepResult(state, step)).toBeUndefined();
  });
});

describe("due dates and reminders", () => {
  it("counts days across a month and a leap day", () => {
    expect(addDays(date("2025-10-31"), 14)).toEqual(date("2025-11-14"));
    expect(addDays(date("2024-02-20"), 14)).toEqual(date("2024-03-05"));
    expect(daysUntil(date("2025-11-15"), date("2025-11-14"))).toBe(-1);
  });

  it("reminds from three days before, once a day, while the owner must act", () => {
    const due = date("2025-11-14");
    expect(needsReminder("to-do", due, date("2025-11-10"), undefined)).toBe(false);
    expect(needsReminder("to-do", due, date("2025-11-11"), undefined)).toBe(true);
    expect(needsReminder("returned", due, date("2025-11-20"), date("2025-11-19"))).toBe(true);
    expect(needsReminder("draft", due, date("2025-11-12"), date("2025-11-12"))).toBe(false);
    expect(needsReminder("submitted", due, date("2025-11-12"), undefined)).toBe(false);
    expect(needsReminder("approved", due, date("2025-11-12"), undefined)).toBe(false);
  });
});
