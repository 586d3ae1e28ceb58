import { type CSSProperties, startTransition, useEffect, useRef, useState } from "react";
import type { Dashboard, IndicatorRow } from "./api.js";
import { indicatorHref } from "./indicator-link.js";
import { Sparkline } from "./Sparkline.js";
import { type Filter, visibleRows } from "./table-filter.js";
import { type Language, TEXTS } from "./texts.js";

interface RowProps {
  row: IndicatorRow;
  plan: string;
  /** The periods' labels, for the trend's words. */
  labels: readonly string[];
  headers: Dashboard["table"]["headers"];
  language: Language;
  noteAnchor: (n: number) => string;
  /** Whether its link takes the focus: its page was just left. */
  focused: boolean;
  withTrend: boolean;
}

function Indicator(props: RowProps) {
  const { row, plan, labels, headers, language, noteAnchor, focused, withTrend } = props;
  const { current } = row;
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (focused) link.current?.focus();
  }, [focused]);
  return (
    <tr className={`indicator status-${current.status.status}`}>
      <th scope="row" className={`depth-${row.depth}`}>
        <a ref={link} href={indicatorHref(plan, row.id)}>
          {row.title}
        </a>
      </th>
      <td data-label={headers.target}>{row.target}</td>
      {row.cells.map((cell, i) => (
        <td key={cell.periodId} className="value" data-label={headers.periods[i]}>
          {cell.value}
        </td>
      ))}
      <td className="trend" data-label={TEXTS[language].trend}>
        {withTrend && (
          <Sparkline
            values={row.cells.map((c) => (typeof c.figure === "number" ? c.figure : null))}
            label={TEXTS[language].trendOf(row.cells.map((c, i) => `${labels[i]} ${c.value}`))}
          />
        )}
      </td>
      <td className="status" data-label={headers.status}>
        <span aria-hidden="true">{current.status.symbol}</span> {current.status.label}
      </td>
      <td className="note" data-label={headers.note}>
        {current.note === null ? "" : <a href={`#${noteAnchor(current.note)}`}>{current.note}</a>}
      </td>
    </tr>
  );
}

export function IndicatorTable(props: {
  dashboard: Dashboard;
  filter: Filter;
  plan: string;
  language: Language;
  /** The indicator whose page was just left, whose link gets the focus back. */
  returnedFrom?: string | null;
}) {
  const { dashboard, filter, plan, language, returnedFrom } = props;
  const { headers, rows, caption } = dashboard.table;
  const columns = 5 + headers.periods.length;
  const noteAnchor = (note: number) => `note-${note}`;
  const labels = dashboard.periods.map((p) => p.label);
  // Trends are drawn in a second pass, so that a large table can be read before they are there.
  const [withTrend, setWithTrend] = useState(false);
  useEffect(() => startTransition(() => setWithTrend(true)), []);
  // The columns' widths are set, not measured from every cell: a large plan lays out at once.
  const figures = { "--figures": headers.periods.length } as CSSProperties;
  return (
    <div className="table-scroll">
      <table className="indicators stack" style={figures}>
        <caption>{caption}</caption>
        <colgroup>
          <col className="indicator" />
          <col className="target" />
          {headers.periods.map((p) => (
            <col key={p} className="figure" />
          ))}
          <col className="trend" />
          <col className="status" />
          <col className="note" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{headers.indicator}</th>
            <th scope="col">{headers.target}</th>
            {headers.periods.map((p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
            <th scope="col">{TEXTS[language].trend}</th>
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
              <Indicator
                key={row.id}
                row={row}
                plan={plan}
                labels={labels}
                headers={headers}
                language={language}
                noteAnchor={noteAnchor}
                focused={row.id === returnedFrom}
                withTrend={withTrend}
              />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
