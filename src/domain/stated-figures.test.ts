import { describe, expect, it } from "vitest";
import { decimalToString } from "./decimal.js";
import type { Language } from "./plan.js";
import { statedFigures } from "./stated-figures.js";

function stated(text: string, language: Language) {
  return statedFigures(text, language).map(({ value, ...figure }) => ({
    ...figure,
    value: decimalToString(value),
  }));
}

describe("statedFigures", () => {
  it.each([
    ["nl", "De vijf prestatie-indicatoren worden toegelicht.", "vijf"],
    ["en", "The five performance indicators are explained.", "five"],
    ["nl", "Er zijn 5 uitzonderingen.", "5"],
    ["en", "There are 5 exceptions.", "5"],
  ] as const)("%s counts %s", (language, text, word) => {
    expect(stated(text, language)).toMatchObject([{ kind: "count", text: word, value: "5" }]);
  });

  it.each([
    ["nl", "93,5%", "93.5"],
    ["nl", "1.417", "1417"],
    ["nl", "10 procent", "10"],
    ["en", "93.5%", "93.5"],
    ["en", "1,417", "1417"],
    ["en", "10 per cent", "10"],
  ] as const)("%s reads %s as %s", (language, written, value) => {
    expect(stated(`Het plafond van ${written} geldt.`, language)).toMatchObject([
      { kind: "target", text: written, value },
    ]);
  });

  it("tells points from percentages", () => {
    expect(stated("Dat is 2 procentpunt boven de norm van 8%.", "nl")).toMatchObject([
      { kind: "gap", unit: "points", value: "2" },
      { kind: "target", unit: "percent", value: "8" },
    ]);
  });

  it("a change: its direction and what it is measured against", () => {
    expect(stated("Het aandeel is met 1 procentpunt gedaald naar 17%.", "nl")).toMatchObject([
      { kind: "change", direction: "down", base: { previous: true } },
      { kind: "level", tie: "change", value: "17" },
    ]);
    expect(
      stated("It rose by 6 percentage points compared with the first half of 2024.", "en"),
    ).toMatchObject([
      {
        kind: "change",
        direction: "up",
        base: { measurement: "compared with the first half of 2024" },
      },
    ]);
    expect(stated("De tevredenheid steeg van 34% naar 35%.", "nl")).toMatchObject([
      { kind: "previous", value: "34" },
      { kind: "level", tie: "change", value: "35" },
    ]);
  });

  it("the first percentage leads; later ones are loose", () => {
    expect(
      stated("Van de burgers is 41% tevreden.\n\nElders is 60% tevreden.", "nl"),
    ).toMatchObject([
      { kind: "level", tie: "lead", line: 1 },
      { kind: "level", tie: "loose", line: 3 },
    ]);
  });

  it("gives the line of a sentence that runs over several lines", () => {
    const text = "Eerste regel.\nHet cijfer ligt\nmet 10% boven de\nstreefwaarde van 8%.";
    expect(stated(text, "nl")).toMatchObject([
      { kind: "level", line: 3 },
      { kind: "target", line: 4 },
    ]);
  });

  it("leaves out dates, years, amounts, article numbers, footnotes and link targets", () => {
    const text =
      "Op 1 januari 2025 en 31 dec. golden artikel 4 en € 500 [^1] ([bron](https://x.nl/2024/7)) voor 3 miljoen burgers.";
    expect(stated(text, "nl")).toEqual([]);
    expect(stated("On 1 January 2025, article 4 applied to amounts over €1,000.", "en")).toEqual(
      [],
    );
  });
});
