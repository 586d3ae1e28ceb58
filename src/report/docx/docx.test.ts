/** The Word report: the .docx is a zip of XML, and its structure is what a reader relies on. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../app/report.js";
import { readBundle } from "../../bundle/read-bundle.js";
import { renderCharts } from "../chart.js";
import type { ReportModel } from "../model.js";
import { renderDocx } from "./document.js";

/** The little of the DOM these tests use (the project's lib has no DOM types). */
interface XmlNode {
  getElementsByTagName(name: string): ArrayLike<XmlNode> & Iterable<XmlNode>;
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
  readonly parentNode: XmlNode | null;
  readonly tagName: string;
}

/** linkedom leaves entities in attribute values as they are written. */
function decode(value: string | null): string {
  return (value ?? "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
}

function all(node: XmlNode, tag: string): XmlNode[] {
  return [...node.getElementsByTagName(tag)];
}

function text(node: XmlNode): string {
  return all(node, "w:t")
    .map((t) => t.textContent ?? "")
    .join("");
}

function attribute(node: XmlNode, tag: string, name = "w:val"): string | null {
  const found = all(node, tag)[0];
  return found ? decode(found.getAttribute(name)) : null;
}

interface Opened {
  readonly files: readonly string[];
  read(name: string): Promise<string>;
  xml(name: string): Promise<XmlNode>;
}

async function open(bytes: Uint8Array): Promise<Opened> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`no ${name} in the .docx`);
    return file.async("string");
  };
  return {
    files: Object.keys(zip.files),
    read,
    xml: async (name) =>
      new DOMParser().parseFromString(await read(name), "text/xml") as unknown as XmlNode,
  };
}

async function rendered(model: ReportModel) {
  const bytes = await renderDocx(model, await renderCharts(model));
  return { bytes, docx: await open(bytes) };
}

const bundle = readBundle("examples/toeslagen-2025");
const dutch = buildReport(bundle, "2025-10").model;
const english = buildReport(bundle, "2025-10", "en").model;
const nl = await rendered(dutch);
const body = await nl.docx.xml("word/document.xml");

/** The paragraphs in a heading or title style, as [style, text], in document order. */
function headings(document: XmlNode): [string, string][] {
  return all(document, "w:p").flatMap((p): [string, string][] => {
    const style = attribute(p, "w:pStyle");
    return style && /^(Title|Heading\d)$/.test(style) ? [[style, text(p)]] : [];
  });
}

const [table, overview] = all(body, "w:tbl") as [XmlNode, XmlNode];
const rows = all(table, "w:tr");
const cells = (row: XmlNode) => all(row, "w:tc").map((c) => text(c));

/** The cells of the indicator row titled `title`, within the group titled `group`. */
function row(title: string, group?: string): string[] {
  let groups: string[] = [];
  for (const tr of rows.slice(1)) {
    const values = cells(tr);
    const indent = Number(attribute(tr, "w:ind", "w:left") ?? 0);
    if (values.length === 1) groups = [...groups.slice(0, indent / 200), values[0] as string];
    else if (values[0] === title && (group === undefined || groups.includes(group))) return values;
  }
  throw new Error(`no row ${title} in ${group}`);
}

