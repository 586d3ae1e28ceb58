/** The formats `koers report` writes; kept apart so the command line can list them cheaply. */
export const REPORT_FORMATS = ["html", "md", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
