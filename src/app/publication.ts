/**
 * The files of a publication: a period's report rendered in every stored format, and reading
 * back what was stored. Stored rows are only ever inserted, never updated.
 */
import { createHash } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Bundle } from "../bundle/read-bundle.js";
import { formatProblem } from "../domain/errors.js";
import type { ReportAnchor, ReportModel } from "../report/model.js";
import type { Database } from "../store/database.js";
import type { Store } from "../store/open.js";
import { ConflictError, NotFoundError } from "./errors.js";
import type { ReportFormat } from "./formats.js";
import { buildReport, renderReport } from "./report.js";

/** The formats every publication stores; PDF is added when Chromium is there to print it. */
const ALWAYS: readonly ReportFormat[] = ["html", "md", "csv", "docx"];

export interface RenderedFile {
  readonly format: ReportFormat;
  readonly content: Uint8Array;
  readonly sha256: string;
}

export interface RenderedPublication {
  readonly files: readonly RenderedFile[];
  /** Why there is no PDF; null when there is one. */
  readonly withoutPdf: string | null;
  /** The report's warnings, such as an exception without explanation. */
  readonly warnings: readonly string[];
}

export function sha256(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

function file(format: ReportFormat, rendered: string | Uint8Array): RenderedFile {
  const content = typeof rendered === "string" ? Buffer.from(rendered, "utf8") : rendered;
  return { format, content, sha256: sha256(content) };
}

/**
 * Renders the period's report, carrying `anchor`, in every format. `chromium` is the browser
 * that prints the PDF; null leaves the PDF out.
 */
/** A drafted paragraph is the owner's starting point, never published text. */
function refuseDrafts(model: ReportModel, periodId: string): void {
  const drafts = model.explanations.filter((block) => block.draft !== null);
  if (drafts.length === 0) return;
  const notes = drafts.map((block) => `${block.note} (${block.indicatorId})`).join(", ");
  throw new ConflictError(
    `period ${periodId} cannot be published: ${drafts.length === 1 ? "exception" : "exceptions"} ${notes} ${drafts.length === 1 ? "has" : "have"} no approved explanation, only a draft; approve an explanation for each, or reopen the period to write one`,
    null,
  );
}

export async function renderPublication(
  bundle: Bundle,
  periodId: string,
  anchor: ReportAnchor,
  chromium: string | null,
): Promise<RenderedPublication> {
  const { model, warnings } = buildReport(bundle, periodId, undefined, anchor);
  refuseDrafts(model, periodId);
  const rendered = await Promise.all(
    ALWAYS.map(async (format) => [format, await renderReport(model, format)] as const),
  );
  const files = rendered.map(([format, content]) => file(format, content));
  const common = { warnings: warnings.map(formatProblem) };
  if (!chromium) {
    return {
      files,
      withoutPdf:
        "published without PDF: there is no Chromium to print it (install it with `apt-get install chromium`, or set KOERS_CHROMIUM)",
      ...common,
    };
  }
  const { renderPdf } = await import("../report/pdf.js");
  const html = rendered.find(([format]) => format === "html")?.[1] as string;
  const pdf = await renderPdf(html, { title: model.title, language: model.language, chromium });
  return { files: [...files, file("pdf", pdf)], withoutPdf: null, ...common };
}

export interface PublishedFile {
  readonly format: string;
  readonly sha256: string;
  /** The audit trail's head when the file was published, as the report itself shows it. */
  readonly auditHead: string;
  readonly publishedAt: string;
  readonly publishedBy: string;
  readonly bytes: number;
}

export async function storePublication(
  trx: Transaction<Database>,
  key: { readonly planId: string; readonly periodId: string },
  rendered: RenderedPublication,
  anchor: ReportAnchor,
  publishedBy: string,
): Promise<void> {
  await trx
    .insertInto("published_reports")
    .values(
      rendered.files.map((f) => ({
        plan_id: key.planId,
        period_id: key.periodId,
        format: f.format,
        content: f.content,
        sha256: f.sha256,
        audit_head: anchor.auditHead,
        published_at: anchor.publishedAt,
        published_by: publishedBy,
      })),
    )
    .execute();
}

function published(db: Kysely<Database>, planId: string, periodId: string) {
  return db
    .selectFrom("published_reports")
    .select([
      "format",
      "sha256",
      "audit_head as auditHead",
      "published_at as publishedAt",
      "published_by as publishedBy",
      sql<number>`length(content)`.as("bytes"),
    ])
    .where("plan_id", "=", planId)
    .where("period_id", "=", periodId);
}

/** Every file ever published for the period, oldest publication first. */
export async function getPublished(
  store: Store,
  planId: string,
  periodId: string,
): Promise<PublishedFile[]> {
  const rows = await published(store.db, planId, periodId)
    .orderBy("published_at")
    .orderBy("format")
    .execute();
  return rows.map((r) => ({ ...r, bytes: Number(r.bytes) }));
}

/**
 * One published file with its bytes: of the publication at `publishedAt`, or of the latest.
 * The bytes are checked against their stored SHA-256, so an altered file is never served.
 */
export async function publishedFile(
  store: Store,
  planId: string,
  periodId: string,
  format: string,
  publishedAt?: string,
): Promise<PublishedFile & { readonly content: Uint8Array }> {
  let query = published(store.db, planId, periodId)
    .select("content")
    .where("format", "=", format)
    .orderBy("published_at", "desc")
    .limit(1);
  if (publishedAt !== undefined) query = query.where("published_at", "=", publishedAt);
  const row = await query.executeTakeFirst();
  if (!row) {
    throw new NotFoundError(
      `no published ${format} report of period ${periodId} of plan ${planId}${publishedAt ? ` at ${publishedAt}` : ""}`,
    );
  }
  if (sha256(row.content) !== row.sha256) {
    throw new Error(
      `the published ${format} report of ${planId}/${periodId} at ${row.publishedAt} no longer matches its SHA-256`,
    );
  }
  return { ...row, bytes: row.content.length };
}
