/** The formats `koers report` writes; kept apart so the command line can list them cheaply. */
export const REPORT_FORMATS = ["html", "md", "csv", "docx", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Formats whose output is bytes rather than text. */
export function isBinary(format: ReportFormat): boolean {
  return format === "docx" || format === "pdf";
}
