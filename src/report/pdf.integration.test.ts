/** The PDF report, printed by Chromium and read back with poppler (pdfinfo, pdftotext, pdftohtml). */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildReport } from "../app/report.js";
import { readBundle } from "../bundle/read-bundle.js";
import { UserError } from "../domain/errors.js";
import type { Language } from "../domain/plan.js";
import { describeWithBrowser } from "../testing/browser.js";
import { ROOT } from "../testing/cli.js";
import { type RenderedChart, renderCharts } from "./chart.js";
import { renderHtml } from "./html.js";
import type { IndicatorRow, ReportModel } from "./model.js";
import { findChromium, renderPdf } from "./pdf.js";

interface Printed {
  readonly model: ReportModel;
  readonly charts: ReadonlyMap<number, RenderedChart>;
  readonly file: string;
  readonly bytes: Uint8Array;
}

let dir: string;

async function print(language: Language): Promise<Printed> {
  const { model } = buildReport(
    readBundle(join(ROOT, "examples", "toeslagen-2025")),
    "2025-10",
    language,
  );
  const charts = await renderCharts(model);
  const bytes = await renderPdf(renderHtml(model, charts), { title: model.title, language });
  const file = join(dir, `report-${language}.pdf`);
  writeFileSync(file, bytes);
  return { model, charts, file, bytes };
}

const poppler = (tool: string, ...args: string[]) =>
  execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** The text with all white space taken out: poppler joins wrapped lines with or without one. */
const squeezed = (text: string) => text.replace(/\s+/g, "");

const indicators = (model: ReportModel) =>
  model.table.rows.filter((r): r is IndicatorRow => r.kind === "indicator");

/** How many structure elements of a type `pdfinfo -struct` lists ("TH", "TH <node…>:", "TH:"). */
function countElements(struct: string, type: string): number {
  return struct.split("\n").filter((line) => new RegExp(`^\\s*${type}(\\s|:|$)`).test(line)).length;
}

/**
 * The /Alt of each Figure structure element. Poppler does not print /Alt, so it is read from
 * the file: Chromium writes the structure elements as plain (uncompressed) objects.
 */
