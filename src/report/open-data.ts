/**
 * The indicator table as open data (for a portal such as data.overheid.nl): one row per
 * indicator and period, comma-separated UTF-8 with a header, figures as recorded with a
 * decimal point, RFC 4180 quoting.
 */
import type { ReportModel } from "./model.js";

export const OPEN_DATA_COLUMNS = [
  "plan",
  "period",
  "period_label",
  "period_until",
  "group_path",
  "indicator_id",
  "indicator",
  "unit",
  "target",
  "value",
  "value_shown",
  "status",
  "note",
  "source",
] as const;

function field(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderOpenData(model: ReportModel): string {
  const lines = [OPEN_DATA_COLUMNS.join(",")];
  for (const row of model.table.rows) {
    if (row.kind !== "indicator") continue;
    row.cells.forEach((cell, index) => {
      const period = model.periods[index];
      lines.push(
        [
          model.planId,
          cell.periodId,
          period?.label ?? "",
          period?.until ?? "",
          row.groups.join(" > "),
          row.id,
          row.title,
          row.unit,
          cell.target,
          cell.figure,
          cell.value,
          cell.status.status,
          cell.note,
          cell.source,
        ]
          .map(field)
          .join(","),
      );
    });
  }
  return `${lines.join("\n")}\n`;
}
