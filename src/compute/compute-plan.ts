/**
 * Computes every defined indicator of a plan for the chosen periods on one engine, and keeps
 * for each figure how it came about: the SQL that ran, the engine, the data it read.
 */
import type { Lineage, RowSelection, SourceLineage, SqlDefinition } from "../domain/computation.js";
import type { Decimal } from "../domain/decimal.js";
import { UserError } from "../domain/errors.js";

import { type Indicator, indicatorsOf, type Period, type Plan } from "../domain/plan.js";
import type { ComputeEngine, QueryResult, ResolvedSource } from "./engine.js";
import { ratioFigure, valueFigure } from "./figures.js";
import { partValue } from "./parts.js";
import { SourceHashes } from "./source-files.js";
import { type Part, type SourceItem, sourceQueries } from "./source-query.js";
import { boundSql } from "./sql-parameters.js";

export interface ComputedFigure {
  readonly indicatorId: string;
  readonly periodId: string;
  /** Null when the data holds nothing to compute it from (no rows, a zero denominator). */
  readonly value: Decimal | null;
  readonly lineage: Lineage;
}

export interface ComputeOptions {
  readonly bundleDir: string;
  readonly periods: readonly Period[];
  readonly timeoutMs: number;
  /** The moment written into the lineage; passed in, as all time is. */
  readonly now: Date;
  readonly hashes?: SourceHashes;
}

export function computedIndicators(plan: Plan): Indicator[] {
  return indicatorsOf(plan.nodes).filter((i) => i.compute !== undefined);
}

export async function computePlan(
  plan: Plan,
  engine: ComputeEngine,
  options: ComputeOptions,
): Promise<ComputedFigure[]> {
  const indicators = computedIndicators(plan);
  if (indicators.length === 0)
    throw new UserError(`plan ${plan.id} defines no computed indicators (compute in plan.yaml)`);
  const names = new Set(indicators.flatMap((i) => sourcesOf(i)));
  const declared = (plan.sources ?? []).filter((s) => names.has(s.name));
  const resolved = declared.map((s) => engine.resolve(s, options.bundleDir));
  await engine.attach(resolved, { from: plan.year - 2, to: plan.year + 1 });
  const context: Context = {
    plan,
    engine,
    options,
    engineVersion: await engine.version(),
    lineage: await sourceLineage(engine, resolved, options.hashes ?? new SourceHashes()),
  };
  const figures: ComputedFigure[] = [];
  for (const [source, items] of bySource(indicators))
    figures.push(...(await runSource(context, source, items)));
  for (const indicator of indicators) {
    if (indicator.compute?.kind === "sql")
      figures.push(...(await runSql(context, indicator, indicator.compute)));
  }
  return figures;
}

interface Context {
  readonly plan: Plan;
  readonly engine: ComputeEngine;
  readonly options: ComputeOptions;
  readonly engineVersion: string;
  readonly lineage: ReadonlyMap<string, SourceLineage>;
}

function sourcesOf(indicator: Indicator): readonly string[] {
  const { compute } = indicator;
  if (!compute) return [];
  return compute.kind === "sql" ? compute.sources : [compute.source];
}

function bySource(
  indicators: readonly Indicator[],
): Map<string, (SourceItem & { indicator: Indicator })[]> {
  const groups = new Map<string, (SourceItem & { indicator: Indicator })[]>();
  for (const indicator of indicators) {
    const definition = indicator.compute;
    if (definition?.kind !== "aggregate") continue;
    const item = {
      indicatorId: indicator.id,
      aggregation: indicator.aggregation,
      definition,
      indicator,
    };
    groups.set(definition.source, [...(groups.get(definition.source) ?? []), item]);
  }
  return groups;
}

async function sourceLineage(
  engine: ComputeEngine,
  sources: readonly ResolvedSource[],
  hashes: SourceHashes,
): Promise<Map<string, SourceLineage>> {
  const result = new Map<string, SourceLineage>();
  for (const source of sources) {
    const files = [];
    for (const file of source.files) files.push(await hashes.describe(file));
    const rows = await engine.rowCount(source.name);
    result.set(source.name, {
      name: source.name,
      ...(source.table ? { table: source.table } : {}),
      files,
      rows,
    });
  }
  hashes.save();
  return result;
}