function figureAlts(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString("latin1");
  const alts: string[] = [];
  for (const [object] of text.matchAll(/\d+ 0 obj\s*<<.*?endobj/gs)) {
    if (!/\/Type\s*\/StructElem/.test(object) || !/\/S\s*\/Figure\b/.test(object)) continue;
    const hex = /\/Alt\s*<([0-9A-Fa-f\s]*)>/.exec(object)?.[1];
    const literal = /\/Alt\s*\(((?:\\.|[^\\)])*)\)/.exec(object)?.[1];
    if (hex !== undefined) {
      const bytes = Buffer.from(hex.replace(/\s/g, ""), "hex");
      alts.push(
        bytes[0] === 0xfe && bytes[1] === 0xff
          ? Buffer.from(bytes.subarray(2)).swap16().toString("utf16le")
          : bytes.toString("latin1"),
      );
    } else if (literal !== undefined) {
      alts.push(literal.replace(/\\(.)/g, "$1"));
    }
  }
  return alts;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("finding Chromium", () => {
  it("takes KOERS_CHROMIUM when it is an executable, and then only that", () => {
    expect(findChromium({ KOERS_CHROMIUM: process.execPath })).toBe(process.execPath);
    expect(findChromium({ KOERS_CHROMIUM: "/nonexistent/chromium" })).toBeUndefined();
  });

  it("else looks where Debian and Ubuntu put it", () => {
    expect([undefined, "/usr/bin/chromium", "/usr/bin/chromium-browser"]).toContain(
      findChromium({}),
    );
  });

  it("says how to install Chromium when there is none", async () => {
    const printing = renderPdf("<p>x</p>", {
      title: "x",
      language: "nl",
      chromium: "/nonexistent",
    });
    await expect(printing).rejects.toBeInstanceOf(UserError);
    await expect(printing).rejects.toThrow(
      /\/nonexistent.*apt-get install chromium.*KOERS_CHROMIUM/,
    );
  });

  it("names a KOERS_CHROMIUM that points nowhere", async () => {
    vi.stubEnv("KOERS_CHROMIUM", "/nonexistent/chromium");
    try {
      await expect(renderPdf("<p>x</p>", { title: "x", language: "en" })).rejects.toThrow(
        /but \/nonexistent\/chromium is not an executable\. Install it with `apt-get install chromium`/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describeWithBrowser("the PDF report", () => {
  let nl: Printed;
  let en: Printed;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "koers-pdf-"));
    [nl, en] = await Promise.all([print("nl"), print("en")]);
  }, 60_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("is tagged A4 with the report's title and language", () => {
    for (const { file, model, bytes } of [nl, en]) {
      const info = poppler("pdfinfo", file);
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(new RegExp(`^Title:\\s+${escapeRegExp(model.title)}$`, "m"));
      // Chromium rounds A4 (595.28 x 841.89 pt) to whole CSS pixels.
      expect(info).toMatch(/^Page size:\s+595\.\d+ x 84[12]\.\d+ pts \(A4\)$/m);
      expect(Buffer.from(bytes).toString("latin1")).toContain(`/Lang (${model.language})`);
    }
  });

  it("has a structure tree of headings, a table with scoped header cells, and figures", () => {
    const { model, file, charts } = nl;
    const struct = poppler("pdfinfo", "-struct", file);
    const rows = model.table.rows;
    const columns = 5 + model.table.headers.periods.length;
    // The overview of the intentions is a second table: a header row of four column headers
    // and one row per intention, without row headers.
    const intentions = model.intentions?.markdown.split("\n").slice(2) ?? [];
    expect(intentions).toHaveLength(4);
    // The register sections add their own tables (a header row, then a row per item) and a
    // heading per item.
    const registers = model.registers?.sections ?? [];
    const registerTables = registers.flatMap((r) =>
      r.markdown.split("\n\n").filter((block) => block.startsWith("| ")),
    );
    const registerRows = registerTables.reduce((n, t) => n + t.split("\n").length - 1, 0);
    const registerHeaders = registerTables.reduce(
      (n, t) => n + (t.split("\n")[0] ?? "").split(" | ").length,
      0,
    );
    const registerItems = registers.reduce(
      (n, r) => n + (r.markdown.match(/^## /gm)?.length ?? 0),
      0,
    );
    expect(countElements(struct, "Document")).toBe(1);
    expect(countElements(struct, "H1")).toBe(1);
    expect(countElements(struct, "H2")).toBe(
      4 + (model.earlyWarnings ? 1 : 0) + model.sections.length + registers.length,
    );
    expect(countElements(struct, "H3")).toBe(model.explanations.length + registerItems);
    expect(countElements(struct, "Table")).toBe(2 + registerTables.length);
    expect(countElements(struct, "Caption")).toBe(1);
    // One header row (repeated on every page, tagged once) and one row per group and indicator;
    // then the overview's header row and one row per intention.
    expect(countElements(struct, "TR")).toBe(
      rows.length + 1 + 1 + intentions.length + registerRows,
    );
    expect(countElements(struct, "TH")).toBe(columns + rows.length + 4 + registerHeaders);
    expect(struct.match(/^\s*\/Scope \/Column$/gm)).toHaveLength(columns + 4 + registerHeaders);
    // scope="row" and scope="rowgroup" both come out as /Row.
    expect(struct.match(/^\s*\/Scope \/Row$/gm)).toHaveLength(rows.length);
    // Chromium leaves empty cells (a row without a note) out of the tree.
    const filled = indicators(model).reduce(
      (n, row) => n + 3 + row.cells.length + (row.current.note === null ? 0 : 1),
      0,
    );
    expect(countElements(struct, "TD")).toBeGreaterThanOrEqual(filled);
    expect(struct).toMatch(/^\s*\/Headers \[\(node\d+\) \(node\d+\)\]$/m);
    // The svg (role="img") is a Figure; its <figure> wrapper is another one, without /Alt.
    expect(countElements(struct, "Figure")).toBeGreaterThanOrEqual(charts.size);
    // Every explanation but the intention's (note 6) has a chart.
    expect(model.explanations).toHaveLength(6);
    expect(charts.size).toBe(5);
    expect([...charts.keys()]).toEqual(
      model.explanations.filter((e) => e.chart !== null).map((e) => e.note),
    );

    const text = squeezed(poppler("pdfinfo", "-struct-text", file));
    expect(text).toContain(squeezed(`H1(block)NonStruct"${model.title}"`));
    // The intentions' heading stands between the indicator table's and the explanations'.
    const positions = [
      model.introductionHeading,
      model.table.heading,
      model.intentions?.heading ?? "",
      model.explanationsHeading,
      ...model.sections.map((s) => s.heading),
    ].map((heading) => {
      const at = text.indexOf(squeezed(`H2(block)NonStruct"${heading}"`));
      expect(at, heading).toBeGreaterThanOrEqual(0);
      return at;
    });
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("gives each chart figure its title and figures as alternative text", () => {
    const alts = figureAlts(nl.bytes).map((alt) => alt.replace(/\s+/g, " "));
    for (const chart of nl.charts.values()) {
      expect(alts).toContain(`${chart.title} ${chart.description}`.replace(/\s+/g, " "));
    }
    expect(alts.join("\n")).toContain("jan - april 10% en jan - okt 10%. Streefwaarde: ≤ 8%.");
  });

  it("has an outline of the headings", () => {
    const xml = poppler("pdftohtml", "-xml", "-i", "-stdout", "-q", nl.file);
    const outline = squeezed(/<outline>.*<\/outline>/s.exec(xml)?.[0] ?? "");
    const { model } = nl;
    for (const heading of [
      model.title,
      model.introductionHeading,
      model.table.heading,
      model.intentions?.heading ?? "",
      model.explanationsHeading,
      ...model.explanations.map((e) => `${e.note} ${e.heading}`),
      ...model.sections.map((s) => s.heading),
    ]) {
      const escaped = heading
        .replaceAll("&", "&amp;")
        .replaceAll("<", "&lt;")
        .replaceAll(">", "&gt;");
      expect(outline).toContain(squeezed(escaped));
    }
  });

  it.each([
    ["nl", "Pagina", "van", "93,5%"],
    ["en", "Page", "of", "93.5%"],
  ] as const)(
    "holds the table's figures, the explanations and page numbers (%s)",
    (language, page, of, figure) => {
      const { model, file } = language === "nl" ? nl : en;
      const layout = poppler("pdftotext", "-layout", file, "-");
      const words = new Set(layout.split(/\s+/));
      // In reading order (-raw) each row's cells follow one another, unbroken by a page break.
      const raw = squeezed(poppler("pdftotext", "-raw", file, "-"));
      for (const row of indicators(model)) {
        for (const { value } of row.cells) expect(words, `${row.id}: ${value}`).toContain(value);
        // The figures of the period columns stand side by side on the row's line.
        const figures = row.cells.map((c) => escapeRegExp(c.value)).join(" +");
        expect(layout, row.id).toMatch(new RegExp(`(^|\\s)${figures}\\s`, "m"));
        const { status, note, source } = row.current;
        const cells = [row.title, row.target, ...row.cells.map((c) => c.value)];
        cells.push(status.symbol, status.label, String(note ?? ""), source ?? "");
        expect(raw, row.id).toContain(squeezed(cells.join(" ")));
      }
      expect(words).toContain(figure);
      const text = squeezed(layout);
      for (const block of model.explanations) {
        expect(text).toContain(squeezed(`${block.note} ${block.heading}`));
        const firstSentence = /^[^\n]*?\.(?=\s)/.exec(block.markdown ?? "")?.[0] ?? "";
        expect(firstSentence.length).toBeGreaterThan(20);
        expect(text).toContain(squeezed(firstSentence));
      }
      const pages = Number(/^Pages:\s+(\d+)$/m.exec(poppler("pdfinfo", file))?.[1]);
      expect(pages).toBeGreaterThan(1);
      for (let n = 1; n <= pages; n++) expect(layout).toContain(`${page} ${n} ${of} ${pages}`);
    },
  );

  it("has the overview of the intentions and explains the one behind plan as note 6", () => {
    const { model, file } = nl;
    expect(model.intentions?.heading).toBe("Voornemens");
    const raw = squeezed(poppler("pdftotext", "-raw", file, "-"));
    expect(raw).toContain(
      squeezed(
        "Voornemens Voornemen Mijlpalen Status Toelichting Dienstverlening: Nieuwe beschikkingen",
      ),
    );
    expect(raw).toContain(
      squeezed(
        "Bedrijfsvoering: Onvolkomenheid in het inkoopbeheer opgelost 0 van 1 gerealiseerd ⚠ loopt achter op planning 6",
      ),
    );
    const intention = model.explanations.find((e) => e.note === 6);
    expect(intention?.heading).toContain("Onvolkomenheid in het inkoopbeheer opgelost");
    expect(intention?.chart).toBeNull();
    const layout = squeezed(poppler("pdftotext", "-layout", file, "-"));
    expect(layout).toContain(
      squeezed(
        "6 Bedrijfsvoering – Onvolkomenheid in het inkoopbeheer opgelost Status: loopt achter op planning",
      ),
    );
  });

  it("splits no row over two pages", () => {
    const { model, file } = nl;
    const { headers } = model.table;
    // An indicator row's first line holds its status symbol and the label's first word.
    const statusLine = new RegExp(
      [...new Set(indicators(model).map((r) => r.current.status))]
        .map((s) => `${escapeRegExp(s.symbol)}\\s+${escapeRegExp(s.label.split(" ")[0] ?? "")}`)
        .join("|"),
    );
    const groups = model.table.rows.flatMap((r) => (r.kind === "group" ? [r.title] : []));
    const wordsOf = (text: string) => text.trim().split(/\s+/);
    const headerWords = new Set(
      [
        headers.indicator,
        headers.target,
        ...headers.periods,
        headers.status,
        headers.note,
        headers.source,
      ].flatMap(wordsOf),
    );
    const pages = poppler("pdftotext", "-layout", file, "-").split("\f");
    const tablePages = pages.filter((p) => statusLine.test(p));
    expect(tablePages.length).toBeGreaterThan(1); // the example's table runs over a page break
    for (const page of tablePages.slice(1)) {
      const lines = page.split("\n");
      const header = lines.findIndex(
        (l) => l.trim().startsWith(headers.indicator) && l.includes(headers.target),
      );
      expect(header, "the header row is repeated").toBeGreaterThanOrEqual(0);
      // The header cells wrap over a few lines; the first line with other words starts the body.
      const first =
        lines
          .slice(header + 1)
          .find((l) => l.trim() !== "" && !wordsOf(l).every((w) => headerWords.has(w))) ?? "";
      // The page goes on with a whole row: a group's title, or an indicator's first line.
      expect(statusLine.test(first) || groups.includes(first.trim()), first).toBe(true);
    }
  });
});
