/** Reads findings.yaml: the audit findings, their status per period and the narrative. */
import {
  CLASSIFICATIONS,
  type Classification,
  FINDING_SOURCES,
  FINDING_STATES,
  type Finding,
  type FindingRegister,
  type FindingSource,
  type FindingState,
} from "../domain/findings.js";
import type { Plan } from "../domain/plan.js";
import type { ProblemLog } from "./problems.js";
import { ID, RegisterFile } from "./register-fields.js";
import type { Fields } from "./yaml-fields.js";

const FILE_FIELDS = ["heading", "narrative", "findings"];
const FINDING_FIELDS = [
  "id",
  "title",
  "source",
  "year",
  "classification",
  "description",
  "measures",
  "resolve-by",
  "progress",
];
const PROGRESS_FIELDS = ["status", "note"];

/** `source: adr` or `source: [adr, algemene-rekenkamer]`. */
function sourcesOf(f: Fields, what: string): FindingSource[] | undefined {
  const value = f.map.source;
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  if (list.length === 0) {
    f.error(undefined, `${what}: missing required field "source"`);
    return undefined;
  }
  const wrong = list.find((s) => !(FINDING_SOURCES as readonly unknown[]).includes(s));
  if (wrong !== undefined) {
    f.error(
      "source",
      `${what}: source "${String(wrong)}" must be one of ${FINDING_SOURCES.join(", ")}`,
    );
    return undefined;
  }
  return list as FindingSource[];
}

export function readFindings(
  text: string,
  file: string,
  plan: Plan,
  log: ProblemLog,
): FindingRegister | undefined {
  const r = RegisterFile.open(
    text,
    file,
    plan,
    log,
    "findings.yaml is a mapping with a list `findings`",
  );
  if (!r) return undefined;
  const top = r.fields(r.root, [], "findings.yaml");
  top.warnUnknown(FILE_FIELDS);
  const ids = new Set<string>();
  const findings = r
    .mappings(top, "findings", "a finding", true)
    .flatMap(({ map, path }): Finding[] => {
      const what = typeof map.id === "string" ? `finding "${map.id}"` : "finding";
      const f = r.fields(map, path, what);
      f.warnUnknown(FINDING_FIELDS);
      const id = f.matching("id", ID, true);
      if (id && ids.has(id)) f.error("id", `duplicate finding id "${id}"`);
      if (id) ids.add(id);
      const title = f.text("title", true);
      const sources = sourcesOf(f, what);
      const year = f.integer("year", false, 1900, 9999);
      const classification = f.oneOf<Classification>("classification", CLASSIFICATIONS);
      if (!f.map.classification)
        f.error(undefined, `${what}: missing required field "classification"`);
      const description = f.text("description", false);
      const measures = r.measures(f, "measures", what);
      const resolveBy = f.date("resolve-by", false);
      const progress = r.perPeriod(
        f,
        "progress",
        (p) => `${what}: progress of period "${p}"`,
        (e, periodId) => {
          e.warnUnknown(PROGRESS_FIELDS);
          const state = e.oneOf<FindingState>("status", FINDING_STATES);
          if (!e.map.status)
            e.error(
              undefined,
              `${what}: progress of period "${periodId}": missing required field "status"`,
            );
          const note = e.text("note", false);
          return state ? { periodId, state, ...(note ? { note } : {}) } : undefined;
        },
      );
      if (!id || !title || !sources || !classification) return [];
      return [
        {
          id,
          title,
          sources,
          ...(year !== undefined ? { year } : {}),
          classification,
          ...(description ? { description } : {}),
          measures,
          ...(resolveBy ? { resolveBy } : {}),
          progress,
        },
      ];
    });
  return { ...r.text(top), findings };
}
