/** Reads plan.yaml's `sources` and an indicator's `compute` block, each problem at its line. */
import {
  type AggregateSpec,
  type ComputeDefinition,
  type DataSource,
  type Measure,
  parseAggregate,
  SQL_PARAMETERS,
} from "../domain/computation.js";
import type { Aggregation } from "../domain/plan.js";
import type { ProblemLog } from "./problems.js";
import { describe, Fields, isMapping } from "./yaml-fields.js";
import type { YamlPath, YamlSource } from "./yaml-source.js";

const SOURCE_NAME = /^[a-z][a-z0-9_]*$/;
const SOURCE_FIELDS = ["path", "table", "description"];
const FILE_TYPES = /\.(parquet|csv)$/i;
const TABLE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;
const COMPUTE_FIELDS = [
  "source",
  "date",
  "where",
  "cohort",
  "value",
  "numerator",
  "denominator",
  "sql",
  "sources",
];
const AGGREGATE_FIELDS = ["aggregate", "where"];
const AGGREGATE_FORMS = "count(*), count(expr), sum(expr), avg(expr), min(expr) or max(expr)";

export function readSources(source: YamlSource, log: ProblemLog, value: unknown): DataSource[] {
  const path: YamlPath = ["sources"];
  if (!isMapping(value)) {
    log.error(
      source.file,
      source.line(path),
      "sources: must be a mapping of names to a path or a table",
    );
    return [];
  }
  const sources: DataSource[] = [];
  for (const [name, item] of Object.entries(value)) {
    const itemPath = [...path, name];
    if (!SOURCE_NAME.test(name)) {
      log.error(
        source.file,
        source.line(itemPath),
        `source "${name}": a name must match ${SOURCE_NAME.source}`,
      );
      continue;
    }
    if (!isMapping(item)) {
      log.error(
        source.file,
        source.line(itemPath),
        `source "${name}": must be a mapping with path or table`,
      );
      continue;
    }
    const read = readSource(new Fields(source, log, item, itemPath, `source "${name}"`), name);
    if (read) sources.push(read);
  }
  return sources;
}

function readSource(f: Fields, name: string): DataSource | undefined {
  f.warnUnknown(SOURCE_FIELDS);
  const path = f.text("path", false);
  const table = f.text("table", false);
  const description = f.text("description", false);
  if (path === undefined && table === undefined) {
    f.error(undefined, `source "${name}": give path (a Parquet or CSV file), table, or both`);
    return undefined;
  }
  if (path !== undefined && !FILE_TYPES.test(path)) {
    f.error("path", `source "${name}": path "${path}" must end in .parquet or .csv`);
    return undefined;
  }
  if (table !== undefined && !TABLE.test(table)) {
    f.error("table", `source "${name}": table "${table}" must be a name or schema.name`);
    return undefined;
  }
  const read: { name: string; path?: string; table?: string; description?: string } = { name };
  if (path !== undefined) read.path = path;
  if (table !== undefined) read.table = table;
  if (description) read.description = description;
  return read;
}

/** Reads an indicator's `compute` block against the declared sources. */
export class ComputeReader {
  constructor(
    private readonly source: YamlSource,
    private readonly log: ProblemLog,
    private readonly sources: ReadonlySet<string>,
  ) {}

  read(
    indicator: Fields,
    aggregation: Aggregation,
    unit: string | undefined,
  ): ComputeDefinition | undefined {
    const value = indicator.map.compute;
    if (value === undefined || value === null) return undefined;
    const path = [...indicator.path, "compute"];
    const what = `${describe(indicator)}, compute`;
    if (!isMapping(value)) {
      indicator.error("compute", `${what}: must be a mapping (source, date and value, or sql)`);
      return undefined;
    }
    const f = new Fields(this.source, this.log, value, path, what);
    f.warnUnknown(COMPUTE_FIELDS);
    return "sql" in value ? this.readSql(f) : this.readAggregate(f, aggregation, unit);
  }