describe("the Word report of jan - okt", () => {
  it("is a zip that docx wrote, with the parts Word needs", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "koers-docx-")), "toeslagen-2025-10.docx");
    writeFileSync(file, nl.bytes);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const reopened = await open(bytes);
    expect(reopened.files).toEqual(
      expect.arrayContaining([
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/footnotes.xml",
        "docProps/core.xml",
      ]),
    );
    expect(await reopened.read("[Content_Types].xml")).toContain(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    );
  });

  it("uses the title and heading styles, in the order of the HTML", () => {
    expect(headings(body)).toEqual([
      ["Title", dutch.title],
      ["Heading1", "Inleiding"],
      ["Heading1", "Prestatie-indicatoren"],
      ["Heading1", "Vroegsignalering"],
      ["Heading1", "Voornemens"],
      ["Heading1", "Toelichtingen"],
      [
        "Heading2",
        "1. Burgerbelofte 1: Bij Dienst Toeslagen krijg je waar je recht op hebt – Ontevredenheid: 10%",
      ],
      [
        "Heading2",
        "2. Burgerbelofte 2: Bij Dienst Toeslagen weet je waar je aan toe bent – Tevredenheid: 41%",
      ],
      [
        "Heading2",
        "3. Burgerbelofte 2: Bij Dienst Toeslagen weet je waar je aan toe bent – Ontevredenheid: 17%",
      ],
      ["Heading2", "4. Burgerbelofte 3: Dienst Toeslagen staat voor mij klaar – Tevredenheid: 35%"],
      [
        "Heading2",
        "5. Percentage definitief toegekende toeslagen dat niet leidt tot een terug te betalen bedrag (> € 500 en > € 1.000 KOT): 93,5%",
      ],
      ["Heading2", "6. Bedrijfsvoering – Onvolkomenheid in het inkoopbeheer opgelost"],
      ["Heading1", "Informatievoorziening"],
      ["Heading1", "Sturing en beheersing"],
      ["Heading2", "Onvolkomenheid in het inkoopbeheer"],
      ["Heading1", "Risico's"],
      ["Heading2", "R1 Tekort aan gekwalificeerd en gefaciliteerd personeel"],
      ["Heading2", "R2 Gebrek aan wendbaarheid door krapte aan IV-capaciteit"],
      [
        "Heading2",
        "R3 Grote druk vanuit samenleving en politiek op hersteloperatie en toeslagenstelsel",
      ],
      ["Heading1", "Rechtmatigheid"],
      ["Heading2", "Huurtoeslag (begroting Volkshuisvesting en Ruimtelijke Ordening)"],
    ]);
  });

  it("defines the heading styles as outline levels, for the navigation pane", async () => {
    const styles = await nl.docx.xml("word/styles.xml");
    const levels = all(styles, "w:style").flatMap((style) => {
      const id = decode(style.getAttribute("w:styleId"));
      return /^Heading[12]$/.test(id) ? [[id, attribute(style, "w:outlineLvl")]] : [];
    });
    expect(levels).toEqual([
      ["Heading1", "0"],
      ["Heading2", "1"],
    ]);
  });

  it("puts the organisation above the title and the introduction below it", () => {
    const paragraphs = all(body, "w:p").map(text);
    expect(paragraphs[0]).toBe("Dienst Toeslagen");
    expect(paragraphs).toContain(
      "Hieronder worden de vijf prestatie-indicatoren toegelicht waarvan de streefwaarde op basis van de realisatie jan - okt 2025 niet is gerealiseerd.",
    );
  });

  it("has the indicator table with a caption and a header row that repeats", () => {
    // The indicator table, the overview of the intentions, then the findings and the risks.
    expect(all(body, "w:tbl").length).toBe(4);
    const caption = all(body, "w:p").find((p) => attribute(p, "w:pStyle") === "Caption");
    expect(caption && text(caption)).toMatch(/Prestatie-indicatoren Jaarplan Toeslagen 2025/);
    const [header, ...rest] = rows as [XmlNode, ...XmlNode[]];
    expect(all(header, "w:tblHeader")).toHaveLength(1);
    expect(rest.every((r) => all(r, "w:tblHeader").length === 0)).toBe(true);
    expect(rows.every((r) => all(r, "w:cantSplit").length === 1)).toBe(true);
    expect(cells(header)).toEqual([
      "Prestatie-indicator",
      "Streefwaarde 2025",
      "Realisatie jan - april",
      "Realisatie jan - okt",
      "Status jan - okt",
      "Toelichting",
      "Bron jan - okt",
    ]);
    expect(rest.filter((r) => cells(r).length === 7)).toHaveLength(21);
  });

  it("fits the table to the page's text width", () => {
    const columns = all(table, "w:gridCol").map((c) => Number(decode(c.getAttribute("w:w"))));
    const page = Number(attribute(body, "w:pgSz", "w:w"));
    const left = Number(attribute(body, "w:pgMar", "w:left"));
    const right = Number(attribute(body, "w:pgMar", "w:right"));
    expect(columns).toHaveLength(7);
    expect(columns.every((w) => w >= 900)).toBe(true);
    expect(columns.reduce((a, b) => a + b, 0)).toBe(page - left - right);
  });

  it("has group rows across all columns, shaded, bold and indented by depth", () => {
    const groups = rows.filter((r) => cells(r).length === 1);
    expect(groups.map((g) => cells(g)[0])).toEqual([
      "Beleving van burgers",
      "Burgertevredenheid",
      "Burgerbelofte 1: Bij Dienst Toeslagen krijg je waar je recht op hebt",
      "Burgerbelofte 2: Bij Dienst Toeslagen weet je waar je aan toe bent",
      "Burgerbelofte 3: Dienst Toeslagen staat voor mij klaar",
      "Klanttevredenheid",
      "Dienstverlening",
    ]);
    for (const group of groups) {
      expect(attribute(group, "w:gridSpan")).toBe("7");
      expect(attribute(group, "w:shd", "w:fill")).toMatch(/^[0-9A-F]{6}$/);
      expect(attribute(group, "w:pStyle")).toBe("TableHeading");
    }
    expect(groups.map((g) => attribute(g, "w:ind", "w:left") ?? "0")).toEqual([
      "0",
      "200",
      "200",
      "200",
      "200",
      "200",
      "0",
    ]);
  });

  it("puts the five note numbers beside the right indicators, linked to their explanations", () => {
    const notes = rows
      .slice(1)
      .map(cells)
      .filter((c) => c.length === 7 && c[5] !== "")
      .map((c) => [c[0], c[5]]);
    expect(notes).toEqual([
      ["Ontevredenheid", "1"],
      ["Tevredenheid", "2"],
      ["Ontevredenheid", "3"],
      ["Tevredenheid", "4"],
      [
        "Percentage definitief toegekende toeslagen dat niet leidt tot een terug te betalen bedrag (> € 500 en > € 1.000 KOT)",
        "5",
      ],
    ]);
    const promise = (n: number) =>
      dutch.table.rows.find((r) => r.kind === "group" && r.title.startsWith(`Burgerbelofte ${n}:`))
        ?.title;
    expect(row("Ontevredenheid", promise(1))[5]).toBe("1");
    expect(row("Tevredenheid", promise(2))[5]).toBe("2");
    expect(row("Ontevredenheid", promise(2))[5]).toBe("3");
    expect(row("Tevredenheid", promise(3))[5]).toBe("4");
    expect(row("Tevredenheid", promise(1))[5]).toBe("");
    const anchors = all(table, "w:hyperlink").map((h) => decode(h.getAttribute("w:anchor")));
    const bookmarks = all(body, "w:bookmarkStart").map((b) => decode(b.getAttribute("w:name")));
    expect(anchors).toEqual([1, 2, 3, 4, 5].map((n) => `toelichting_${n}`));
    // The sixth explanation is the intention's.
    expect(bookmarks).toEqual([...anchors, "toelichting_6"]);
  });

  it("shows the figures in Dutch notation, with target, both periods, status, note and source", () => {
    expect(
      row("Ontevredenheid", "Burgerbelofte 1: Bij Dienst Toeslagen krijg je waar je recht op hebt"),
    ).toEqual([
      "Ontevredenheid",
      "≤ 8%",
      "10%",
      "10%",
      "✗\u00a0niet gerealiseerd",
      "1",
      "Toeslagenmonitor Q2 2025",
    ]);
    expect(row("Aantal ontvangen klachten").slice(1, 5)).toEqual([
      "apr: ≤ 567 / okt: ≤ 1.417",
      "434",
      "1.266",
      "✓\u00a0gerealiseerd",
    ]);
    expect(row("Percentage toeslagen dat tijdig wordt uitbetaald").slice(1, 4)).toEqual([
      "≥ 99,9%",
      "99,98%",
      "99,98%",
    ]);
    expect(row("Rechtmatige toekenning van toeslagen").slice(2, 5)).toEqual([
      "n.v.t.",
      "n.v.t.",
      "…\u00a0nog niet te beoordelen",
    ]);
    expect(row(dutch.explanations[4]?.heading.split(":")[0] ?? "").slice(2, 4)).toEqual([
      "92,9%",
      "93,5%",
    ]);
  });

  it("states realisation, target, status and source under each explanation's heading", () => {
    const paragraphs = all(body, "w:p");
    const facts = paragraphs.filter((p) => attribute(p, "w:pStyle") === "Facts").map(text);
    expect(facts).toHaveLength(6);
    expect(facts[0]).toBe(
      "Realisatie jan - okt: 10%   ·   Streefwaarde: ≤ 8%   ·   Status: niet gerealiseerd   ·   Bron: Toeslagenmonitor Q2 2025   ·   Ontwikkeling: gelijk aan de meting van jan - april 2025",
    );
    expect(facts[4]).toMatch(/^Realisatie jan - okt: 93,5% .*Bron: Registratie definitieve/);
  });

  it("has each chart as a PNG image with its title and figures as alt text", async () => {
    const drawings = all(body, "wp:docPr");
    expect(drawings).toHaveLength(5);
    const descriptions = drawings.map((d) => decode(d.getAttribute("descr")));
    expect(descriptions[0]).toBe(
      "Realisatie per periode: jan - april 10% en jan - okt 10%. Streefwaarde: ≤ 8%.",
    );
    expect(descriptions[4]).toContain("jan - okt 93,5%");
    // The intention's explanation (note 6) has no chart.
    expect(dutch.explanations[5]?.chart).toBeNull();
    expect(drawings.map((d) => decode(d.getAttribute("title")))).toEqual(
      dutch.explanations.flatMap((e) => (e.chart ? [e.chart.title] : [])),
    );
    const media = nl.docx.files.filter((f) => f.startsWith("word/media/"));
    expect(media).toHaveLength(5);
    expect(media.every((f) => f.endsWith(".png"))).toBe(true);
    // Inline, at most the text width (17.4 cm in EMU), and wider than tall as the charts are.
    for (const extent of all(body, "wp:extent")) {
      const cx = Number(extent.getAttribute("cx"));
      const cy = Number(extent.getAttribute("cy"));
      expect(cx).toBeLessThanOrEqual(17.4 * 360000);
      expect(cx).toBeGreaterThan(cy);
    }
  });

  it("has the overview of the intentions and explains the one behind plan as note 6", () => {
    const overviewRows = all(overview, "w:tr").map(cells);
    expect(overviewRows[0]).toEqual(["Voornemen", "Mijlpalen", "Status", "Toelichting"]);
    expect(overviewRows).toContainEqual([
      "Bedrijfsvoering: Onvolkomenheid in het inkoopbeheer opgelost",
      "0 van 1 gerealiseerd",
      "⚠ loopt achter op planning",
      "6",
    ]);
    const paragraphs = all(body, "w:p");
    const heading = paragraphs.find((p) => text(p).startsWith("6. "));
    expect(heading && attribute(heading, "w:pStyle")).toBe("Heading2");
    expect(heading && text(heading)).toContain("Onvolkomenheid in het inkoopbeheer opgelost");
    const facts = paragraphs.filter((p) => attribute(p, "w:pStyle") === "Facts").map(text);
    expect(facts[5]).toMatch(
      /^Status: loopt achter op planning {3}· {3}Mijlpaal ‘Tekortkoming in het inkoopbeheer opgelost’: ⚠ loopt achter op planning; gepland 31 december 2025; reden: /,
    );
    const explanation = paragraphs.map(text);
    expect(explanation).toContain(dutch.explanations[5]?.markdown?.trim());
  });

  it("makes the explanations' footnotes real Word footnotes", async () => {
    const footnotes = await nl.docx.xml("word/footnotes.xml");
    const notes = all(footnotes, "w:footnote").filter((n) => !n.getAttribute("w:type"));
    expect(notes).toHaveLength(1);
    expect(text(notes[0] as XmlNode)).toMatch(/^ MAC-en \(massaal automatisch continueren\)/);
    const references = all(body, "w:footnoteReference").map((r) => r.getAttribute("w:id"));
    expect(references).toEqual([notes[0]?.getAttribute("w:id")]);
    const paragraph = all(body, "w:p").find((p) => all(p, "w:footnoteReference").length > 0);
    expect(paragraph && text(paragraph)).toContain("Bij het komende MAC-en wordt ook");
  });

  it("renders the narrative sections' Markdown as paragraphs", () => {
    const paragraphs = all(body, "w:p").map(text);
    const start = paragraphs.indexOf("Risico's");
    expect(paragraphs[start + 1]).toBe(
      "Enkele risico's raken het jaarplan als geheel en kunnen resultaten en geplande activiteiten vertragen.",
    );
  });

  it("is in Dutch, on A4, with page numbers in the footer", async () => {
    const styles = await nl.docx.read("word/styles.xml");
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="nl-NL"\/>/);
    expect(await nl.docx.read("word/document.xml")).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footer = await nl.docx.read("word/footer1.xml");
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(text((await nl.docx.xml("word/footer1.xml")) as XmlNode)).toBe("Pagina  van ");
  });

  it("fills in the document's title, author and description", async () => {
    const core = await nl.docx.xml("docProps/core.xml");
    expect(all(core, "dc:title")[0]?.textContent).toBe(dutch.title);
    expect(all(core, "dc:creator")[0]?.textContent).toBe("Dienst Toeslagen");
    expect(all(core, "dc:description")[0]?.textContent).toMatch(/^Deze rapportage beschrijft/);
  });
});

