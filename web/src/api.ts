/** The few API calls the app makes; the session is the HttpOnly cookie the server sets. */
import type { ToleranceWarnings } from "../../src/app/registers-view.js";
import type { EarlyWarnings } from "../../src/report/early-warnings.js";
import type { IntentionRow } from "../../src/report/intentions-model.js";
import type {
  IndicatorRow,
  NarrativeSection,
  PeriodCell,
  ReportPeriod,
  TableRow,
} from "../../src/report/model.js";

export type { EarlyWarnings, IndicatorRow, IntentionRow, TableRow, ToleranceWarnings };

export interface Account {
  readonly email: string;
  readonly roles: readonly { readonly role: string; readonly organisation: string | null }[];
}

export interface PlanSummary {
  readonly id: string;
  readonly title: string;
  readonly organisation: string;
  readonly periods: readonly { readonly id: string; readonly state: string }[];
}

export interface Dashboard {
  readonly language: "nl" | "en";
  readonly title: string;
  readonly planTitle: string;
  readonly period: { readonly id: string; readonly label: string };
  /** The column periods, up to and including the chosen one. */
  readonly periods: readonly ReportPeriod[];
  readonly introduction: readonly string[];
  readonly table: {
    readonly caption: string;
    readonly headers: {
      readonly indicator: string;
      readonly target: string;
      readonly periods: readonly string[];
      readonly status: string;
      readonly note: string;
      readonly source: string;
    };
    readonly rows: readonly TableRow[];
  };
  /** Indicators met now but forecast to miss their year-end target; null when there are none. */
  readonly earlyWarnings: EarlyWarnings | null;
  /** Budget articles whose errors and uncertainties exceed the tolerance; null when none do. */
  readonly toleranceWarnings: ToleranceWarnings | null;
  readonly intentions: NarrativeSection | null;
  readonly intentionRows: readonly IntentionRow[];
  readonly notes: readonly { readonly note: number; readonly heading: string }[];
}

/** One indicator over the year, as GET /api/plans/:plan/indicators/:indicator gives it. */
export interface IndicatorDetail {
  readonly language: "nl" | "en";
  readonly plan: { readonly id: string; readonly title: string };
  readonly indicator: {
    readonly id: string;
    readonly title: string;
    readonly groups: readonly string[];
    readonly heading: string;
    readonly description: string | null;
    readonly unit: string;
    readonly decimals: number | null;
    readonly direction: "higher" | "lower" | null;
    readonly aggregation: "sum" | "rate" | "latest" | "progress";
    readonly assess: "every-period" | "year-end";
    readonly owner: string | null;
    readonly source: string | null;
    readonly target: string;
    readonly qualitative: boolean;
  };
  readonly periods: readonly (PeriodCell & {
    readonly label: string;
    readonly until: string;
    readonly entry: {
      readonly version: number;
      readonly updatedBy: string | null;
      readonly updatedAt: string | null;
    };
    /** How the figure was computed from source data; null when it was not (or changed since). */
    readonly computed: ComputedOrigin | null;
  })[];
  readonly explanations: readonly {
    readonly periodId: string;
    readonly label: string;
    readonly note: number | null;
    /** Rendered by the server from the stored Markdown, raw HTML escaped. */
    readonly html: string;
  }[];
  readonly chart: {
    readonly title: string;
    readonly description: string;
    readonly svg: string;
  } | null;
}

export interface ComputedOrigin {
  readonly engine: string;
  readonly engineVersion: string;
  readonly computedAt: string;
  readonly sql: string;
  readonly columns: Readonly<Record<string, string>>;
  readonly sources: readonly {
    readonly name: string;
    readonly table?: string;
    readonly files: readonly {
      readonly path: string;
      readonly bytes: number;
      readonly sha256: string;
    }[];
    readonly rows: number;
  }[];
}

