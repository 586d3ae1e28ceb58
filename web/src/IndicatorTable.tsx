import type { Dashboard, IndicatorRow, TableRow } from "./api.js";

/** The groups that still have a row to show once the filter has done its work. */
function visibleRows(rows: readonly TableRow[], exceptionsOnly: boolean): TableRow[] {
  if (!exceptionsOnly) return [...rows];
  const kept: TableRow[] = [];
  let pending: TableRow[] = [];
  for (const row of rows) {
    if (row.kind === "group") {
      pending = [...pending.filter((g) => g.depth < row.depth), row];
    } else if (row.current.note !== null) {
      kept.push(...pending, row);
      pending = [];
    }
  }
  return kept;
}

function Indicator({ row, noteAnchor }: { row: IndicatorRow; noteAnchor: (n: number) => string }) {
  const { current } = row;
  return (
    <tr className={`indicator status-${current.status.status}`}>
      <th scope="row" className={`depth-${row.depth}`}>
        {row.title}
      </th>
      <td>{row.target}</td>
      {row.cells.map((cell) => (
        <td key={cell.periodId} className="value">
          {cell.value}
        </td>
      ))}
      <td className="status">
        <span aria-hidden="true">{current.status.symbol}</span> {current.status.label}
      </td>
      <td className="note">
        {current.note === null ? "" : <a href={`#${noteAnchor(current.note)}`}>{current.note}</a>}
      </td>
    </tr>
  );
}

export function IndicatorTable({
  dashboard,
  exceptionsOnly,
}: {
  dashboard: Dashboard;
  exceptionsOnly: boolean;
}) {
  const { headers, rows, caption } = dashboard.table;
  const columns = 4 + headers.periods.length;
  const noteAnchor = (note: number) => `note-${note}`;
  return (
    <table className="indicators">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{headers.indicator}</th>
          <th scope="col">{headers.target}</th>
          {headers.periods.map((p) => (
            <th scope="col" key={p}>
              {p}
            </th>
          ))}
          <th scope="col">{headers.status}</th>
          <th scope="col">{headers.note}</th>
        </tr>
      </thead>
      <tbody>
        {visibleRows(rows, exceptionsOnly).map((row) =>
          row.kind === "group" ? (
            <tr key={`group ${row.depth} ${row.title}`} className={`group depth-${row.depth}`}>
              <th scope="colgroup" colSpan={columns}>
                {row.title}
              </th>
            </tr>
          ) : (
            <Indicator key={row.id} row={row} noteAnchor={noteAnchor} />
          ),
        )}
      </tbody>
    </table>
  );
}