describe("the English Word report", async () => {
  const en = await rendered(english);
  const document = await en.docx.xml("word/document.xml");

  it("is in British English, with English texts and notation", async () => {
    expect(await en.docx.read("word/styles.xml")).toContain('<w:lang w:val="en-GB"/>');
    expect(headings(document).map(([, t]) => t)).toEqual(
      expect.arrayContaining(["Introduction", "Performance indicators", "Explanations"]),
    );
    const words = all(document, "w:p").map(text);
    expect(words).toContain("Apr: ≤ 567 / Oct: ≤ 1,417");
    expect(words).toContain("93.5%");
    expect(words).toContain("✗\u00a0not met");
    expect(text((await en.docx.xml("word/footer1.xml")) as XmlNode)).toBe("Page  of ");
    const core = await en.docx.xml("docProps/core.xml");
    expect(all(core, "dc:title")[0]?.textContent).toBe(english.title);
  });
});

describe("the Word report of jan - april", async () => {
  const { docx } = await rendered(buildReport(bundle, "2025-04").model);
  const table = all(await docx.xml("word/document.xml"), "w:tbl")[0] as XmlNode;

  it("has one column of figures", () => {
    const [header] = all(table, "w:tr");
    expect(header && all(header, "w:tc").map(text)).toEqual([
      "Prestatie-indicator",
      "Streefwaarde 2025",
      "Realisatie jan - april",
      "Status jan - april",
      "Toelichting",
      "Bron jan - april",
    ]);
  });
});

