import { parseIsoDate } from "../domain/calendar.js";
import type { CalendarDate } from "../domain/plan.js";
import type { ProblemLog } from "./problems.js";
import type { YamlPath, YamlSource } from "./yaml-source.js";

export type Mapping = Record<string, unknown>;

export function isMapping(value: unknown): value is Mapping {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Field readers over one YAML mapping, each logging what is wrong and where. */
export class Fields {
  constructor(
    private readonly source: YamlSource,
    private readonly log: ProblemLog,
    readonly map: Mapping,
    readonly path: YamlPath,
    readonly what: string,
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

  /** A YYYY-MM-DD calendar date. */
  date(key: string, required: boolean): CalendarDate | undefined {
    const text = this.text(key, required);
    if (text === undefined) return undefined;
    const date = parseIsoDate(text);
    if (!date)
      this.error(key, `${this.what}: ${key} "${text}" is not a calendar date (YYYY-MM-DD)`);
    return date;
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

/** How messages name the indicator a field belongs to. */
export function describe(f: Fields): string {
  return typeof f.map.id === "string" ? `indicator "${f.map.id}"` : "indicator";
}
