import { describe, expect, it } from "vitest";
import { figure, indicator, planOf } from "../testing/plans.js";
import { judgeFigures, textFacts } from "./consistency.js";
import { evaluatePeriod } from "./evaluate.js";
import type { Language, Plan } from "./plan.js";
import { statedFigures } from "./stated-figures.js";
import { parseThreshold, type Target } from "./target.js";

function fixed(text: string): Target {
  const result = parseThreshold(text, undefined);
  if ("error" in result) throw new Error(result.error);
  return { kind: "fixed", threshold: result.ok.threshold };
}

function phased(steps: Record<string, string>): Target {
  return {
    kind: "phased",
    steps: Object.entries(steps).map(([periodId, text]) => {
      const result = parseThreshold(text, undefined);
      if ("error" in result) throw new Error(result.error);
      return { periodId, threshold: result.ok.threshold };
    }),
  };
}

/** In 2025-10: three exceptions (ontevreden, terug, tevreden) among five indicators. */
function plan(language: Language): Plan {
  return {
    ...planOf([
      indicator({ id: "ontevreden", target: fixed("<= 8%") }),
      indicator({ id: "voortgang", target: fixed(">= 92%"), assess: "year-end" }),
      indicator({ id: "terug", decimals: 1, target: fixed(">= 94%") }),
      indicator({
        id: "klachten",
        unit: "count",
        target: phased({ "2025-04": "<= 567", "2025-10": "<= 1417" }),
      }),
      indicator({ id: "tevreden", target: fixed(">= 55%") }),
    ]),
    language,
  };
}

const REALISATIONS = [
  figure("ontevreden", "2025-04", "11"),
  figure("ontevreden", "2025-10", "10"),
  figure("voortgang", "2025-10", "90.5"),
  figure("terug", "2025-10", "93.46"),
  figure("klachten", "2025-04", "434"),
  figure("klachten", "2025-10", "1266"),
  figure("tevreden", "2025-10", "41"),
];

/** [verdict, figure as written] for every figure the text ties to the data. */
function check(text: string, language: Language, subject?: string): [string, string][] {
  const p = plan(language);
  const april = evaluatePeriod(p, REALISATIONS, "2025-04");
  const october = evaluatePeriod(p, REALISATIONS, "2025-10");
  const facts = textFacts(october, april, subject);
  return judgeFigures(statedFigures(text, language), facts).map((f) => [f.verdict, f.stated]);
}

const verdicts = (text: string, language: Language, subject?: string) =>
  check(text, language, subject).map(([verdict]) => verdict);

describe("number forms", () => {
  it.each([
    ["nl", "Van de burgers is 10% het oneens."],
    ["nl", "Van de burgers is 10 procent het oneens."],
    ["en", "Of the citizens, 10% disagree."],
    ["en", "Of the citizens, 10 percent disagree."],
    ["en", "Of the citizens, 10 per cent disagree."],
  ] as const)("%s: %s", (language, text) => {
    expect(check(text, language, "ontevreden")).toEqual([
      ["consistent", text.match(/10[^ ]*(?: p[a-z ]*cent)?/)?.[0]],
    ]);
    expect(verdicts(text.replace("10", "12"), language, "ontevreden")).toEqual(["mismatch"]);
  });

  it("a decimal comma in Dutch, a decimal point in English", () => {
    expect(check("Met 93,5% blijft het onder de streefwaarde.", "nl", "terug")).toEqual([
      ["consistent", "93,5%"],
    ]);
    expect(check("At 93.5% it stays below the target.", "en", "terug")).toEqual([
      ["consistent", "93.5%"],
    ]);
    expect(verdicts("Met 93,6% blijft het onder de streefwaarde.", "nl", "terug")).toEqual([
      "mismatch",
    ]);
  });

  it("a thousands point in Dutch, a thousands comma in English", () => {
    expect(
      check("Met 1.266 klachten blijft het aantal onder het plafond van 1.417.", "nl", "klachten"),
    ).toEqual([
      ["consistent", "1.266"],
      ["consistent", "1.417"],
    ]);
    expect(
      check("With 1,266 complaints the count stays below the ceiling of 1,417.", "en", "klachten"),
    ).toEqual([
      ["consistent", "1,266"],
      ["consistent", "1,417"],
    ]);
    expect(
      verdicts(
        "Met 1.366 klachten blijft het aantal onder het plafond van 1.417.",
        "nl",
        "klachten",
      ),
    ).toEqual(["mismatch", "consistent"]);
  });

  it("a count in words: drie, three; the total may be counted too", () => {
    const nl =
      "Hieronder worden de drie prestatie-indicatoren toegelicht die niet zijn gerealiseerd.";
    expect(check(nl, "nl")).toEqual([["consistent", "drie"]]);
    expect(check(nl.replace("drie", "vier"), "nl")).toEqual([["mismatch", "vier"]]);
    const en =
      "The three performance indicators that did not meet their target are explained below.";
    expect(check(en, "en")).toEqual([["consistent", "three"]]);
    expect(check(en.replace("three", "four"), "en")).toEqual([["mismatch", "four"]]);
    expect(check("Stand van de 5 prestatie-indicatoren: 3 niet gerealiseerd.", "nl")).toEqual([
      ["consistent", "5"],
    ]);
  });
});