  private readSql(f: Fields): ComputeDefinition | undefined {
    const sql = f.text("sql", true);
    for (const key of ["source", "date", "where", "cohort", "value", "numerator", "denominator"]) {
      if (key in f.map)
        f.error(
          key,
          `${describeWhat(f)}: "${key}" does not go with sql (name the sources under sources)`,
        );
    }
    const names = this.sourceList(f);
    if (sql === undefined || names === undefined) return undefined;
    for (const match of sql.matchAll(/(?<![:\w]):([a-z_]+)/g)) {
      if (!(SQL_PARAMETERS as readonly string[]).includes(match[1] ?? "")) {
        f.error(
          "sql",
          `${describeWhat(f)}: unknown parameter ":${match[1]}" (use ${SQL_PARAMETERS.map((p) => `:${p}`).join(", ")})`,
        );
        return undefined;
      }
    }
    return { kind: "sql", sources: names, sql };
  }

  private sourceList(f: Fields): string[] | undefined {
    const list = f.map.sources;
    if (!Array.isArray(list) || list.length === 0 || !list.every((n) => typeof n === "string")) {
      f.error(
        list === undefined ? undefined : "sources",
        `${describeWhat(f)}: sources must list the names of the sources the query reads`,
      );
      return undefined;
    }
    const unknown = list.filter((n) => !this.sources.has(n));
    if (unknown.length) {
      f.error(
        "sources",
        `${describeWhat(f)}: unknown source ${unknown.map((n) => `"${n}"`).join(", ")} (declare it under sources in plan.yaml)`,
      );
      return undefined;
    }
    return list;
  }

  private readAggregate(
    f: Fields,
    aggregation: Aggregation,
    unit: string | undefined,
  ): ComputeDefinition | undefined {
    const source = f.text("source", true);
    if (source !== undefined && !this.sources.has(source)) {
      f.error(
        "source",
        `${describeWhat(f)}: unknown source "${source}" (declare it under sources in plan.yaml)`,
      );
    }
    const date = f.text("date", true);
    const where = f.text("where", false);
    const cohort = f.text("cohort", false);
    if (aggregation === "progress" && cohort === undefined) {
      f.error(
        undefined,
        `${describeWhat(f)}: aggregation progress needs cohort (the expression giving a row's year)`,
      );
    }
    if (aggregation !== "progress" && cohort !== undefined) {
      f.error(
        "cohort",
        `${describeWhat(f)}: cohort is only for aggregation progress (this one is ${aggregation})`,
      );
    }
    const measure = this.readMeasure(f, unit);
    if (source === undefined || !this.sources.has(source) || date === undefined || !measure)
      return undefined;
    if (aggregation === "progress" && cohort === undefined) return undefined;
    return {
      kind: "aggregate",
      source,
      date,
      ...(where ? { where } : {}),
      ...(cohort ? { cohort } : {}),
      measure,
    };
  }

  private readMeasure(f: Fields, unit: string | undefined): Measure | undefined {
    const has = (key: string) => f.map[key] !== undefined;
    if (has("value") && (has("numerator") || has("denominator"))) {
      f.error("value", `${describeWhat(f)}: give value, or numerator and denominator, not both`);
      return undefined;
    }
    if (has("value")) {
      const value = this.readSpec(f, "value");
      return value && { kind: "value", value };
    }
    if (!has("numerator") || !has("denominator")) {
      f.error(
        undefined,
        `${describeWhat(f)}: give value, or numerator and denominator${unit === "percent" ? " (a percentage)" : ""}`,
      );
      return undefined;
    }
    const numerator = this.readSpec(f, "numerator");
    const denominator = this.readSpec(f, "denominator");
    return numerator && denominator && { kind: "ratio", numerator, denominator };
  }

  private readSpec(f: Fields, key: string): AggregateSpec | undefined {
    const value = f.map[key];
    let text: string | undefined;
    let where: string | undefined;
    if (isMapping(value)) {
      const g = new Fields(
        this.source,
        this.log,
        value,
        [...f.path, key],
        `${describeWhat(f)}, ${key}`,
      );
      g.warnUnknown(AGGREGATE_FIELDS);
      text = g.text("aggregate", true);
      where = g.text("where", false);
    } else {
      text = f.text(key, true);
    }
    if (text === undefined) return undefined;
    const spec = parseAggregate(text, where);
    if (!spec)
      f.error(
        key,
        `${describeWhat(f)}: ${key} "${text}" must be one aggregate: ${AGGREGATE_FORMS}`,
      );
    return spec;
  }
}

function describeWhat(f: Fields): string {
  return f.what;
}