async function runSource(
  context: Context,
  source: string,
  items: readonly (SourceItem & { indicator: Indicator })[],
): Promise<ComputedFigure[]> {
  const { plan, engine, options } = context;
  const byId = new Map(items.map((i) => [i.indicatorId, i.indicator]));
  const figures: ComputedFigure[] = [];
  for (const query of sourceQueries(engine.dialect, source, items, options.periods, plan.year)) {
    let result: QueryResult;
    try {
      result = await engine.query(query.sql, [source], options.timeoutMs);
    } catch (error) {
      throw await culprits(context, source, items, error);
    }
    for (const f of query.figures) {
      const indicator = byId.get(f.indicatorId) as Indicator;
      const { value, numerator, denominator } = f.parts;
      const part = (p: Part | undefined) => (p ? partValue(result.rows, p) : null);
      const figure =
        value !== undefined
          ? valueFigure(part(value), indicator)
          : ratioFigure(part(numerator), part(denominator), indicator);
      const columns: Record<string, string> = {};
      const rows: Record<string, Exclude<RowSelection, { kind: "one-row" }>> = {};
      for (const [role, p] of Object.entries(f.parts)) {
        columns[role] = p.column;
        if (p.rows.kind !== "one-row") rows[role] = p.rows;
      }
      const lineage = lineageOf(context, result.sql, columns, [source], result.ms);
      figures.push({
        indicatorId: f.indicatorId,
        periodId: f.periodId,
        value: figure,
        lineage: Object.keys(rows).length ? { ...lineage, rows } : lineage,
      });
    }
  }
  return figures;
}

/** Finds which of a source's definitions made its query fail, to name them in the error. */
async function culprits(
  context: Context,
  source: string,
  items: readonly (SourceItem & { indicator: Indicator })[],
  error: unknown,
): Promise<Error> {
  const { engine, options, plan } = context;
  const failing: string[] = [];
  for (const item of items) {
    const periods = options.periods.slice(-1);
    try {
      for (const alone of sourceQueries(engine.dialect, source, [item], periods, plan.year)) {
        await engine.query(alone.sql, [source], options.timeoutMs);
      }
    } catch (e) {
      failing.push(`indicator "${item.indicatorId}": ${messageOf(e)}`);
    }
  }
  return new UserError(
    failing.length ? failing.join("\n") : `source "${source}": ${messageOf(error)}`,
  );
}

async function runSql(
  context: Context,
  indicator: Indicator,
  definition: SqlDefinition,
): Promise<ComputedFigure[]> {
  const { plan, engine, options } = context;
  const figures: ComputedFigure[] = [];
  for (const period of options.periods) {
    const sql = boundSql(engine.dialect, definition.sql, { plan, period });
    let result: QueryResult;
    try {
      result = await engine.query(sql, definition.sources, options.timeoutMs);
    } catch (error) {
      throw new UserError(`indicator "${indicator.id}", period ${period.id}: ${messageOf(error)}`);
    }
    const [row = {}] = result.rows;
    if (result.rows.length !== 1) {
      throw new UserError(
        `indicator "${indicator.id}", period ${period.id}: the query gave ${result.rows.length} rows, not one`,
      );
    }
    const columns: Record<string, string> =
      "value" in row ? { value: "value" } : { numerator: "numerator", denominator: "denominator" };
    if (!("value" in row) && !("numerator" in row && "denominator" in row)) {
      throw new UserError(
        `indicator "${indicator.id}": the query must return a column value, or numerator and denominator`,
      );
    }
    const value =
      "value" in row
        ? valueFigure(row.value, indicator)
        : ratioFigure(row.numerator, row.denominator, indicator);
    figures.push({
      indicatorId: indicator.id,
      periodId: period.id,
      value,
      lineage: lineageOf(context, result.sql, columns, definition.sources, result.ms),
    });
  }
  return figures;
}

function lineageOf(
  context: Context,
  sql: string,
  columns: Record<string, string>,
  sources: readonly string[],
  ms: number,
): Lineage {
  return {
    engine: context.engine.name,
    engineVersion: context.engineVersion,
    sql,
    columns,
    sources: sources
      .map((s) => context.lineage.get(s))
      .filter((s): s is SourceLineage => s !== undefined),
    ms: Math.round(ms),
    computedAt: context.options.now.toISOString(),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