describe("sentences of the kinds an exception report writes", () => {
  it("a level beside its target states the level, not a gap", () => {
    const nl = "De mate van onvrede ligt met 10% boven de streefwaarde van 8%.";
    expect(check(nl, "nl", "ontevreden")).toEqual([
      ["consistent", "10%"],
      ["consistent", "8%"],
    ]);
    expect(verdicts(nl.replace("10%", "2%"), "nl", "ontevreden")).toEqual([
      "mismatch",
      "consistent",
    ]);
    const en = "Dissatisfaction stands at 10%, above the target of 8%.";
    expect(verdicts(en, "en", "ontevreden")).toEqual(["consistent", "consistent"]);
    expect(verdicts(en.replace("8%", "7%"), "en", "ontevreden")).toEqual([
      "consistent",
      "mismatch",
    ]);
  });

  it("a gap to the target in points", () => {
    expect(check("Dat is 2 procentpunt boven de norm van 8%.", "nl", "ontevreden")).toEqual([
      ["consistent", "2 procentpunt"],
      ["consistent", "8%"],
    ]);
    expect(check("That is 0.5 percentage points below the target.", "en", "terug")).toEqual([
      ["consistent", "0.5 percentage points"],
    ]);
    expect(verdicts("Dat is 3 procentpunt boven de norm van 8%.", "nl", "ontevreden")).toEqual([
      "mismatch",
      "consistent",
    ]);
  });

  it("a figure at lower precision than the data", () => {
    expect(check("Inmiddels is 90% definitief vastgesteld.", "nl", "voortgang")).toEqual([
      ["consistent", "90%"],
    ]);
    expect(check("So far 91% has been settled.", "en", "voortgang")).toEqual([
      ["consistent", "91%"],
    ]);
    expect(verdicts("Inmiddels is 89% definitief vastgesteld.", "nl", "voortgang")).toEqual([
      "mismatch",
    ]);
  });

  it("a change against the previous period", () => {
    const nl = "Het aandeel is met 1 procentpunt gedaald naar 10%.";
    expect(check(nl, "nl", "ontevreden")).toEqual([
      ["consistent", "1 procentpunt"],
      ["consistent", "10%"],
    ]);
    expect(verdicts(nl.replace("1 procentpunt", "2 procentpunt"), "nl", "ontevreden")).toEqual([
      "mismatch",
      "consistent",
    ]);
    expect(verdicts(nl.replace("gedaald", "gestegen"), "nl", "ontevreden")).toEqual([
      "mismatch",
      "consistent",
    ]);
    expect(check("It went from 11% to 10%.", "en", "ontevreden")).toEqual([
      ["consistent", "11%"],
      ["consistent", "10%"],
    ]);
    expect(verdicts("Het ging van 12% naar 10%.", "nl", "ontevreden")).toEqual([
      "mismatch",
      "consistent",
    ]);
  });

  it("a change against a measurement not in the data is unverifiable, not a mismatch", () => {
    expect(
      verdicts(
        "Het is 6 procentpunt hoger dan in de meting over de eerste helft van 2024.",
        "nl",
        "tevreden",
      ),
    ).toEqual(["unverifiable"]);
    expect(
      verdicts(
        "It is 6 percentage points higher than in the first half of 2024.",
        "en",
        "tevreden",
      ),
    ).toEqual(["unverifiable"]);
    expect(verdicts("Het steeg van 38% naar 41%.", "nl", "tevreden")).toEqual([
      "unverifiable",
      "consistent",
    ]);
  });

  it("a heading's figure, with the line it stands on", () => {
    const text = "## Ontevredenheid\n\nToelichting.\n\n### Burgerbelofte 1 (ontevredenheid 12%)\n";
    const [finding] = judgeFigures(
      statedFigures(text, "nl"),
      textFacts(evaluatePeriod(plan("nl"), REALISATIONS, "2025-10"), undefined, "ontevreden"),
    );
    expect(finding).toMatchObject({ line: 5, verdict: "mismatch", kind: "level" });
  });
});

describe("no false alarms", () => {
  it("dates, years, amounts, article and promise numbers, other counts", () => {
    const text = [
      "Van de burgers is 10% het oneens met burgerbelofte 1.",
      "Sinds 1 januari 2025 zijn bijna 50.000 wijzigingen verwerkt, op grond van artikel 4.",
      "Het gaat om bedragen boven € 500 (bij kinderopvangtoeslag € 1.000).",
      "Het cijfer is gelijk aan de drie voorgaande metingen; in 2023 was het 12%.",
    ].join("\n");
    expect(verdicts(text, "nl", "ontevreden")).toEqual(["consistent"]);
  });

  it("a section states no level: its percentages are about other things", () => {
    expect(check("De grens ligt nu rond 3%, waar die eerder rond 4% lag.", "nl")).toEqual([]);
  });

  it("a subset of the indicators is not a count of the exceptions", () => {
    expect(check("Twee van de prestatie-indicatoren gaan over klachten.", "nl")).toEqual([]);
    expect(check("Two of the indicators concern complaints.", "en")).toEqual([]);
  });
});
