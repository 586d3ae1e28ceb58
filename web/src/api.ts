/** The few API calls the app makes; the session is the HttpOnly cookie the server sets. */
import type { IndicatorRow, NarrativeSection, TableRow } from "../../src/report/model.js";

export type { IndicatorRow, TableRow };

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
  readonly intentions: NarrativeSection | null;
  readonly notes: readonly { readonly note: number; readonly heading: string }[];
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

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    credentials: "same-origin",
    ...init,
    headers: { ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const detail = problem.errors?.[0]?.message ?? problem.detail ?? problem.title;
    throw new ApiError(response.status, detail ?? response.statusText, problem);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const api = {
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
  upload: (plan: string, csv: string, preview: boolean) =>
    call<UploadResult>(
      `/api/plans/${encodeURIComponent(plan)}/realisations${preview ? "?preview=true" : ""}`,
      {
        method: "POST",
        body: csv,
        headers: { "content-type": "text/csv" },
      },
    ),
  audit: (after: number, limit: number) =>
    call<{ entries: AuditEntry[] }>(`/api/audit?after=${after}&limit=${limit}`),
  dashboard: (plan: string, period: string, language: "nl" | "en") =>
    call<Dashboard>(
      `/api/plans/${encodeURIComponent(plan)}/periods/${encodeURIComponent(period)}/dashboard?language=${language}`,
    ),
};
