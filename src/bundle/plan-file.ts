/** Reads plan.yaml into a Plan, logging every problem with its line. */

import { compareDates, parseIsoDate } from "../domain/calendar.js";
import type { DataSource } from "../domain/computation.js";
import { isoDate } from "../domain/format.js";
import type {
  Aggregation,
  Assess,
  CalendarDate,
  Direction,
  Group,
  Indicator,
  Language,
  Period,
  Plan,
  PlanNode,
} from "../domain/plan.js";
import { AGGREGATIONS, LANGUAGES } from "../domain/plan.js";
import { ComputeReader, readSources } from "./compute-fields.js";
import { TargetReader } from "./plan-targets.js";
import { ProblemLog } from "./problems.js";
import { describe, Fields, isMapping, type Mapping } from "./yaml-fields.js";
import { PreciseYaml, QuickYaml, type YamlPath, type YamlSource } from "./yaml-source.js";

const PLAN_ID = /^[a-z0-9-]+$/;
const PERIOD_ID = /^[A-Za-z0-9-]+$/;
const INDICATOR_ID = /^[a-z0-9-]+$/;
const DIRECTIONS: readonly Direction[] = ["higher", "lower"];
const ASSESS: readonly Assess[] = ["every-period", "year-end"];

const PLAN_FIELDS = [
  "id",
  "title",
  "organisation",
  "year",
  "language",
  "periods",
  "indicators",
  "description",
  "previous",
  "sources",
];
const PERIOD_FIELDS = ["id", "label", "until"];
const GROUP_FIELDS = ["title", "description", "indicators"];
const INDICATOR_FIELDS = [
  "id",
  "title",
  "unit",
  "decimals",
  "direction",
  "target",
  "assess",
  "aggregation",
  "owner",
  "source",
  "description",
  "compute",
];

/**
 * Reads a plan quickly first; the precise (and slower) YAML reading, which knows every line
 * and how every scalar was written, is needed only when the plan has a problem to report or
 * a number where text is expected.
 */
export function readPlan(text: string, file: string, log: ProblemLog): Plan | undefined {
  const quick = QuickYaml.parse(text, file);
  if (quick) {
    const trial = new ProblemLog();
    const plan = readPlanFrom(quick, trial);
    if (plan && !quick.imprecise && trial.errors.length === 0 && trial.warnings.length === 0) {
      return plan;
    }
  }
  const source = PreciseYaml.parse(text, file, log);
  return source && readPlanFrom(source, log);
}

export function readPlanFrom(source: YamlSource, log: ProblemLog): Plan | undefined {
  if (!isMapping(source.data)) {
    log.error(
      source.file,
      1,
      "plan.yaml must be a mapping with id, title, year, periods and indicators",
    );
    return undefined;
  }
  return new PlanReader(source, log).plan(source.data);
}

class PlanReader {
  /** Where each id stands, for the message at a duplicate (looked up only then). */
  private readonly indicatorPaths = new Map<string, YamlPath>();
  private periods: Period[] = [];
  private sources: DataSource[] = [];
  private compute: ComputeReader | undefined;
  private year = 0;
  private errorsBefore: number;

  constructor(
    private readonly source: YamlSource,
    private readonly log: ProblemLog,
  ) {
    this.errorsBefore = log.errors.length;
  }

  private fields(map: Mapping, path: YamlPath, what: string): Fields {
    return new Fields(this.source, this.log, map, path, what);
  }

  plan(data: Mapping): Plan | undefined {
    const f = this.fields(data, [], "plan");
    f.warnUnknown(PLAN_FIELDS);
    const id = f.matching("id", PLAN_ID, true);
    const title = f.text("title", true);
    const organisation = f.text("organisation", false);
    this.year = f.integer("year", true, 1900, 9999) ?? 0;
    const language: Language = f.oneOf("language", LANGUAGES) ?? "nl";
    const periodList = f.list("periods");
    if (periodList) this.periods = this.readPeriods(periodList);
    if (data.sources !== undefined) this.sources = readSources(this.source, this.log, data.sources);
    this.compute = new ComputeReader(
      this.source,
      this.log,
      new Set(this.sources.map((s) => s.name)),
    );
    const nodeList = f.list("indicators");
    const nodes = nodeList ? this.readNodes(nodeList, ["indicators"], []) : [];
    if (this.log.errors.length > this.errorsBefore || !id || !title) return undefined;
    return {
      id,
      title,
      ...(organisation ? { organisation } : {}),
      year: this.year,
      language,
      periods: this.periods,
      nodes,
      ...(this.sources.length ? { sources: this.sources } : {}),
    };
  }

