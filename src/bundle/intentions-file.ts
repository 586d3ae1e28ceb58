/** Reads intentions.yaml (the plan's intentions and milestones), logging every problem with its line. */
import { compareDates } from "../domain/calendar.js";
import {
  type Intention,
  MILESTONE_STATES,
  type Milestone,
  type MilestoneState,
  type Progress,
} from "../domain/intentions.js";
import { indicatorsOf, type Plan } from "../domain/plan.js";
import type { ProblemLog } from "./problems.js";
import { Fields, isMapping } from "./yaml-fields.js";
import { PreciseYaml, type YamlPath } from "./yaml-source.js";

const ID = /^[a-z0-9-]+$/;
const INTENTION_FIELDS = ["id", "title", "group", "owner", "description", "milestones"];
const MILESTONE_FIELDS = ["id", "title", "planned", "revised", "progress"];
const PROGRESS_FIELDS = ["status", "date", "revised", "reason"];

export function readIntentions(
  text: string,
  file: string,
  plan: Plan,
  log: ProblemLog,
): Intention[] {
  const source = PreciseYaml.parse(text, file, log);
  if (!source) return [];
  const fields = (map: Record<string, unknown>, path: YamlPath, what: string) =>
    new Fields(source, log, map, path, what);
  if (!isMapping(source.data)) {
    log.error(file, 1, "intentions.yaml is a mapping with a list `intentions`");
    return [];
  }
  const list = fields(source.data, [], "intentions.yaml").list("intentions") ?? [];
  const seen = new Set(indicatorsOf(plan.nodes).map((i) => i.id));

  const progressOf = (f: Fields, path: YamlPath): Progress[] => {
    const value = f.map.progress;
    if (value === undefined || value === null) return [];
    if (!isMapping(value)) {
      f.error(
        "progress",
        `${f.path.join(".")}: progress is a mapping from period id to { status, date, reason }`,
      );
      return [];
    }
    return source.keys([...path, "progress"]).flatMap(({ written: periodId, key }) => {
      const entryPath = [...path, "progress", key];
      const entry = value[key];
      const period = plan.periods.find((p) => p.id === periodId);
      if (!period) {
        log.error(
          file,
          source.line(entryPath),
          `progress names unknown period "${periodId}": not in plan.yaml`,
        );
        return [];
      }
      if (!isMapping(entry)) {
        log.error(
          file,
          source.line(entryPath),
          `progress of period "${periodId}" is { status, date, reason }`,
        );
        return [];
      }
      const e = fields(entry, entryPath, `progress of period "${periodId}"`);
      e.warnUnknown(PROGRESS_FIELDS);
      const state = e.oneOf<MilestoneState>("status", MILESTONE_STATES);
      if (!e.map.status)
        e.error(undefined, `progress of period "${periodId}": missing required field "status"`);
      const date = e.date("date", state === "done");
      const revised = e.date("revised", false);
      const reason = e.text("reason", false);
      if (state === "done" && date && compareDates(date, period.until) > 0) {
        e.error("date", `progress of period "${periodId}": done on a date after the period's end`);
        return [];
      }
      if (!state || (state === "done" && !date)) return [];
      return [
        {
          periodId,
          state,
          ...(date ? { date } : {}),
          ...(revised ? { revised } : {}),
          ...(reason ? { reason } : {}),
        },
      ];
    });
  };

  const milestoneOf = (item: unknown, path: YamlPath, ids: Set<string>): Milestone | undefined => {
    if (!isMapping(item)) {
      log.error(file, source.line(path), "a milestone is a mapping with id, title and planned");
      return undefined;
    }
    const f = fields(
      item,
      path,
      typeof item.id === "string" ? `milestone "${item.id}"` : "milestone",
    );
    f.warnUnknown(MILESTONE_FIELDS);
    const id = f.matching("id", ID, true);
    if (id && ids.has(id)) f.error("id", `duplicate milestone id "${id}"`);
    if (id) ids.add(id);
    const title = f.text("title", true);
    const planned = f.date("planned", true);
    const revised = f.date("revised", false);
    const progress = progressOf(f, path);
    if (revised && progress.some((p) => p.revised)) {
      f.error(
        "revised",
        `milestone "${id}": revised is given on the milestone and in its progress: give it per period only, so each move is kept`,
      );
      return undefined;
    }
    if (!id || !title || !planned) return undefined;
    return { id, title, planned, ...(revised ? { revised } : {}), progress };
  };

  return list.flatMap((item, index): Intention[] => {
    const path = ["intentions", index];
    if (!isMapping(item)) {
      log.error(file, source.line(path), "an intention is a mapping with id and title");
      return [];
    }
    const f = fields(
      item,
      path,
      typeof item.id === "string" ? `intention "${item.id}"` : "intention",
    );
    f.warnUnknown(INTENTION_FIELDS);
    const id = f.matching("id", ID, true);
    if (id && seen.has(id))
      f.error("id", `duplicate id "${id}": ids are unique among indicators and intentions`);
    if (id) seen.add(id);
    const title = f.text("title", true);
    const group = f.text("group", false);
    const owner = f.text("owner", false);
    const description = f.text("description", false);
    const milestoneIds = new Set<string>();
    const milestones = (
      item.milestones === undefined || item.milestones === null ? [] : (f.list("milestones") ?? [])
    )
      .map((m, i) => milestoneOf(m, [...path, "milestones", i], milestoneIds))
      .filter((m): m is Milestone => m !== undefined);
    if (!id || !title) return [];
    return [
      {
        id,
        title,
        ...(group ? { group } : {}),
        ...(owner ? { owner } : {}),
        ...(description ? { description } : {}),
        milestones,
      },
    ];
  });
}