export interface RealisationRecord {
  readonly indicator: string;
  readonly period: string;
  readonly value: number | string | null;
  readonly source: string | null;
  readonly version: number;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

export interface EntryRow {
  readonly indicator: string;
  readonly title: string;
  readonly groups: readonly string[];
  readonly unit: string;
  readonly qualitative: boolean;
  readonly writable: boolean;
  readonly record: RealisationRecord;
}

export interface PublishedFile {
  readonly format: string;
  readonly sha256: string;
  readonly publishedAt: string;
  readonly publishedBy: string;
}

export interface UploadResult {
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly changes: readonly {
    readonly key: string;
    readonly before: { value: unknown } | null;
    readonly after: { value: unknown };
  }[];
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityKey: string;
  readonly before: unknown;
  readonly after: unknown;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface RoleGrant {
  readonly role: string;
  /** null: every organisation. */
  readonly organisation: string | null;
}

export interface ManagedUser {
  readonly email: string;
  readonly roles: readonly RoleGrant[];
  readonly blocked: boolean;
  readonly createdAt: string;
  /** Whether you may reset the password and block the account. */
  readonly manageable: boolean;
}

export interface BundleFile {
  readonly path: string;
  readonly content: string;
}

export interface ImportSummary {
  readonly id: string;
  readonly title: string;
  readonly organisation: string;
  readonly year: number;
  readonly periods: readonly { readonly id: string; readonly label: string }[];
  readonly indicators: number;
  readonly realisations: number;
  readonly explanations: number;
  readonly sections: number;
  readonly warnings: readonly string[];
  readonly replaces: boolean;
  readonly imported: boolean;
}

const userUrl = (email: string) => `/api/users/${encodeURIComponent(email)}`;

/** A refusal from the API, with the problem's details (`current` on a conflict). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problem: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Fired when a call finds the session gone, so the app can ask to sign in again in place. */
export const SESSION_EXPIRED = "koers:session-expired";

export async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    credentials: "same-origin",
    ...init,
    headers: { ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const detail = problem.errors?.[0]?.message ?? problem.detail ?? problem.title;
    // Signing in and asking who is signed in answer 401 as their normal "no".
    if (response.status === 401 && path !== "/api/session") {
      window.dispatchEvent(new Event(SESSION_EXPIRED));
    }
    throw new ApiError(response.status, detail ?? response.statusText, problem);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const api = {
  users: () => call<ManagedUser[]>("/api/users"),
  addUser: (user: { email: string; role: string; organisation: string | null; password: string }) =>
    call<unknown>("/api/users", { method: "POST", body: JSON.stringify(user) }),
  grantRole: (email: string, grant: RoleGrant) =>
    call<ManagedUser>(`${userUrl(email)}/roles`, { method: "POST", body: JSON.stringify(grant) }),
  withdrawRole: (email: string, grant: RoleGrant) =>
    call<ManagedUser>(
      `${userUrl(email)}/roles/${grant.role}${grant.organisation === null ? "" : `?organisation=${encodeURIComponent(grant.organisation)}`}`,
      { method: "DELETE" },
    ),
  resetPassword: (email: string, password: string) =>
    call<void>(`${userUrl(email)}/password`, {
      method: "PUT",
      body: JSON.stringify({ password }),
    }),
  setBlocked: (email: string, blocked: boolean) =>
    call<ManagedUser>(`${userUrl(email)}/blocked`, {
      method: "PUT",
      body: JSON.stringify({ blocked }),
    }),
  importPlan: (files: readonly BundleFile[], how: "preview" | "import" | "replace") =>
    call<ImportSummary>(`/api/plans${how === "import" ? "" : `?${how}=true`}`, {
      method: "POST",
      body: JSON.stringify({ files }),
    }),
  session: () => call<Account>("/api/session"),
  signIn: (email: string, password: string) =>
    call<void>("/api/session", { method: "POST", body: JSON.stringify({ email, password }) }),
  signOut: () => call<void>("/api/session", { method: "DELETE" }),
  plans: () => call<PlanSummary[]>("/api/plans"),
  entries: (plan: string, period: string) =>
    call<EntryRow[]>(
      `/api/plans/${encodeURIComponent(plan)}/periods/${encodeURIComponent(period)}/realisations`,
    ),
  saveRealisation: (
    plan: string,
    indicator: string,
    period: string,
    value: string,
    version: number,
    notation: "nl" | "en",
  ) =>
    call<RealisationRecord>(
      `/api/plans/${encodeURIComponent(plan)}/realisations/${encodeURIComponent(indicator)}/${encodeURIComponent(period)}`,
      { method: "PUT", body: JSON.stringify({ value, version, notation }) },
    ),
  changePeriod: (
    plan: string,
    period: string,
    action: "close" | "publish" | "reopen",
    reason?: string,
  ) =>
    call<unknown>(
      `/api/plans/${encodeURIComponent(plan)}/periods/${encodeURIComponent(period)}/${action}`,
      {
        method: "POST",
        ...(reason === undefined ? {} : { body: JSON.stringify({ reason }) }),
      },
    ),
  published: (plan: string, period: string) =>
    call<PublishedFile[]>(
      `/api/plans/${encodeURIComponent(plan)}/periods/${encodeURIComponent(period)}/published`,
    ),
  /** A CSV file as its text, an Excel workbook (.xlsx) as its bytes. */
  upload: (plan: string, file: string | ArrayBuffer, preview: boolean) =>
    call<UploadResult>(
      `/api/plans/${encodeURIComponent(plan)}/realisations${preview ? "?preview=true" : ""}`,
      {
        method: "POST",
        body: file,
        headers: { "content-type": typeof file === "string" ? "text/csv" : XLSX_TYPE },
      },
    ),
  audit: (after: number, limit: number) =>
    call<{ entries: AuditEntry[] }>(`/api/audit?after=${after}&limit=${limit}`),
  indicator: (plan: string, indicator: string, language: "nl" | "en") =>
    call<IndicatorDetail>(
      `/api/plans/${encodeURIComponent(plan)}/indicators/${encodeURIComponent(indicator)}?language=${language}`,
    ),
  dashboard: (plan: string, period: string, language: "nl" | "en") =>
    call<Dashboard>(
      `/api/plans/${encodeURIComponent(plan)}/periods/${encodeURIComponent(period)}/dashboard?language=${language}`,
    ),
};
