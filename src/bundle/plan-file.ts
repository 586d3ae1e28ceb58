/** Reads plan.yaml into a Plan, logging every problem with its line. */
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
import { isNotApplicable, parseThreshold, type Target, type Threshold } from "../domain/target.js";
import { ProblemLog } from "./problems.js";
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
];

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Field readers over one YAML mapping, each logging what is wrong and where. */
class Fields {
  constructor(
    private readonly source: YamlSource,
    private readonly log: ProblemLog,
    readonly map: Mapping,
    readonly path: YamlPath,
    private readonly what: string,
  ) {}

  line(key?: string): number | undefined {
    return this.source.line(key === undefined ? this.path : [...this.path, key]);
  }

  error(key: string | undefined, message: string): void {
    this.log.error(this.source.file, this.line(key), message);
  }

  warnUnknown(known: readonly string[]): void {
    for (const key of Object.keys(this.map)) {
      if (!known.includes(key)) {
        this.log.warn(
          this.source.file,
          this.line(key),
          `${this.what}: unknown field "${key}" is ignored`,
        );
      }
    }
  }

  has(key: string): boolean {
    return this.map[key] !== undefined && this.map[key] !== null;
  }

  /** A scalar as text (YAML numbers such as `2025` become "2025"). */
  text(key: string, required: boolean): string | undefined {
    const value = this.map[key];
    if (value === undefined || value === null || value === "") {
      if (required) this.error(undefined, `${this.what}: missing required field "${key}"`);
      return undefined;
    }
    if (typeof value === "string") return value.trim();
    if (typeof value === "number" || typeof value === "boolean") {
      return this.source.writtenText([...this.path, key]) ?? String(value);
    }
    this.error(key, `${this.what}: field "${key}" must be text`);
    return undefined;
  }

  matching(key: string, pattern: RegExp, required: boolean): string | undefined {
    const value = this.text(key, required);
    if (value !== undefined && !pattern.test(value)) {
      this.error(
        key,
        `${this.what}: field "${key}" is "${value}" but must match ${pattern.source}`,
      );
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.text(key, false);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.error(
      key,
      `${this.what}: field "${key}" is "${value}" but must be one of ${allowed.join(", ")}`,
    );
    return undefined;
  }

  integer(key: string, required: boolean, min: number, max: number): number | undefined {
    const value = this.map[key];
    if (value === undefined || value === null) {
      if (required) this.error(undefined, `${this.what}: missing required field "${key}"`);
      return undefined;
    }
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max)
      return value;
    this.error(key, `${this.what}: field "${key}" must be a whole number from ${min} to ${max}`);
    return undefined;
  }

