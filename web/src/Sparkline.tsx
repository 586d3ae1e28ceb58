/** A row's figures over the periods as a tiny line: the shape of the trend, not its scale. */

const WIDTH = 64;
const HEIGHT = 20;
const PAD = 3;

/** x and y of each figure in the box; null where a period has no figure. */
function positions(values: readonly (number | null)[]): ({ x: number; y: number } | null)[] {
  const known = values.filter((v): v is number => v !== null);
  const low = Math.min(...known);
  const span = Math.max(...known) - low;
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  return values.map((v, i) =>
    v === null
      ? null
      : {
          x: values.length > 1 ? PAD + i * step : WIDTH / 2,
          // Equal figures lie on the middle line; otherwise the highest touches the top.
          y: span === 0 ? HEIGHT / 2 : HEIGHT - PAD - ((v - low) / span) * (HEIGHT - 2 * PAD),
        },
  );
}

/** The line's runs between periods without a figure, as SVG points lists. */
function runs(points: readonly ({ x: number; y: number } | null)[]): string[] {
  const result: string[][] = [[]];
  for (const p of points) {
    if (p) result.at(-1)?.push(`${p.x.toFixed(1)},${p.y.toFixed(1)}`);
    else result.push([]);
  }
  return result.filter((r) => r.length > 1).map((r) => r.join(" "));
}

/** Nothing when no period has a numeric figure (a qualitative target, or no figures yet). */
export function Sparkline(props: { values: readonly (number | null)[]; label: string }) {
  const { values, label } = props;
  if (values.every((v) => v === null)) return null;
  const points = positions(values);
  const last = points.findLastIndex((p) => p !== null);
  return (
    <svg
      className="sparkline"
      role="img"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      focusable="false"
    >
      <title>{label}</title>
      {runs(points).map((run) => (
        <polyline key={run} points={run} />
      ))}
      {points.map((p, i) =>
        p ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: one point per period, in a fixed order
          <circle key={i} cx={p.x} cy={p.y} r={i === last ? 2.5 : 1.5} />
        ) : null,
      )}
    </svg>
  );
}