  private readPeriods(list: unknown[]): Period[] {
    const periods: Period[] = [];
    const seen = new Map<string, YamlPath>();
    list.forEach((item, index) => {
      const path = ["periods", index];
      if (!isMapping(item)) {
        this.log.error(
          this.source.file,
          this.source.line(path),
          "period: must be a mapping with id, label and until",
        );
        return;
      }
      const f = this.fields(item, path, `period ${index + 1}`);
      f.warnUnknown(PERIOD_FIELDS);
      const id = f.matching("id", PERIOD_ID, true);
      const label = f.text("label", false) ?? id;
      const until = this.readUntil(f);
      const first = id === undefined ? undefined : seen.get(id);
      if (first) {
        f.error("id", `duplicate period id "${id}" (first on line ${this.source.line(first)})`);
        return;
      }
      if (id) seen.set(id, [...path, "id"]);
      if (!id || !label || !until) return;
      const previous = periods.at(-1);
      if (previous && compareDates(previous.until, until) >= 0) {
        f.error(
          "until",
          `period "${id}": until ${isoDate(until)} must come after the previous period's`,
        );
      }
      periods.push({ id, label, until });
    });
    return periods;
  }

  private readUntil(f: Fields): CalendarDate | undefined {
    const text = f.text("until", true);
    if (text === undefined) return undefined;
    const date = parseIsoDate(text);
    if (!date) {
      f.error(
        "until",
        `${f.map.id ? `period "${f.map.id}"` : "period"}: until "${text}" is not a calendar date (YYYY-MM-DD)`,
      );
      return undefined;
    }
    if (this.year && date.year !== this.year) {
      f.error(
        "until",
        `period "${f.map.id}": until ${text} lies outside the plan's year ${this.year}`,
      );
    }
    return date;
  }

  private readNodes(list: unknown[], path: YamlPath, titles: readonly string[]): PlanNode[] {
    const nodes: PlanNode[] = [];
    list.forEach((item, index) => {
      const itemPath = [...path, index];
      if (!isMapping(item)) {
        this.log.error(
          this.source.file,
          this.source.line(itemPath),
          "indicators: each entry must be a mapping (a group or an indicator)",
        );
        return;
      }
      const node =
        "indicators" in item
          ? this.readGroup(item, itemPath, titles)
          : this.readIndicator(item, itemPath, titles);
      if (node) nodes.push(node);
    });
    return nodes;
  }

  private readGroup(map: Mapping, path: YamlPath, titles: readonly string[]): Group | undefined {
    const f = this.fields(map, path, "group");
    f.warnUnknown(GROUP_FIELDS);
    const title = f.text("title", true);
    const description = f.text("description", false);
    const list = f.list("indicators");
    const children = list
      ? this.readNodes(list, [...path, "indicators"], [...titles, title ?? ""])
      : [];
    if (!title) return undefined;
    return { kind: "group", title, ...(description ? { description } : {}), children };
  }

  private readIndicator(
    map: Mapping,
    path: YamlPath,
    titles: readonly string[],
  ): Indicator | undefined {
    const id = typeof map.id === "string" ? map.id : undefined;
    const f = this.fields(map, path, id ? `indicator "${id}"` : "indicator");
    f.warnUnknown(INDICATOR_FIELDS);
    this.checkUnique(f, f.matching("id", INDICATOR_ID, true));
    const title = f.text("title", true);
    const direction = f.oneOf("direction", DIRECTIONS);
    const assess = f.oneOf("assess", ASSESS) ?? "every-period";
    const decimals = f.integer("decimals", false, 0, 12);
    const target = new TargetReader(this.source, this.log, this.periods).read(f, direction, assess);
    const unit = this.readUnit(f, target);
    const aggregation: Aggregation =
      f.oneOf("aggregation", AGGREGATIONS) ??
      (unit === "count" || unit === "euro" ? "sum" : "rate");
    const owner = f.text("owner", false);
    const source = f.text("source", false);
    const description = f.text("description", false);
    const compute = this.compute?.read(f, aggregation, unit);
    if (!id || !title || !target || !unit) return undefined;
    return {
      kind: "indicator",
      id,
      title,
      path: [...titles, title],
      unit,
      ...(decimals !== undefined ? { decimals } : {}),
      ...(direction ? { direction } : {}),
      target: target.target,
      assess,
      aggregation,
      ...(owner ? { owner } : {}),
      ...(source ? { source } : {}),
      ...(description ? { description } : {}),
      ...(compute ? { compute } : {}),
    };
  }

  private checkUnique(f: Fields, id: string | undefined): void {
    if (id === undefined) return;
    const first = this.indicatorPaths.get(id);
    if (first) {
      f.error("id", `duplicate indicator id "${id}" (first on line ${this.source.line(first)})`);
    } else {
      this.indicatorPaths.set(id, [...f.path, "id"]);
    }
  }

  private readUnit(f: Fields, target: { percent: boolean } | undefined): string | undefined {
    const unit = f.text("unit", false);
    if (unit === undefined) return target?.percent ? "percent" : "number";
    if (target?.percent && unit !== "percent") {
      f.error(
        "target",
        `${describe(f)}: the target has % but the unit is "${unit}" (use unit: percent)`,
      );
      return undefined;
    }
    return unit;
  }
}