  list(key: string): unknown[] | undefined {
    const value = this.map[key];
    if (Array.isArray(value)) return value;
    if (value === undefined || value === null) {
      this.error(undefined, `${this.what}: missing required field "${key}"`);
    } else {
      this.error(key, `${this.what}: field "${key}" must be a list`);
    }
    return undefined;
  }
}

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
          `period "${id}": until ${formatDate(until)} must come after the previous period's`,
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
    const target = this.readTarget(f, direction, assess);
    const unit = this.readUnit(f, target);
    const aggregation: Aggregation =
      f.oneOf("aggregation", AGGREGATIONS) ??
      (unit === "count" || unit === "euro" ? "sum" : "rate");
    const owner = f.text("owner", false);
    const source = f.text("source", false);
    const description = f.text("description", false);
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

  private readTarget(
    f: Fields,
    direction: Direction | undefined,
    assess: Assess,
  ): { target: Target; percent: boolean } | undefined {
    const value = f.map.target;
    if (
      value === undefined ||
      value === null ||
      (typeof value === "string" && isNotApplicable(value))
    ) {
      return { target: { kind: "none" }, percent: false };
    }
    if (typeof value === "string" || typeof value === "number") {
      const parsed = this.threshold(f, ["target"], this.written(f, ["target"], value), direction);
      return (
        parsed && {
          target: { kind: "fixed", threshold: parsed.threshold },
          percent: parsed.percent,
        }
      );
    }
    if (!isMapping(value)) {
      f.error("target", `${describe(f)}: target must be text, a time-phased map or { text: … }`);
      return undefined;
    }
    if ("text" in value) return this.qualitative(f, value);
    if (assess === "year-end") {
      f.error(
        "target",
        `${describe(f)}: a time-phased target cannot be combined with assess: year-end`,
      );
      return undefined;
    }
    return this.phased(f, value, direction);
  }

  private qualitative(f: Fields, value: Mapping): { target: Target; percent: boolean } | undefined {
    const text = typeof value.text === "string" ? value.text.trim() : "";
    if (!text || Object.keys(value).length > 1) {
      f.error(
        "target",
        `${describe(f)}: a qualitative target is { text: "…" } with non-empty text and nothing else`,
      );
      return undefined;
    }
    return { target: { kind: "qualitative", text }, percent: false };
  }

  private phased(
    f: Fields,
    value: Mapping,
    direction: Direction | undefined,
  ): { target: Target; percent: boolean } | undefined {
    const steps: { periodId: string; threshold: Threshold }[] = [];
    let percent = false;
    let ok = true;
    for (const { written: periodId, key } of this.source.keys([...f.path, "target"])) {
      const stepValue = value[key];
      const stepPath = ["target", key];
      if (!this.periods.some((p) => p.id === periodId)) {
        this.log.error(
          this.source.file,
          this.source.line([...f.path, ...stepPath]),
          `${describe(f)}: time-phased target names unknown period "${periodId}"`,
        );
        ok = false;
        continue;
      }
      if (stepValue === null || (typeof stepValue === "string" && isNotApplicable(stepValue)))
        continue;
      if (typeof stepValue !== "string" && typeof stepValue !== "number") {
        f.error("target", `${describe(f)}: the target for period "${periodId}" must be text`);
        ok = false;
        continue;
      }
      const parsed = this.threshold(f, stepPath, this.written(f, stepPath, stepValue), direction);
      if (!parsed) {
        ok = false;
        continue;
      }
      percent ||= parsed.percent;
      steps.push({ periodId, threshold: parsed.threshold });
    }
    if (!ok) return undefined;
    const order = (id: string) => this.periods.findIndex((p) => p.id === id);
    steps.sort((a, b) => order(a.periodId) - order(b.periodId));
    return { target: { kind: "phased", steps }, percent };
  }

  /** Targets have no thousands separators: `<= 1.417` is 1,417, rarely meant for a count. */
  private warnThousands(f: Fields, path: YamlPath, text: string): void {
    const unit = f.map.unit;
    if ((unit === "count" || unit === "euro") && /(^|[^\d.,])\d{1,3}\.\d{3}(?![\d.,])/.test(text)) {
      this.log.warn(
        this.source.file,
        this.source.line([...f.path, ...path]),
        `${describe(f)}: target "${text.trim()}" reads as a decimal (the point is a decimal point, targets have no thousands separators); write ${text.trim().replace(/(\d)\.(\d{3})(?![\d.,])/g, "$1$2")} for a whole number`,
      );
    }
  }

  /** A target as the plan wrote it: `99.90` stays `99.90`, not the number 99.9. */
  private written(f: Fields, path: YamlPath, value: string | number): string {
    return typeof value === "string"
      ? value
      : (this.source.writtenText([...f.path, ...path]) ?? String(value));
  }

  private threshold(f: Fields, path: YamlPath, text: string, direction: Direction | undefined) {
    const result = parseThreshold(text, direction);
    if ("error" in result) {
      this.log.error(
        this.source.file,
        this.source.line([...f.path, ...path]),
        `${describe(f)}: bad target: ${result.error}`,
      );
      return undefined;
    }
    this.warnThousands(f, path, text);
    return result.ok;
  }
}

function describe(f: Fields): string {
  return typeof f.map.id === "string" ? `indicator "${f.map.id}"` : "indicator";
}

function parseIsoDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  const valid =
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day;
  return valid ? { year, month, day } : undefined;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function formatDate(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}
