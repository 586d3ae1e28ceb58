import { describe, expect, it } from "vitest";
import { chartSpec, chartValues, renderChart } from "./chart.js";
import type { ChartData } from "./chart-data.js";

function chart(values: (number | null)[], overrides: Partial<ChartData> = {}): ChartData {
  return {
    language: "nl",
    title: "Ontevredenheid: realisatie per periode",
    description: "Realisatie per periode: jan - april 10% en jan - okt 10%. Streefwaarde: ≤ 8%.",
    unit: "percent",
    points: values.map((value, i) => ({ label: `P${i + 1}`, value })),
    target: { kind: "line", value: 8 },
    ...overrides,
  };
}

describe("renderChart", () => {
  it("draws an SVG that is one image, named by its title and described by its figures", async () => {
    const rendered = await renderChart(chart([10, 12.5]), "toelichting-1-grafiek");
    expect(rendered.svg).toMatch(
      /^<svg [^>]*role="img" aria-labelledby="toelichting-1-grafiek-titel toelichting-1-grafiek-beschrijving"/,
    );
    expect(rendered.svg).toContain(
      '<title id="toelichting-1-grafiek-titel">Ontevredenheid: realisatie per periode</title>',
    );
    expect(rendered.svg).toContain("Streefwaarde: ≤ 8%.</desc>");
    expect(rendered.plainSvg).toContain(">12%<");
    expect(rendered.width).toBeGreaterThan(100);
  });

  it("draws the figures of an indicator without a target", async () => {
    const rendered = await renderChart(chart([3, 5], { target: null }), "zonder-streefwaarde");
    expect(rendered.plainSvg).toMatch(/^<svg /);
  });

  it("draws each chart as if alone, when many of the same shape are drawn at once", async () => {
    const data = [11, 2200, 33.3, 0.5, 95, 7].map((v) =>
      chart([v, v * 2], { target: { kind: "line", value: v } }),
    );
    const together = await Promise.all(data.map((d, i) => renderChart(d, `g${i}`)));
    for (const [i, d] of data.entries()) {
      expect(together[i]?.plainSvg).toBe((await renderChart(d, `g${i}`)).plainSvg);
    }
    expect(new Set(together.map((c) => c.plainSvg)).size).toBe(data.length);
  });
});

describe("chartSpec and chartValues", () => {
  it("draws a time-phased target as steps and a range as a band", () => {
    const steps = chart([400, 1300], {
      unit: "count",
      target: {
        kind: "steps",
        steps: [
          { label: "P1", value: 567 },
          { label: "P2", value: 1417 },
        ],
      },
    });
    expect(chartValues(steps).target).toEqual([
      { label: "P1", value: 567 },
      { label: "P2", value: 1417 },
    ]);
    expect(JSON.stringify(chartSpec(steps))).toContain('"tick"');
    const band = chart([75], { target: { kind: "band", low: 70, high: 80 } });
    expect(chartValues(band).target).toEqual([{ low: 70, high: 80 }]);
    expect(JSON.stringify(chartSpec(band))).toContain('"rect"');
  });

  it("leaves out periods without a figure", () => {
    expect(chartValues(chart([null, 10])).points).toEqual([{ label: "P2", value: 10 }]);
  });
});
