import { describe, expect, it } from "vitest";
import { buildReport } from "../app/report.js";
import { parseCsv } from "../bundle/csv.js";
import { readBundle } from "../bundle/read-bundle.js";
import { OPEN_DATA_COLUMNS, renderOpenData } from "./open-data.js";

const bundle = readBundle("examples/toeslagen-2025");

describe("the open data of the example's jan - okt report", () => {
  const csv = renderOpenData(buildReport(bundle, "2025-10").model);
  const [header, ...rows] = parseCsv(csv, ",").map((r) => r.cells);
  const byKey = new Map(
    rows.map((r) => [
      `${r[5]}/${r[1]}`,
      Object.fromEntries(OPEN_DATA_COLUMNS.map((c, i) => [c, r[i]])),
    ]),
  );

  it("has a header and one row per indicator and period", () => {
    expect(header).toEqual([...OPEN_DATA_COLUMNS]);
    expect(rows).toHaveLength(21 * 2);
    expect(rows.every((r) => r.length === OPEN_DATA_COLUMNS.length)).toBe(true);
  });

  it("gives figures as recorded with a decimal point, and the status and note of each period", () => {
    expect(byKey.get("geen-terugvordering/2025-04")).toMatchObject({
      plan: "toeslagen-2025",
      period_label: "jan - april",
      period_until: "2025-04-30",
      group_path: "Dienstverlening",
      unit: "percent",
      target: "≥ 94%",
      value: "92.9",
      value_shown: "92,9%",
      status: "not-met",
      note: "5",
    });
    expect(byKey.get("klachten-ontvangen/2025-10")).toMatchObject({
      target: "≤ 1.417",
      value: "1266",
      status: "met",
      note: "",
    });
    expect(byKey.get("rechtmatige-toekenning/2025-10")).toMatchObject({
      value: "",
      value_shown: "n.v.t.",
      status: "pending",
    });
    expect(byKey.get("burgerbelofte-1-ontevreden/2025-10")).toMatchObject({
      group_path:
        "Beleving van burgers > Burgerbelofte 1: Bij Dienst Toeslagen krijg je waar je recht op hebt",
      source: "Toeslagenmonitor Q2 2025",
      note: "1",
    });
  });

  it("quotes fields that hold a comma, a quote or a line break", () => {
    const { model } = buildReport(bundle, "2025-10");
    const rows = model.table.rows.map((row) =>
      row.kind === "indicator" && row.id === "productieverstoringen"
        ? { ...row, title: 'Ernstige "P1", verstoringen\nper maand' }
        : row,
    );
    const quoted = renderOpenData({ ...model, table: { ...model.table, rows } });
    expect(quoted).toContain(',"Ernstige ""P1"", verstoringen\nper maand",');
    const read = parseCsv(quoted, ",").find((r) => r.cells[5] === "productieverstoringen");
    expect(read?.cells[6]).toBe('Ernstige "P1", verstoringen\nper maand');
  });
});
