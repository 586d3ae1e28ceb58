import type { Dashboard, IndicatorRow } from "./api.js";
import { type Filter, visibleRows } from "./table-filter.js";

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

export function IndicatorTable({ dashboard, filter }: { dashboard: Dashboard; filter: Filter }) {
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
        {visibleRows(rows, filter).map((row) =>
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
