/** The database's tables, as Kysely sees them. Times are ISO 8601 text in UTC. */
import type { ColumnType } from "kysely";
import type { TaskState } from "../domain/explanation-task.js";

export type PeriodState = "open" | "closed" | "published";
export type Role = "admin" | "editor" | "owner" | "viewer";

export interface OrganisationTable {
  id: string;
  name: string;
}

export interface PlanTable {
  id: string;
  organisation_id: string;
  title: string;
  year: number;
  /** plan.yaml as imported: the plan's definition, exported as it came in. */
  plan_yaml: string;
  /** intentions.yaml as imported, when the bundle had one. */
  intentions_yaml: string | null;
  /** The register files as imported, as a JSON object from file name to text; null without any. */
  registers_yaml: string | null;
  /** The measurement history as history.csv, the previous year's waves included; null without. */
  history_csv: string | null;
  /** lineage.json of the computed figures, as imported or uploaded; null without any. */
  lineage_json: string | null;
  imported_at: string;
}

export interface PeriodTable {
  plan_id: string;
  period_id: string;
  position: number;
  state: PeriodState;
  changed_at: string | null;
  changed_by: string | null;
  reason: string | null;
  /** The date (YYYY-MM-DD) explanations of the period's exceptions are due; null: the default. */
  explanations_due: string | null;
}

export interface RealisationTable {
  plan_id: string;
  indicator_id: string;
  period_id: string;
  /** `number` (canonical digits), `assessment` (met/not-met) or `missing` (the word written). */
  kind: "number" | "assessment" | "missing";
  value: string;
  source: string | null;
  sample_size: number | null;
  version: number;
  updated_by: string;
  updated_at: string;
}

export interface ExplanationTable {
  plan_id: string;
  period_id: string;
  indicator_id: string;
  markdown: string;
  version: number;
  updated_by: string;
  updated_at: string;
}

/** An exception's explanation being written: the owner's text, its state, the editor's comment. */
export interface ExplanationTaskTable {
  plan_id: string;
  period_id: string;
  /** The indicator or intention explained. */
  subject_id: string;
  state: TaskState;
  markdown: string;
  /** Why the editor returned it; kept until the next return. */
  comment: string | null;
  version: number;
  updated_by: string;
  updated_at: string;
  /** When its owner was last reminded by e-mail. */
  reminded_at: string | null;
}

export interface SectionTable {
  plan_id: string;
  period_id: string;
  position: number;
  slug: string;
  heading: string;
  markdown: string;
}

export interface UserTable {
  id: string;
  email: string;
  password_hash: string;
  created_at: string;
  /** When an administrator blocked the account; null: it may sign in. */
  blocked_at: string | null;
}

export interface RoleTable {
  user_id: string;
  role: Role;
  /** Null: the role holds for every organisation. */
  organisation_id: string | null;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface SignInFailureTable {
  key: string;
  window_start: string;
  failures: number;
}

export interface AuditTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_key: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface PublishedReportTable {
  plan_id: string;
  period_id: string;
  format: string;
  content: ColumnType<Buffer, Buffer | Uint8Array, never>;
  sha256: string;
  audit_head: string;
  published_at: string;
  published_by: string;
}

export interface Database {
  organisations: OrganisationTable;
  plans: PlanTable;
  periods: PeriodTable;
  realisations: RealisationTable;
  explanations: ExplanationTable;
  explanation_tasks: ExplanationTaskTable;
  sections: SectionTable;
  users: UserTable;
  roles: RoleTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  audit_log: AuditTable;
  published_reports: PublishedReportTable;
}
