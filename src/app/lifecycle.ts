/**
 * A period's life cycle: open → closed (its figures and explanations locked) → published (the
 * report files of that moment stored for good); reopening, with a reason, makes it open again.
 * Each change is one transaction that holds the writers' lock and appends an audit entry with
 * the state before and after. Who may make which change is for the caller (authorization) to
 * decide; these functions only record who did.
 */
import { auditHead } from "../store/audit.js";
import type { Store } from "../store/open.js";
import { type Actor, loadBundle } from "../store/plans.js";
import { ConflictError, ValidationError } from "./errors.js";
import {
  applyTransition,
  changeState,
  type PeriodStatus,
  periodRow,
  refuseUnless,
  type Transition,
} from "./period-state.js";
import {
  type PublishedFile,
  type RenderedPublication,
  renderPublication,
  storePublication,
} from "./publication.js";

export type { PeriodStatus } from "./period-state.js";

/** Locks the period's figures and explanations. */
export async function closePeriod(
  store: Store,
  planId: string,
  periodId: string,
  by: Actor,
): Promise<PeriodStatus> {
  return changeState(
    store,
    planId,
    periodId,
    {
      action: "close-period",
      from: ["open"],
      to: "closed",
      refusal: "only an open period can be closed",
      reason: null,
    },
    by,
  );
}

/** Opens a closed or published period again; the reason is required and kept in the trail. */
export async function reopenPeriod(
  store: Store,
  planId: string,
  periodId: string,
  reason: string,
  by: Actor,
): Promise<PeriodStatus> {
  const why = reason.trim();
  if (!why) {
    throw new ValidationError("reopening a period needs a reason", [
      { field: "reason", message: "say why the period is reopened" },
    ]);
  }
  return changeState(
    store,
    planId,
    periodId,
    {
      action: "reopen-period",
      from: ["closed", "published"],
      to: "open",
      refusal: "only a closed or published period can be reopened",
      reason: why,
    },
    by,
  );
}

export interface Publication {
  readonly status: PeriodStatus;
  readonly files: readonly PublishedFile[];
  /** Why there is no PDF; null when there is one. */
  readonly withoutPdf: string | null;
  readonly warnings: readonly string[];
}

const PUBLISH: Omit<Transition, "details"> = {
  action: "publish-period",
  from: ["closed"],
  to: "published",
  refusal: "only a closed period can be published",
  reason: null,
};

/** How often a publication is rendered again because the database changed meanwhile. */
const ATTEMPTS = 3;

/**
 * Publishes a closed period: renders its report from the stored plan and stores every file
 * with its SHA-256 and the audit head it carries.
 *
 * The head carried is the chain's last entry at the moment of publishing, before the
 * publication's own entry: that entry's `prev_hash` is the head printed in the report, and
 * `koers audit verify --head` with it proves everything up to the publication unchanged.
 * Rendering (Word, PDF) takes seconds, so it happens outside the writers' lock; the
 * transaction then stores the files only if the head is still the one rendered, and otherwise
 * renders again: every write appends to the trail, so an unchanged head means the report shows
 * the database as it is.
 *
 * `chromium` prints the PDF: by default the one findChromium() finds; null leaves the PDF out.
 */
export async function publishPeriod(
  store: Store,
  planId: string,
  periodId: string,
  by: Actor,
  options: { readonly chromium?: string | null } = {},
): Promise<Publication> {
  const chromium =
    options.chromium === undefined
      ? ((await import("../report/pdf.js")).findChromium() ?? null)
      : options.chromium;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const head = await auditHead(store.db);
    refuseUnless(await periodRow(store.db, planId, periodId), PUBLISH);
    const anchor = { auditHead: head, publishedAt: by.at };
    const bundle = await loadBundle(store.db, planId);
    const rendered = await renderPublication(bundle, periodId, anchor, chromium);
    const published = await store.db.transaction().execute(async (trx) => {
      await store.dialect.lockWriters(trx);
      if ((await auditHead(trx)) !== head) return undefined;
      await storePublication(trx, { planId, periodId }, rendered, anchor, by.actor);
      return applyTransition(
        trx,
        planId,
        periodId,
        { ...PUBLISH, details: details(rendered, head) },
        by,
      );
    });
    if (published) return publication(published, rendered, anchor.publishedAt, head, by);
  }
  throw new ConflictError(
    `the database kept changing while the report of period ${periodId} of plan ${planId} was rendered; publish again`,
    null,
  );
}

function details(rendered: RenderedPublication, head: string): Record<string, unknown> {
  return {
    auditHead: head,
    files: rendered.files.map((f) => ({ format: f.format, sha256: f.sha256 })),
  };
}

function publication(
  status: PeriodStatus,
  rendered: RenderedPublication,
  publishedAt: string,
  auditHead: string,
  by: Actor,
): Publication {
  return {
    status,
    files: rendered.files.map((f) => ({
      format: f.format,
      sha256: f.sha256,
      auditHead,
      publishedAt,
      publishedBy: by.actor,
      bytes: f.content.length,
    })),
    withoutPdf: rendered.withoutPdf,
    warnings: rendered.warnings,
  };
}
