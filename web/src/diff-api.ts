/** The differences between two published periods, as GET /api/plans/:plan/diff gives them. */
import type { DiffJson } from "../../src/app/diff.js";
import { call } from "./api.js";

export type { DiffJson };

export const diffApi = {
  published: (plan: string, from: string, to: string) =>
    call<DiffJson>(
      `/api/plans/${encodeURIComponent(plan)}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    ),
};
