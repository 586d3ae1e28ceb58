import { describe, expect, it } from "vitest";
import { type Decimal, decimalToString, parseDecimal } from "./decimal.js";
import { evaluatePeriod } from "./evaluate.js";
import { type Measurement, waveOfLabel } from "./history.js";
import type { Aggregation, Plan, Realisation } from "./plan.js";
import { surveyFacts } from "./trend.js";

const dec = (text: string) => parseDecimal(text) as Decimal;

function plan(unit: string, history: Measurement[], aggregation: Aggregation = "latest"): Plan {
  return {
    id: "p",
    title: "P",
    year: 2025,
    language: "nl",
    periods: [
      { id: "2025-04", label: "jan - april", until: { year: 2025, month: 4, day: 30 } },
      { id: "2025-10", label: "jan - okt", until: { year: 2025, month: 10, day: 31 } },
    ],
    nodes: [
      {
        kind: "indicator",
        id: "x",
        title: "X",
        path: ["X"],
        unit,
        target: { kind: "none" },
        assess: "every-period",
        aggregation,
      },
    ],
    history,
  };
}

function wave(label: string, value: string, sampleSize?: number): Measurement {
  const known = waveOfLabel(label);
  if (!known) throw new Error(label);
  return {
    indicatorId: "x",
    ...known,
    wave: label,
    value: dec(value),
    ...(sampleSize ? { sampleSize } : {}),
  };
}

function row(periodId: string, value: string, sampleSize?: number): Realisation {
  return {
    indicatorId: "x",
    periodId,
    value: { kind: "number", value: dec(value) },
    ...(sampleSize ? { sampleSize } : {}),
  };
}

function trend(p: Plan, realisations: Realisation[], periodId = "2025-10") {
  const judgement = evaluatePeriod(p, realisations, periodId).judgements[0];
  if (!judgement) throw new Error("no judgement");
  return surveyFacts(p, realisations, judgement).trend;
}

describe("trend sentences", () => {
  it("states a fall in percentage points against the named wave", () => {
    const t = trend(plan("percent", [wave("Q2 2024", "44")]), [row("2025-10", "41")]);
    expect(t?.sentence).toEqual({
      nl: "3 procentpunt lager dan de meting van het tweede kwartaal van 2024",
      en: "3 percentage points lower than the measurement of the second quarter of 2024",
    });
    expect(t && decimalToString(t.change)).toBe("-3");
    expect(t?.unit).toBe("percentage-points");
  });

  it("states a rise, in the singular for one point", () => {
    const t = trend(plan("percent", [wave("H1 2024", "34")]), [row("2025-10", "35")]);
    expect(t?.sentence).toEqual({
      nl: "1 procentpunt hoger dan de meting van de eerste helft van 2024",
      en: "1 percentage point higher than the measurement of the first half of 2024",
    });
  });

  it("compares with the plan's own earlier period first", () => {
    const t = trend(plan("percent", [wave("Q2 2024", "20")]), [
      row("2025-04", "18"),
      row("2025-10", "17.5"),
    ]);
    expect(t?.sentence.nl).toBe("0,5 procentpunt lager dan de meting van jan - april 2025");
    expect(t?.sentence.en).toBe(
      "0.5 percentage points lower than the measurement of jan - april 2025",
    );
  });

  it("counts several equal waves in words", () => {
    const history = [wave("Q4 2024", "10"), wave("Q3 2024", "10"), wave("Q2 2024", "9")];
    const t = trend(plan("percent", history), [row("2025-04", "10"), row("2025-10", "10")]);
    expect(t?.sentence).toEqual({
      nl: "gelijk aan de drie voorgaande metingen",
      en: "equal to the three previous measurements",
    });
    expect(t?.equalWaves).toBe(3);
  });

  it("names the one equal measurement", () => {
    const t = trend(plan("percent", [wave("Q2 2024", "10"), wave("Q1 2024", "12")]), [
      row("2025-10", "10"),
    ]);
    expect(t?.sentence.nl).toBe("gelijk aan de meting van het tweede kwartaal van 2024");
    expect(t?.sentence.en).toBe("equal to the measurement of the second quarter of 2024");
  });

  it("writes a number's change as a plain number in the language's notation", () => {
    const counts = plan("number", []);
    const u = trend(counts, [row("2025-04", "1200"), row("2025-10", "3450")]);
    expect(u?.sentence).toEqual({
      nl: "2.250 hoger dan de meting van jan - april 2025",
      en: "2,250 higher than the measurement of jan - april 2025",
    });
    expect(u?.unit).toBe("number");
  });

  it("compares a cumulative count only with the same day of an earlier year", () => {
    const lastYear: Measurement = {
      indicatorId: "x",
      date: { year: 2024, month: 10, day: 31 },
      name: { kind: "period", label: "jan - okt", year: 2024 },
      wave: "jan - okt 2024",
      value: dec("1300"),
    };
    const t = trend(plan("count", [lastYear], "sum"), [
      row("2025-04", "434"),
      row("2025-10", "1266"),
    ]);
    expect(t?.sentence.nl).toBe("34 lager dan de meting van jan - okt 2024");
    expect(trend(plan("count", [], "sum"), [row("2025-04", "434"), row("2025-10", "1266")])).toBe(
      undefined,
    );
  });

  it("gives no sentence for a first measurement", () => {
    expect(trend(plan("percent", []), [row("2025-10", "41")])).toBeUndefined();
    expect(
      trend(plan("percent", [wave("Q2 2024", "44")]), [row("2025-04", "41")], "2025-04"),
    ).toBeDefined();
    expect(
      trend(plan("percent", [wave("Q2 2025", "44")]), [row("2025-04", "41")], "2025-04"),
    ).toBeUndefined();
  });

  it("calls a change within the figure's margin not significant", () => {
    const t = trend(plan("percent", [wave("Q2 2024", "42")]), [row("2025-10", "41", 500)]);
    expect(t?.significant).toBe(false);
    expect(t?.sentence.nl).toBe(
      "1 procentpunt lager dan de meting van het tweede kwartaal van 2024 (niet significant)",
    );
    expect(t?.sentence.en).toMatch(/\(not significant\)$/);
    const big = trend(plan("percent", [wave("Q2 2024", "50")]), [row("2025-10", "41", 2000)]);
    expect(big?.significant).toBe(true);
    expect(big?.sentence.nl).toBe(
      "9 procentpunt lager dan de meting van het tweede kwartaal van 2024",
    );
  });
});
