/** The lineage appendix in HTML, Markdown and Word: its structure, and nothing without it. */
import JSZip from "jszip";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { buildReport, renderReport } from "../app/report.js";
import { readBundle } from "../bundle/read-bundle.js";
import { lineageBundle, SHA_COMPLAINTS, SQL_COMPLAINTS } from "../testing/lineage.js";
import { renderDocx } from "./docx/document.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown-renderer.js";

const { model } = buildReport(readBundle(lineageBundle()), "2025-10");
const plain = buildReport(readBundle(lineageBundle(null)), "2025-10").model;

describe("the lineage appendix in HTML", () => {
  const html = renderHtml(model);
  const { document } = parseHTML(html);
  const section = document.querySelector("section#herkomst");

  it("is the last section of the report, under a real heading", () => {
    expect(document.querySelector("main > section:last-of-type")?.id).toBe("herkomst");
    expect(section?.getAttribute("aria-labelledby")).toBe("herkomst-kop");
    expect(section?.querySelector("h2#herkomst-kop")?.textContent).toBe(
      "Herkomst van de berekende cijfers",
    );
    expect(
      [...(section?.querySelectorAll("article > h3") ?? [])].map((h) => h.textContent),
    ).toEqual([
      "Aantal ontvangen klachten, jan - okt",
      "Klachten binnen termijn, jan - okt",
      "Ernstige klachten, jan - okt",
      "Tevredenheid, jan - okt",
    ]);
    expect([...(section?.querySelectorAll("h4") ?? [])].map((h) => h.textContent)).toEqual([
      "Query 1",
      "Query 2",
      "Query 3",
    ]);
  });

  it("gives each figure's files as a table with a caption and header scopes, hash as code", () => {
    const table = section?.querySelector("article table");
    expect(table?.querySelector("caption")?.textContent).toBe(
      "Bronnen van Aantal ontvangen klachten, jan - okt",
    );
    const headers = [...(table?.querySelectorAll("thead th") ?? [])];
    expect(headers.map((h) => h.textContent)).toEqual([
      "Bron",
      "Bestand",
      "Grootte",
      "Rijen gelezen",
      "SHA-256",
    ]);
    expect(headers.every((h) => h.getAttribute("scope") === "col")).toBe(true);
    expect(table?.querySelector("tbody th[scope=row]")?.textContent).toBe("complaints");
    expect(table?.querySelector("td code.sha256")?.textContent).toBe(SHA_COMPLAINTS);
  });

  it("prints each query once as preformatted code, each figure linking to its own", () => {
    const blocks = [...(section?.querySelectorAll("pre > code") ?? [])];
    expect(blocks).toHaveLength(3);
    expect(blocks[0]?.textContent).toBe(SQL_COMPLAINTS);
    const links = [...(section?.querySelectorAll("dl.facts a") ?? [])];
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      "#herkomst-query-1",
      "#herkomst-query-1",
      "#herkomst-query-2",
      "#herkomst-query-3",
    ]);
    for (const a of links) {
      expect(document.getElementById(a.getAttribute("href")?.slice(1) ?? "")).not.toBeNull();
    }
  });

  it("brings its styles only along with it", () => {
    expect(html).toContain("table.lineage");
    const without = renderHtml(plain);
    expect(without).not.toContain("herkomst");
    expect(without).not.toContain("table.lineage");
  });
});

describe("the lineage appendix in Markdown", () => {
  const markdown = renderMarkdown(model);
  const appendix = markdown.slice(markdown.indexOf("## Herkomst van de berekende cijfers"));

  it("comes last, with a heading per figure and per query", () => {
    expect(markdown.indexOf("## Herkomst")).toBeGreaterThan(markdown.indexOf("## Toelichting"));
    expect(appendix.match(/^### .*/gm)).toEqual([
      "### Aantal ontvangen klachten, jan - okt",
      "### Klachten binnen termijn, jan - okt",
      "### Ernstige klachten, jan - okt",
      "### Tevredenheid, jan - okt",
      "### Uitgevoerde queries",
    ]);
    expect(appendix.match(/^#### .*/gm)).toEqual(["#### Query 1", "#### Query 2", "#### Query 3"]);
  });

  it("has a table of files with the whole hash in code, and links to anchored queries", () => {
    expect(appendix).toContain("| Bron | Bestand | Grootte | Rijen gelezen | SHA-256 |");
    expect(appendix).toContain(
      `| complaints | data/complaints.csv | 1.406 bytes | 1.208 | \`${SHA_COMPLAINTS}\` |`,
    );
    expect(appendix).toContain("Uitkomst van: **[Query 1](#herkomst-query-1)**, kolom c2");
    expect(appendix).toContain('<a id="herkomst-query-1"></a>');
    expect(appendix).toContain(`\`\`\`sql\n${SQL_COMPLAINTS}\n\`\`\``);
  });

  it("is absent without computed figures", () => {
    expect(renderMarkdown(plain)).not.toContain("Herkomst");
  });
});

describe("the lineage appendix in Word", () => {
  async function documentXml(bytes: Uint8Array): Promise<string> {
    const file = (await JSZip.loadAsync(bytes)).file("word/document.xml");
    if (!file) throw new Error("no word/document.xml");
    return file.async("string");
  }

  it("holds the appendix heading, a whole hash in a monospace font, and each query", async () => {
    const xml = await documentXml(await renderDocx(model, new Map()));
    // Within one paragraph, and within one run: (?:(?!</w:p>).)* does not leave the element.
    expect(xml).toMatch(
      /<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*>Herkomst van de berekende cijfers<\/w:t>/,
    );
    expect(xml).toMatch(
      new RegExp(`w:ascii="Courier New"(?:(?!</w:r>).)*>${SHA_COMPLAINTS}</w:t>`),
    );
    expect(xml).toContain('w:name="herkomst_query_1"');
    expect(xml).toContain('w:anchor="herkomst_query_1"');
    expect(xml).toMatch(/<w:t[^>]*>Query 3<\/w:t>/);
  });

  it("is absent without computed figures", async () => {
    const xml = await documentXml((await renderReport(plain, "docx")) as Uint8Array);
    expect(xml).not.toContain("Herkomst");
  });
});
