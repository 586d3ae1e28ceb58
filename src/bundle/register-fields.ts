/** What the register files (risks.yaml, findings.yaml, lawfulness.yaml) have in common. */
import { type Decimal, decimalToString, parseDecimal } from "../domain/decimal.js";
import type { Plan } from "../domain/plan.js";
import {
  MEASURE_STATES,
  type Measure,
  type MeasureStatus,
  type RegisterText,
} from "../domain/registers.js";
import type { ProblemLog } from "./problems.js";
import { Fields, isMapping, type Mapping } from "./yaml-fields.js";
import { PreciseYaml, type YamlPath } from "./yaml-source.js";

export const ID = /^[a-z0-9-]+$/;
const MEASURE_FIELDS = ["measure", "owner", "status", "due"];

/** One register file being read: its YAML, the plan it belongs to and where problems go. */
export class RegisterFile {
  private constructor(
    readonly source: PreciseYaml,
    readonly root: Mapping,
    readonly plan: Plan,
    readonly log: ProblemLog,
  ) {}

  /** Undefined, with `shape` (what the file should be) logged, when it is not a mapping. */
  static open(text: string, file: string, plan: Plan, log: ProblemLog, shape: string) {
    const source = PreciseYaml.parse(text, file, log);
    if (!source) return undefined;
    if (!isMapping(source.data)) {
      log.error(file, 1, shape);
      return undefined;
    }
    return new RegisterFile(source, source.data, plan, log);
  }

  fields(map: Mapping, path: YamlPath, what: string): Fields {
    return new Fields(this.source, this.log, map, path, what);
  }

  error(path: YamlPath, message: string): void {
    this.log.error(this.source.file, this.source.line(path), message);
  }

  /** The items of a list field, each a mapping with its path; other items are logged. */
  mappings(
    f: Fields,
    key: string,
    what: string,
    required: boolean,
  ): { map: Mapping; path: YamlPath }[] {
    if (!required && (f.map[key] === undefined || f.map[key] === null)) return [];
    return (f.list(key) ?? []).flatMap((item, index) => {
      const path = [...f.path, key, index];
      if (isMapping(item)) return [{ map: item, path }];
      this.error(path, `${what} is a mapping`);
      return [];
    });
  }

  /** A mapping from period id to an entry, read by `entry`; unknown periods are errors. */
  perPeriod<T>(
    f: Fields,
    key: string,
    describeEntry: (periodId: string) => string,
    entry: (e: Fields, periodId: string) => T | undefined,
  ): T[] {
    const value = f.map[key];
    if (value === undefined || value === null) return [];
    if (!isMapping(value)) {
      f.error(key, `${describeEntry("…")}: ${key} is a mapping from period id to an entry`);
      return [];
    }
    const entries = this.source.keys([...f.path, key]).flatMap(({ written: periodId, key: k }) => {
      const path = [...f.path, key, k];
      const index = this.plan.periods.findIndex((p) => p.id === periodId);
      if (index < 0) {
        this.error(path, `${describeEntry(periodId)}: no such period in plan.yaml`);
        return [];
      }
      const item = value[k];
      if (!isMapping(item)) {
        this.error(path, `${describeEntry(periodId)} is a mapping`);
        return [];
      }
      const read = entry(this.fields(item, path, describeEntry(periodId)), periodId);
      return read === undefined ? [] : [{ index, read }];
    });
    return entries.sort((a, b) => a.index - b.index).map((e) => e.read);
  }

  /** The heading, and the advisor's Markdown narrative per period (`narrative: { <period>: | … }`). */
  text(f: Fields): RegisterText {
    const heading = f.text("heading", false);
    const value = f.map.narrative;
    if (value === undefined || value === null)
      return { ...(heading ? { heading } : {}), narratives: {} };
    if (!isMapping(value)) {
      f.error("narrative", "narrative is a mapping from period id to Markdown text");
      return { narratives: {} };
    }
    const narratives = this.source.keys([...f.path, "narrative"]).flatMap(({ written, key }) => {
      const path = [...f.path, "narrative", key];
      const text = value[key];
      if (!this.plan.periods.some((p) => p.id === written)) {
        this.error(path, `narrative names unknown period "${written}": not in plan.yaml`);
        return [];
      }
      if (typeof text !== "string" || text.trim() === "") {
        this.error(path, `narrative of period "${written}" must be Markdown text`);
        return [];
      }
      return [[written, text.trim()] as const];
    });
    return { ...(heading ? { heading } : {}), narratives: Object.fromEntries(narratives) };
  }

  measures(f: Fields, key: string, owner: string): Measure[] {
    return this.mappings(f, key, "a measure", false).flatMap(({ map, path }) => {
      const m = this.fields(map, path, `${owner}: measure`);
      m.warnUnknown(MEASURE_FIELDS);
      const title = m.text("measure", true);
      const who = m.text("owner", true);
      const status = m.oneOf<MeasureStatus>("status", MEASURE_STATES);
      if (!m.map.status) m.error(undefined, `${owner}: measure: missing required field "status"`);
      const due = m.date("due", false);
      if (!title || !who || !status) return [];
      return [{ title, owner: who, status, ...(due ? { due } : {}) }];
    });
  }

  /** A number of zero or more as written (never through binary floating point). */
  amount(f: Fields, key: string, what: string): Decimal | undefined {
    const value = f.map[key];
    if (value === undefined || value === null) return undefined;
    const written =
      typeof value === "number" ? this.source.writtenText([...f.path, key]) : undefined;
    const decimal = typeof value === "number" ? parseDecimal(written ?? String(value)) : undefined;
    if (!decimal) {
      f.error(
        key,
        `${what}: field "${key}" must be an amount in euros, such as 1250000 or 1250000.50`,
      );
      return undefined;
    }
    if (decimal.units < 0n) {
      f.error(
        key,
        `${what}: field "${key}" is ${decimalToString(decimal)} but must not be negative`,
      );
      return undefined;
    }
    return decimal;
  }
}
