/** `koers report` in every format, end to end through the built command. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithBrowser } from "../testing/browser.js";
import { ensureBuilt, koers, koersWith } from "../testing/cli.js";

const out = mkdtempSync(join(tmpdir(), "koers-report-"));
beforeAll(ensureBuilt);
afterAll(() => rmSync(out, { recursive: true, force: true }));

function report(format: string, file: string) {
  const target = join(out, file);
  const run = koers(
    "report",
    "examples/toeslagen-2025",
    "--period",
    "2025-10",
    "--format",
    format,
    "--out",
    target,
  );
  return { run, target };
}

describe("koers report", () => {
  it("writes the open data as CSV", () => {
    const { run, target } = report("csv", "open-data.csv");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*open-data\.csv \(csv, jan - okt, 6 exceptions\)$/m);
    const lines = readFileSync(target, "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe(
      "plan,period,period_label,period_until,group_path,indicator_id,indicator,unit,target,value,value_shown,status,note,source",
    );
    expect(lines).toHaveLength(1 + 42);
  });

  it("writes a Word document", () => {
    const { run, target } = report("docx", "report.docx");
    expect(run.status).toBe(0);
    expect(readFileSync(target).subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
  });

  it("writes a binary format to standard output only when asked to through a pipe", () => {
    const run = koers(
      "report",
      "examples/toeslagen-2025",
      "--period",
      "2025-10",
      "--format",
      "docx",
    );
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith("PK")).toBe(true);
  });

  it("refuses an unknown format, listing the ones it has", () => {
    const run = koers(
      "report",
      "examples/toeslagen-2025",
      "--period",
      "2025-10",
      "--format",
      "odt",
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Allowed choices are html, md, csv, docx, pdf/);
  });
});

describeWithBrowser("koers report --format pdf", () => {
  it("writes a PDF", () => {
    const { run, target } = report("pdf", "report.pdf");
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(target).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});

describe("koers report --format pdf without Chromium", () => {
  it("says how to install it, and writes nothing", () => {
    const target = join(out, "none.pdf");
    const run = koersWith(
      { KOERS_CHROMIUM: "/nonexistent/chromium" },
      ...[
        "report",
        "examples/toeslagen-2025",
        "--period",
        "2025-10",
        "--format",
        "pdf",
        "--out",
        target,
      ],
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/PDF output needs Chromium.*apt-get install chromium/);
    expect(existsSync(target)).toBe(false);
  });
});
