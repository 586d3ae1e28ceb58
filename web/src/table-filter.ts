/** Which rows of the indicator table to show, and the choices the filters offer. */
import type { IndicatorRow, TableRow } from "./api.js";

export interface Filter {
  readonly exceptionsOnly: boolean;
  /** A top-level group's title, or "" for all. */
  readonly group: string;
  /** A status, or "" for all. */
  readonly status: string;
  /** An owner, or "" for all. */
  readonly owner: string;
}

export const NO_FILTER: Filter = { exceptionsOnly: false, group: "", status: "", owner: "" };

function keeps(row: IndicatorRow, topGroup: string, filter: Filter): boolean {
  return (
    (!filter.exceptionsOnly || row.current.note !== null) &&
    (!filter.group || topGroup === filter.group) &&
    (!filter.status || row.current.status.status === filter.status) &&
    (!filter.owner || row.owner === filter.owner)
  );
}

/** The indicators the filter keeps, each with the groups above it that have a row to show. */
export function visibleRows(rows: readonly TableRow[], filter: Filter): TableRow[] {
  const kept: TableRow[] = [];
  let groups: TableRow[] = [];
  let topGroup = "";
  for (const row of rows) {
    if (row.kind === "group") {
      if (row.depth === 0) topGroup = row.title;
      groups = [...groups.filter((g) => g.depth < row.depth), row];
    } else if (keeps(row, topGroup, filter)) {
      kept.push(...groups, row);
      groups = [];
    }
  }
  return kept;
}

export function choices(rows: readonly TableRow[]) {
  const indicators = rows.filter((r): r is IndicatorRow => r.kind === "indicator");
  const unique = <T>(values: T[]) => [...new Set(values)];
  return {
    groups: unique(rows.flatMap((r) => (r.kind === "group" && r.depth === 0 ? [r.title] : []))),
    statuses: unique(indicators.map((r) => r.current.status.status)).map(
      (status) =>
        indicators.find((r) => r.current.status.status === status)?.current.status ?? {
          status,
          label: status,
          symbol: "",
        },
    ),
    owners: unique(indicators.flatMap((r) => (r.owner ? [r.owner] : []))),
  };
}
