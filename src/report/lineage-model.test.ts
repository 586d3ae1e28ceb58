/** The lineage appendix's model: which figures it lists, how it numbers the queries. */
import { describe, expect, it } from "vitest";
import { buildReport } from "../app/report.js";
import { lineageJson } from "../bundle/lineage-file.js";
import { readBundle } from "../bundle/read-bundle.js";
import {
  entry,
  lineageBundle,
  SHA_COMPLAINTS,
  SQL_COMPLAINTS,
  SQL_SERIOUS,
} from "../testing/lineage.js";

const dir = lineageBundle();
const bundle = readBundle(dir);

function appendix(period: string, language?: "nl" | "en") {
  return buildReport(bundle, period, language).model.lineage;
}

describe("the lineage appendix of jan - okt", () => {
  const model = appendix("2025-10");

  it("lists the reported period's computed figures in table order", () => {
    expect(model?.heading).toBe("Herkomst van de berekende cijfers");
    expect(model?.figures.map((f) => f.indicatorId)).toEqual([
      "klachten-ontvangen",
      "klachten-binnen-termijn",
      "klachten-ernstig",
      "tevreden",
    ]);
    expect(model?.introduction).toContain("jan - okt 2025");
  });

  it("leaves out a figure changed by hand after it was computed", () => {
    expect(model?.figures.some((f) => f.indicatorId === "vastgesteld")).toBe(false);
  });

  it("numbers each distinct query once, in the order the figures first use it", () => {
    expect(model?.queries.map((q) => [q.heading, q.sql])).toEqual([
      ["Query 1", SQL_COMPLAINTS],
      ["Query 2", SQL_SERIOUS],
      ["Query 3", expect.stringContaining("koers.survey")],
    ]);
    expect(model?.figures.map((f) => [f.query.label, f.query.columns])).toEqual([
      ["Query 1", "kolom c2"],
      ["Query 1", "teller c5, noemer c6"],
      ["Query 2", "kolom value"],
      ["Query 3", "teller c3, noemer c4"],
    ]);
    expect(model?.figures[0]?.query.anchor).toBe(model?.queries[0]?.anchor);
    expect(model?.queries[0]?.usedFor).toEqual([
      "Aantal ontvangen klachten, jan - okt",
      "Klachten binnen termijn, jan - okt",
    ]);
  });

  it("gives each figure as the table shows it, its engine, time and files with their hash", () => {
    const [first] = model?.figures ?? [];
    expect(first?.heading).toBe("Aantal ontvangen klachten, jan - okt");
    expect(first?.facts).toEqual([
      { label: "Cijfer", value: "6" },
      { label: "Berekend met", value: "DuckDB v1.5.6" },
      { label: "Berekend op", value: "5 januari 2026, 09:00 UTC" },
    ]);
    expect(first?.files).toEqual([
      {
        source: "complaints",
        file: "data/complaints.csv",
        size: "1.406 bytes",
        sha256: SHA_COMPLAINTS,
        rows: "1.208",
      },
    ]);
    expect(first?.caption).toBe("Bronnen van Aantal ontvangen klachten, jan - okt");
  });

  it("shows a source read from a table by the table's name", () => {
    const survey = model?.figures.find((f) => f.indicatorId === "tevreden");
    expect(survey?.facts[0]).toEqual({ label: "Cijfer", value: "33,33%" });
    expect(survey?.facts[1]?.value).toBe("PostgreSQL 16.4");
    expect(survey?.files).toEqual([
      { source: "survey", file: "tabel koers.survey", size: "", sha256: "", rows: "13" },
    ]);
  });

  it("speaks English in an English report", () => {
    const english = appendix("2025-10", "en");
    expect(english?.heading).toBe("Origin of the computed figures");
    expect(english?.figures[0]?.facts[2]?.value).toBe("5 January 2026, 09:00 UTC");
    expect(english?.figures[1]?.query.columns).toBe("numerator c5, denominator c6");
    expect(english?.figures[0]?.files[0]?.size).toBe("1,406 bytes");
  });
});

describe("the lineage appendix of another period", () => {
  it("holds only that period's figures, with its own query numbers", () => {
    const april = appendix("2025-04");
    expect(april?.figures.map((f) => [f.indicatorId, f.facts[0]?.value, f.query.columns])).toEqual([
      ["klachten-ontvangen", "3", "kolom c1"],
    ]);
    expect(april?.queries.map((q) => q.number)).toEqual([1]);
  });
});

describe("a report without computed figures", () => {
  it("has no appendix without lineage.json", () => {
    const plain = readBundle(lineageBundle(null));
    expect(plain.lineage).toBeUndefined();
    expect(buildReport(plain, "2025-10").model.lineage).toBeNull();
  });

  it("has no appendix when lineage.json holds only other periods' figures", () => {
    const other = readBundle(
      lineageBundle((d) => lineageJson([entry(d, "klachten-ontvangen", "2025-04", "3")])),
    );
    expect(other.lineage).toHaveLength(1);
    expect(buildReport(other, "2025-10").model.lineage).toBeNull();
  });

  it("shows a file outside the bundle by its whole path", () => {
    const outside = readBundle(
      lineageBundle((d) =>
        lineageJson([
          entry(d, "klachten-ontvangen", "2025-10", "6", {
            sources: [
              {
                name: "complaints",
                files: [
                  { path: "/srv/data/complaints.parquet", bytes: 1, modified: "", sha256: "ab" },
                ],
                rows: 1,
              },
            ],
          }),
        ]),
      ),
    );
    expect(buildReport(outside, "2025-10").model.lineage?.figures[0]?.files[0]?.file).toBe(
      "/srv/data/complaints.parquet",
    );
  });
});
