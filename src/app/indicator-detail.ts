/**
 * One indicator over the whole year: its definition, every period's figure as the report
 * shows it with who entered it, the status the evaluation gives, its explanations and its
 * trend chart. The figures and statuses come from the report model, so this page and the
 * report never disagree.
 */
import type { Kysely } from "kysely";
import { type LineageEntry, stillComputed } from "../bundle/lineage-file.js";
import type { Bundle } from "../bundle/read-bundle.js";
import type { Judgement } from "../domain/evaluate.js";
import { formatTarget } from "../domain/format.js";
import type { Aggregation, Assess, Direction, Indicator, Language } from "../domain/plan.js";
import { chartData } from "../report/chart-data.js";
import { renderMarkdown } from "../report/html.js";
import type { IndicatorRow, PeriodCell, ReportPeriod } from "../report/model.js";
import { TEXTS } from "../report/texts.js";
import type { Database, RealisationTable } from "../store/database.js";
import type { Account } from "./accounts.js";
import { evaluateUpTo } from "./period.js";
import { readableBundle, requireIndicator } from "./plan-access.js";
import type { PlanCache } from "./plan-cache.js";
import { type RealisationRecord, realisationRecord } from "./realisations.js";
import { reportOf } from "./report.js";

export interface IndicatorDefinition {
  readonly id: string;
  readonly title: string;
  /** The enclosing groups' titles, from the top. */
  readonly groups: readonly string[];
  /** The title with its groups for context, as an explanation's heading names it. */
  readonly heading: string;
  readonly description: string | null;
  readonly unit: string;
  readonly decimals: number | null;
  readonly direction: Direction | null;
  readonly aggregation: Aggregation;
  readonly assess: Assess;
  readonly owner: string | null;
  readonly source: string | null;
  /** The whole target as the report's target column shows it. */
  readonly target: string;
  readonly qualitative: boolean;
}

/** How a computed figure came about, as lineage.json or the stored plan keeps it. */
export interface ComputedOrigin {
  readonly engine: string;
  readonly engineVersion: string;
  readonly computedAt: string;
  /** The SQL as it ran. */
  readonly sql: string;
  readonly columns: Readonly<Record<string, string>>;
  readonly sources: LineageEntry["sources"];
}

/** One period: the report's cell, who last entered its figure, and how it was computed. */
export interface IndicatorPeriod extends PeriodCell {
  readonly label: string;
  /** ISO date of the period's last day. */
  readonly until: string;
  readonly entry: Pick<RealisationRecord, "version" | "updatedBy" | "updatedAt">;
  /** Null when the figure was not computed, or was changed after it was. */
  readonly computed: ComputedOrigin | null;
}

export interface IndicatorExplanation {
  readonly periodId: string;
  readonly label: string;
  /** The exception's number in that period; null when it is no exception there (any more). */
  readonly note: number | null;
  /** The stored Markdown as the report renders it: raw HTML escaped, headings from level 4. */
  readonly html: string;
}

export interface IndicatorChart {
  readonly title: string;
  /** The text alternative: every figure and the target. */
  readonly description: string;
  /** An SVG with role="img", labelled by its title and description. */
  readonly svg: string;
}

export interface IndicatorDetail {
  readonly language: Language;
  readonly plan: { readonly id: string; readonly title: string };
  readonly indicator: IndicatorDefinition;
  /** Every period of the plan, in order. */
  readonly periods: readonly IndicatorPeriod[];
  /** In period order; only the periods that have one. */
  readonly explanations: readonly IndicatorExplanation[];
  /** Null when the indicator has no numeric figure yet. */
  readonly chart: IndicatorChart | null;
}

