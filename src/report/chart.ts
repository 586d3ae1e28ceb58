/**
 * Renders a trend chart: one Vega-Lite spec, drawn to SVG on the server (for HTML and PDF)
 * and to PNG (for Word), with a title and a description stating the figures.
 */
import { Resvg } from "@resvg/resvg-js";
import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { ChartData } from "./chart-data.js";
import { escapeXml } from "./escape.js";

export interface RenderedChart {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** An SVG element with role="img", labelled by its <title> and <desc>. */
  readonly svg: string;
  /** The SVG as Vega drew it, without the accessibility additions (for rasterising). */
  readonly plainSvg: string;
  readonly width: number;
  readonly height: number;
}

const LOCALES = {
  nl: { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""] },
  en: { decimal: ".", thousands: ",", grouping: [3], currency: ["€", ""] },
} as const;

const INK = "#1a1a1a";
const ACCENT = "#154273";
const TARGET = "#8b1a1a";

/** The rows of the spec's two named data sets. */
export function chartValues(data: ChartData): { points: object[]; target: object[] } {
  const target = data.target;
  return {
    points: data.points.filter((p) => p.value !== null),
    target:
      target?.kind === "band"
        ? [{ low: target.low, high: target.high }]
        : target?.kind === "line"
          ? [{ value: target.value }]
          : [...(target?.steps ?? [])],
  };
}

/** The Vega-Lite spec of a chart (pure); its rows come separately, from chartValues. */
export function chartSpec(data: ChartData): TopLevelSpec {
  const percent = data.unit === "percent";
  const y = {
    field: "value",
    type: "quantitative" as const,
    title: null,
    axis: {
      format: percent ? ",.4~f" : ",.4~f",
      labelExpr: percent ? "datum.label + '%'" : "datum.label",
    },
    scale: { zero: false, nice: true, padding: 10 },
  };
  const x = {
    field: "label",
    type: "ordinal" as const,
    sort: null,
    title: null,
    axis: { labelAngle: 0 },
  };
  const layers: TopLevelSpec[] = [];
  const target = data.target;
  if (target?.kind === "band") {
    layers.push({
      data: { name: "target" },
      mark: { type: "rect", color: TARGET, opacity: 0.12 },
      encoding: { y: { ...y, field: "low" }, y2: { field: "high" } },
    } as unknown as TopLevelSpec);
  } else if (target?.kind === "line") {
    layers.push({
      data: { name: "target" },
      mark: { type: "rule", color: TARGET, strokeDash: [5, 3], strokeWidth: 1.5 },
      encoding: { y },
    } as unknown as TopLevelSpec);
  } else if (target?.kind === "steps") {
    layers.push({
      data: { name: "target" },
      mark: { type: "tick", color: TARGET, thickness: 2, size: 28 },
      encoding: { x, y },
    } as unknown as TopLevelSpec);
  }
  layers.push({
    data: { name: "points" },
    mark: { type: "line", color: ACCENT, point: { filled: true, size: 50, color: ACCENT } },
    encoding: { x, y },
  } as unknown as TopLevelSpec);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: Math.max(120, 70 * data.points.length),
    height: 110,
    background: "white",
    config: {
      font: "Noto Sans, Arial, sans-serif",
      axis: {
        labelColor: INK,
        labelFontSize: 10,
        domainColor: "#888",
        tickColor: "#888",
        gridColor: "#e4e4e4",
      },
      view: { stroke: null },
      locale: { number: LOCALES[data.language] },
    },
    layer: layers,
  } as unknown as TopLevelSpec;
}

/**
 * Charts of the same shape share one compiled spec and one Vega view: compiling and building a
 * view are most of a chart's cost. A view holds one chart's data at a time, so the charts drawn
 * with it take turns.
 */
interface Drawer {
  readonly view: View;
  turn: Promise<unknown>;
}

const drawers = new Map<string, Drawer>();

function drawerOf(spec: TopLevelSpec): Drawer {
  const key = JSON.stringify(spec);
  let drawer = drawers.get(key);
  if (!drawer) {
    drawer = {
      view: new View(parse(compile(spec).spec), { renderer: "none" }),
      turn: Promise.resolve(),
    };
    drawers.set(key, drawer);
  }
  return drawer;
}

async function draw(data: ChartData): Promise<string> {
  const drawer = drawerOf(chartSpec(data));
  const values = chartValues(data);
  const drawn = drawer.turn.then(() => {
    const view = drawer.view.data("points", values.points);
    // A chart without a target has no target layer, so no data set to fill.
    return (data.target ? view.data("target", values.target) : view).resize().toSVG();
  });
  drawer.turn = drawn.catch(() => undefined);
  return drawn;
}

/** Renders a chart; `id` makes the ids of its title and description unique in a document. */
export async function renderChart(data: ChartData, id: string): Promise<RenderedChart> {
  const raw = await draw(data);
  const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(raw)?.[1] ?? 300);
  const height = Number(/height="(\d+(?:\.\d+)?)"/.exec(raw)?.[1] ?? 150);
  return {
    id,
    title: data.title,
    description: data.description,
    svg: accessibleSvg(raw, id, data),
    plainSvg: raw,
    width,
    height,
  };
}

/** A PNG of the chart at twice its size, for documents that take images (Word). */
export function chartPng(chart: RenderedChart): Uint8Array {
  return new Resvg(chart.plainSvg, {
    fitTo: { mode: "zoom", value: 2 },
    font: { loadSystemFonts: true },
  })
    .render()
    .asPng();
}

/** Marks the SVG as one image, named by its title and described by its figures. */
function accessibleSvg(svg: string, id: string, data: ChartData): string {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "<svg>";
  const labelled = open
    .replace(/\sclass="[^"]*"/, ' class="chart"')
    .replace(
      />$/,
      ` role="img" aria-labelledby="${id}-titel ${id}-beschrijving" focusable="false">`,
    );
  return (
    labelled +
    `<title id="${id}-titel">${escapeXml(data.title)}</title>` +
    `<desc id="${id}-beschrijving">${escapeXml(data.description)}</desc>` +
    svg.slice(open.length)
  );
}

/** The charts of a report's explanations, by note number. */
export async function renderCharts(model: {
  readonly explanations: readonly {
    readonly note: number;
    readonly anchor: string;
    readonly chart: ChartData | null;
  }[];
}): Promise<ReadonlyMap<number, RenderedChart>> {
  const rendered = await Promise.all(
    model.explanations.flatMap((e) =>
      e.chart
        ? [renderChart(e.chart, `${e.anchor}-grafiek`).then((c) => [e.note, c] as const)]
        : [],
    ),
  );
  return new Map(rendered);
}
