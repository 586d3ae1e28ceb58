/** Small numbers in words, as a report counts its exceptions ("de vijf prestatie-indicatoren"). Pure. */
import type { Language } from "./plan.js";

const WORDS: Record<Language, readonly string[]> = {
  nl: [
    "nul",
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
  ],
  en: [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
  ],
};

/** Numbers up to twenty in words, larger ones in digits, as Dutch and English style guides advise. */
export function numberInWords(count: number, language: Language): string {
  return WORDS[language][count] ?? String(count);
}