/** The page of indicator `ids.indicator` in plan `ids.plan`, for someone who may read the plan. */
export async function indicatorDetail(
  db: Kysely<Database>,
  plans: PlanCache,
  account: Account,
  ids: { readonly plan: string; readonly indicator: string },
  requested?: Language,
): Promise<IndicatorDetail> {
  const bundle = await readableBundle(plans, account, ids.plan);
  const indicator = requireIndicator(bundle.plan, ids.indicator);
  const language = requested ?? bundle.plan.language;
  const last = bundle.plan.periods.at(-1);
  if (!last) throw new RangeError(`plan ${bundle.plan.id} has no periods`);
  const evaluations = evaluateUpTo(bundle, last.id);
  const { model } = reportOf(bundle, evaluations, language);
  const row = model.table.rows.find(
    (r): r is IndicatorRow => r.kind === "indicator" && r.id === indicator.id,
  ) as IndicatorRow;
  const judgements = evaluations.map(
    (e) => e.judgements.find((j) => j.indicator.id === indicator.id) as Judgement,
  );
  return {
    language,
    plan: { id: bundle.plan.id, title: bundle.plan.title },
    indicator: definitionOf(bundle, indicator, language),
    periods: periodsOf(
      model.periods,
      row,
      await entriesOf(db, bundle.plan.id, indicator.id),
      bundle.lineage ?? [],
    ),
    explanations: explanationsOf(bundle, indicator, row.cells),
    chart: await chartOf(indicator, judgements, bundle, language),
  };
}

/** The report's cell of each period, with who entered its figure as the store records it. */
function periodsOf(
  periods: readonly ReportPeriod[],
  row: IndicatorRow,
  entries: ReadonlyMap<string, RealisationTable>,
  lineage: readonly LineageEntry[],
): IndicatorPeriod[] {
  return periods.map((period, i) => {
    const record = realisationRecord(row.id, period.id, entries.get(period.id));
    const cell = row.cells[i] as PeriodCell;
    return {
      ...cell,
      label: period.label,
      until: period.until,
      entry: { version: record.version, updatedBy: record.updatedBy, updatedAt: record.updatedAt },
      computed: computedOrigin(lineage, row.id, cell),
    };
  });
}

/** The lineage of the period's figure, when the figure is still the one that was computed. */
function computedOrigin(
  lineage: readonly LineageEntry[],
  indicatorId: string,
  cell: PeriodCell,
): ComputedOrigin | null {
  const entry = lineage.find((e) => e.indicator === indicatorId && e.period === cell.periodId);
  if (!entry || !stillComputed(entry, cell.figure)) return null;
  const { engine, engineVersion, computedAt, sql, columns, sources } = entry;
  return { engine, engineVersion, computedAt, sql, columns, sources };
}

function definitionOf(
  bundle: Bundle,
  indicator: Indicator,
  language: Language,
): IndicatorDefinition {
  const { path } = indicator;
  return {
    id: indicator.id,
    title: indicator.title,
    groups: path.slice(0, -1),
    heading: (path.length > 2 ? path.slice(1) : [indicator.title]).join(" – "),
    description: indicator.description ?? null,
    unit: indicator.unit,
    decimals: indicator.decimals ?? null,
    direction: indicator.direction ?? null,
    aggregation: indicator.aggregation,
    assess: indicator.assess,
    owner: indicator.owner ?? null,
    source: indicator.source ?? null,
    target: formatTarget(bundle.plan, indicator, language) ?? TEXTS[language].notApplicable,
    qualitative: indicator.target.kind === "qualitative",
  };
}

/** The stored rows of the indicator's figures, by period: who entered each, when, its version. */
async function entriesOf(db: Kysely<Database>, planId: string, indicatorId: string) {
  const rows = await db
    .selectFrom("realisations")
    .selectAll()
    .where("plan_id", "=", planId)
    .where("indicator_id", "=", indicatorId)
    .execute();
  return new Map(rows.map((r) => [r.period_id, r]));
}

function explanationsOf(
  bundle: Bundle,
  indicator: Indicator,
  cells: readonly PeriodCell[],
): IndicatorExplanation[] {
  return bundle.plan.periods.flatMap((period, i) => {
    const explanation = bundle.explanations.find(
      (e) => e.periodId === period.id && e.indicatorId === indicator.id,
    );
    if (!explanation?.markdown.trim()) return [];
    return [
      {
        periodId: period.id,
        label: period.label,
        note: cells[i]?.note ?? null,
        html: renderMarkdown(explanation.markdown, 3, `toelichting-${period.id}`),
      },
    ];
  });
}

async function chartOf(
  indicator: Indicator,
  judgements: readonly Judgement[],
  bundle: Bundle,
  language: Language,
): Promise<IndicatorChart | null> {
  const data = chartData(indicator, judgements, bundle.plan, language);
  if (!data) return null;
  // Loaded when asked for, as the report loads it: the chart engine is slow to load.
  const { renderChart } = await import("../report/chart.js");
  const chart = await renderChart(data, `grafiek-${indicator.id}`);
  return { title: chart.title, description: chart.description, svg: chart.svg };
}