describe("Markdown in the Word report", async () => {
  const markdown = [
    "Text with **bold**, *italic* and [a link](https://www.toeslagen.nl).[^a]",
    "",
    "# A heading",
    "",
    "- one",
    "- two",
    "",
    "1. first",
    "2. second",
    "",
    "[^a]: A second footnote.",
  ].join("\n");
  const model: ReportModel = {
    ...dutch,
    explanations: dutch.explanations.map((e, i) =>
      i === 1
        ? { ...e, markdown: null, draft: null }
        : i === 2
          ? { ...e, markdown: null, draft: "De realisatie is 41%." }
          : e,
    ),
    sections: [{ anchor: "sectie-1", heading: "Extra", markdown }],
    earlyWarnings: null,
    registers: null,
  };
  const { docx } = await rendered(model);
  const document = await docx.xml("word/document.xml");
  const paragraphs = all(document, "w:p");

  it("nests a section's headings below its own heading", () => {
    expect(headings(document).slice(-2)).toEqual([
      ["Heading1", "Extra"],
      ["Heading2", "A heading"],
    ]);
  });

  it("keeps emphasis, links and footnotes", async () => {
    const first = paragraphs.find((p) => text(p).startsWith("Text with"));
    expect(first && all(first, "w:b").length).toBe(1);
    expect(first && all(first, "w:i").length).toBe(1);
    const link = first && all(first, "w:hyperlink")[0];
    expect(link && text(link)).toBe("a link");
    expect(await docx.read("word/_rels/document.xml.rels")).toContain(
      'Target="https://www.toeslagen.nl"',
    );
    const notes = all(await docx.xml("word/footnotes.xml"), "w:footnote").filter(
      (n) => !n.getAttribute("w:type"),
    );
    expect(notes.map(text)).toEqual([expect.stringContaining("MAC-en"), " A second footnote."]);
  });

  it("makes bullet and numbered lists Word lists", () => {
    const items = paragraphs.filter((p) => all(p, "w:numPr").length > 0);
    expect(items.map(text)).toEqual(["one", "two", "first", "second"]);
    const numIds = items.map((p) => attribute(p, "w:numId"));
    expect(numIds[0]).toBe(numIds[1]);
    expect(numIds[2]).toBe(numIds[3]);
    expect(numIds[0]).not.toBe(numIds[2]);
  });

  it("says so, in italics, where an explanation is missing", () => {
    const missing = paragraphs.find((p) => text(p) === dutch.noExplanation);
    expect(missing && all(missing, "w:i").length).toBe(1);
  });

  it("marks a drafted paragraph as a draft, in bold", () => {
    const draft = paragraphs.find((p) => text(p) === `${dutch.draftMark} De realisatie is 41%.`);
    expect(draft && all(draft, "w:b").length).toBe(1);
  });
});
