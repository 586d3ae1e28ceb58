/** The explanation workflow's calls: the period's tasks, one task, its steps, the preview. */
import type { IndicatorRow } from "./api.js";
import { call } from "./api.js";

export type TaskState = "to-do" | "draft" | "submitted" | "returned" | "approved";
export type TaskStep = "save" | "submit" | "return" | "approve";

export interface TaskSummary {
  readonly subject: string;
  readonly kind: "indicator" | "intention";
  readonly note: number;
  readonly heading: string;
  readonly owner: string | null;
  readonly state: TaskState;
  readonly due: string;
  readonly daysLeft: number;
  readonly version: number;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
  readonly comment: string | null;
  readonly mayWrite: boolean;
  readonly mayReview: boolean;
}

export interface TaskDetail extends TaskSummary {
  readonly markdown: string;
  readonly approved: string | null;
  readonly draft: string | null;
  readonly previous: { readonly period: string; readonly html: string } | null;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly row: IndicatorRow | null;
  readonly periods: readonly string[];
}

export interface StepResult {
  readonly state: TaskState;
  readonly version: number;
  readonly markdown: string;
  readonly comment: string | null;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

/** What a 409 carries: the task as it now is. */
export interface CurrentTask {
  readonly state: TaskState;
  readonly version: number;
  readonly markdown: string;
  readonly comment: string | null;
}

const base = (plan: string, period: string) =>
  `/api/plans/${encodeURIComponent(plan)}/periods/${encodeURIComponent(period)}`;

export const taskApi = {
  tasks: (plan: string, period: string, language: "nl" | "en") =>
    call<TaskSummary[]>(`${base(plan, period)}/tasks?language=${language}`),
  task: (plan: string, period: string, subject: string, language: "nl" | "en") =>
    call<TaskDetail>(
      `${base(plan, period)}/tasks/${encodeURIComponent(subject)}?language=${language}`,
    ),
  step: (
    plan: string,
    period: string,
    subject: string,
    step: TaskStep,
    body: { version: number; markdown?: string; comment?: string },
  ) =>
    call<StepResult>(`${base(plan, period)}/tasks/${encodeURIComponent(subject)}/${step}`, {
      method: "POST",
      body: JSON.stringify(body),
    }),
  setDue: (plan: string, period: string, date: string | null) =>
    call<void>(`${base(plan, period)}/explanations-due`, {
      method: "PUT",
      body: JSON.stringify({ date }),
    }),
  preview: (markdown: string) =>
    call<{ html: string }>("/api/markdown-preview", {
      method: "POST",
      body: JSON.stringify({ markdown }),
    }),
};
