/** Reads risks.yaml: the risk register, its assessments per period and its narrative. */
import type { Plan } from "../domain/plan.js";
import type { Risk, RiskAssessment, RiskRegister } from "../domain/risks.js";
import type { ProblemLog } from "./problems.js";
import { ID, RegisterFile } from "./register-fields.js";

const FILE_FIELDS = ["heading", "narrative", "risks"];
const RISK_FIELDS = ["id", "title", "cause", "effect", "owner", "mitigations", "assessments"];
const ASSESSMENT_FIELDS = ["likelihood", "impact", "note"];

export function readRisks(
  text: string,
  file: string,
  plan: Plan,
  log: ProblemLog,
): RiskRegister | undefined {
  const r = RegisterFile.open(text, file, plan, log, "risks.yaml is a mapping with a list `risks`");
  if (!r) return undefined;
  const top = r.fields(r.root, [], "risks.yaml");
  top.warnUnknown(FILE_FIELDS);
  const ids = new Set<string>();
  const risks = r.mappings(top, "risks", "a risk", true).flatMap(({ map, path }): Risk[] => {
    const what = typeof map.id === "string" ? `risk "${map.id}"` : "risk";
    const f = r.fields(map, path, what);
    f.warnUnknown(RISK_FIELDS);
    const id = f.matching("id", ID, true);
    if (id && ids.has(id)) f.error("id", `duplicate risk id "${id}"`);
    if (id) ids.add(id);
    const title = f.text("title", true);
    const owner = f.text("owner", true);
    const cause = f.text("cause", false);
    const effect = f.text("effect", false);
    const measures = r.measures(f, "mitigations", what);
    const assessments = r.perPeriod(
      f,
      "assessments",
      (p) => `${what}: assessment of period "${p}"`,
      (e, periodId): RiskAssessment | undefined => {
        e.warnUnknown(ASSESSMENT_FIELDS);
        const likelihood = e.integer("likelihood", false, 1, 5);
        const impact = e.integer("impact", false, 1, 5);
        const note = e.text("note", false);
        if ((e.map.likelihood == null) !== (e.map.impact == null)) {
          e.error(
            undefined,
            `${what}: assessment of period "${periodId}": give likelihood and impact together, or neither`,
          );
          return undefined;
        }
        if (e.map.likelihood != null && (likelihood === undefined || impact === undefined))
          return undefined;
        if (likelihood === undefined && !note) {
          e.error(
            undefined,
            `${what}: assessment of period "${periodId}": give likelihood and impact, or a note saying why there are none`,
          );
          return undefined;
        }
        return {
          periodId,
          ...(likelihood !== undefined && impact !== undefined ? { likelihood, impact } : {}),
          ...(note ? { note } : {}),
        };
      },
    );
    if (!id || !title || !owner) return [];
    return [
      {
        id,
        title,
        owner,
        ...(cause ? { cause } : {}),
        ...(effect ? { effect } : {}),
        measures,
        assessments,
      },
    ];
  });
  return { ...r.text(top), risks };
}
