/** Reads an indicator's target (FORMAT.md's grammar) from plan.yaml, with its lines. */
import type { Assess, Direction, Period } from "../domain/plan.js";
import { isNotApplicable, parseThreshold, type Target, type Threshold } from "../domain/target.js";
import type { ProblemLog } from "./problems.js";
import { describe, type Fields, isMapping, type Mapping } from "./yaml-fields.js";
import type { YamlPath, YamlSource } from "./yaml-source.js";

export interface ReadTarget {
  readonly target: Target;
  /** Some part of the target carried a `%`. */
  readonly percent: boolean;
}

export class TargetReader {
  constructor(
    private readonly source: YamlSource,
    private readonly log: ProblemLog,
    private readonly periods: readonly Period[],
  ) {}

  read(
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
