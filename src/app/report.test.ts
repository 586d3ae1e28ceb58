/** The example's exception report: golden files (reviewed by eye) and the facts that must hold in them. */
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { readBundle } from "../bundle/read-bundle.js";
import { buildReport, renderReport } from "./report.js";

const bundle = readBundle("examples/toeslagen-2025");

function document(html: string) {
  return parseHTML(html).document;
}

async function rendered(language?: "nl" | "en") {
  const { model, warnings } = buildReport(bundle, "2025-10", language);
  return {
    model,
    warnings,
    html: (await renderReport(model, "html")) as string,
    markdown: (await renderReport(model, "md")) as string,
  };
}

const dutch = await rendered();
const english = await rendered("en");

describe("the toeslagen-2025 report of jan - okt", () => {
  const { warnings, html, markdown } = dutch;
  const doc = document(html);

  it("matches the reviewed golden files", async () => {
    await expect(html).toMatchFileSnapshot("__golden__/toeslagen-2025-10.nl.html");
    await expect(markdown).toMatchFileSnapshot("__golden__/toeslagen-2025-10.nl.md");
  });

  it("has no warnings: every exception is explained", () => {
    expect(warnings).toEqual([]);
  });

  it("counts the exceptions in words in the introduction", () => {
    expect(doc.querySelector("section[aria-labelledby=inleiding]")?.textContent).toContain(
      "Hieronder worden de vijf prestatie-indicatoren toegelicht waarvan de streefwaarde op basis van de realisatie jan - okt 2025 niet is gerealiseerd.",
    );
  });

  it("is an accessible page in Dutch with a real table", () => {
    expect(doc.documentElement.getAttribute("lang")).toBe("nl");
    const table = doc.querySelector("table");
    expect(table?.querySelector("caption")?.textContent).toMatch(
      /Prestatie-indicatoren Jaarplan Toeslagen 2025/,
    );
    const headers = [...(table?.querySelectorAll("thead th") ?? [])];
    expect(headers.map((h) => h.textContent)).toEqual([
      "Prestatie-indicator",
      "Streefwaarde 2025",
      "Realisatie jan - april",
      "Realisatie jan - okt",
      "Status jan - okt",
      "Toelichting",
      "Bron jan - okt",
    ]);
    expect(headers.every((h) => h.getAttribute("scope") === "col")).toBe(true);
    expect(table?.querySelectorAll("tbody th[scope=row]").length).toBe(21);
    expect(html).not.toMatch(/<(link|script|img)\b|src="http|href="http/);
    expect(html).toMatch(/@media print/);
    expect(html).toMatch(/size: A4/);
  });

  /** The cells of the indicator row titled `title` within the group titled `group`. */
  function row(title: string, group?: string) {
    let groups: string[] = [];
    for (const tr of doc.querySelectorAll("tbody tr")) {
      const th = tr.querySelector("th")?.textContent ?? "";
      const depth = Number(/depth-(\d)/.exec(tr.className)?.[1] ?? 0);
      if (tr.classList.contains("group")) groups = [...groups.slice(0, depth), th];
      else if (th === title && (group === undefined || groups.includes(group))) {
        return [...tr.querySelectorAll("th, td")].map((cell) =>
          cell.textContent?.replaceAll("\u00a0", " ").trim(),
        );
      }
    }
    throw new Error(`no row ${title} in ${group}`);
  }

  it("shows the figures in Dutch notation, with target, both periods, status, note and source", () => {
    expect(
      row("Ontevredenheid", "Burgerbelofte 1: Bij Dienst Toeslagen krijg je waar je recht op hebt"),
    ).toEqual([
      "Ontevredenheid",
      "≤ 8%",
      "10%",
      "10%",
      "✗ niet gerealiseerd",
      "1",
      "Toeslagenmonitor Q2 2025",
    ]);
    expect(row("Aantal ontvangen klachten").slice(1, 5)).toEqual([
      "apr: ≤ 567 / okt: ≤ 1.417",
      "434",
      "1.266",
      "✓ gerealiseerd",
    ]);
    expect(row("Percentage toeslagen dat tijdig wordt uitbetaald").slice(1, 4)).toEqual([
      "≥ 99,9%",
      "99,98%",
      "99,98%",
    ]);
    expect(row("Definitief vaststellen toeslagen (voortgang jaar t-1)").slice(1, 6)).toEqual([
      "≥ 92%",
      "0%",
      "90,5%",
      "… nog niet te beoordelen",
      "",
    ]);
    expect(row("Rechtmatige toekenning van toeslagen").slice(2, 5)).toEqual([
      "n.v.t.",
      "n.v.t.",
      "… nog niet te beoordelen",
    ]);
    expect(row("Tevredenheid telefonie").slice(1, 2)).toEqual(["83%"]);
  });

  it("links each note in the table to its numbered explanation", () => {
    const links = [...doc.querySelectorAll("td.note a")].map((a) => [
      a.textContent,
      a.getAttribute("href"),
    ]);
    expect(links).toEqual([1, 2, 3, 4, 5].map((n) => [String(n), `#toelichting-${n}`]));
    for (const [, href] of links) expect(doc.querySelector(String(href))).not.toBeNull();
    const headings = [...doc.querySelectorAll("article.explanation h3")].map((h) => h.textContent);
    expect(headings).toEqual([
      "1 Burgerbelofte 1: Bij Dienst Toeslagen krijg je waar je recht op hebt – Ontevredenheid: 10%",
      "2 Burgerbelofte 2: Bij Dienst Toeslagen weet je waar je aan toe bent – Tevredenheid: 41%",
      "3 Burgerbelofte 2: Bij Dienst Toeslagen weet je waar je aan toe bent – Ontevredenheid: 17%",
      "4 Burgerbelofte 3: Dienst Toeslagen staat voor mij klaar – Tevredenheid: 35%",
      "5 Percentage definitief toegekende toeslagen dat niet leidt tot een terug te betalen bedrag (> € 500 en > € 1.000 KOT): 93,5%",
      "6 Bedrijfsvoering – Onvolkomenheid in het inkoopbeheer opgelost",
    ]);
  });

  it("numbers the intention behind schedule after the indicators, and shows every intention's progress", () => {
    const overview = [...doc.querySelectorAll("#voornemens tbody tr")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim()),
    );
    expect(overview).toEqual([
      [
        "Dienstverlening: Nieuwe beschikkingen die laten zien hoe het recht is berekend",
        "geen mijlpaal in het jaarplan",
        "niet beoordeeld",
        "",
      ],
      [
        expect.stringMatching(/^Dienstverlening: /),
        "geen mijlpaal in het jaarplan",
        "niet beoordeeld",
        "",
      ],
      [
        "Bedrijfsvoering: Onvolkomenheid in het inkoopbeheer opgelost",
        "0 van 1 gerealiseerd",
        "⚠ loopt achter op planning",
        "6",
      ],
      [
        expect.stringMatching(/^Bedrijfsvoering: /),
        "geen mijlpaal in het jaarplan",
        "niet beoordeeld",
        "",
      ],
    ]);
    expect(doc.querySelector("#voornemens a")?.getAttribute("href")).toBe("#toelichting-6");
    const facts = doc.querySelector("#toelichting-6 dl.facts")?.textContent ?? "";
    expect(facts).toContain("Mijlpaal ‘Tekortkoming in het inkoopbeheer opgelost’");
    expect(facts).toContain(
      "⚠ loopt achter op planning; gepland 31 december 2025; reden: Na de controles van ADR en AR",
    );
    expect(doc.querySelector("section[aria-labelledby=inleiding]")?.textContent).toContain(
      "Daarnaast wordt het voornemen toegelicht dat achterloopt op de planning.",
    );
  });

  it("renders the footnote of an explanation with ids that cannot clash", () => {
    const footnotes = doc.querySelectorAll("#toelichting-1 .footnotes li");
    expect(footnotes.length).toBe(1);
    expect(footnotes[0]?.textContent).toMatch(/MAC-en/);
    const ids = [...doc.querySelectorAll("[id]")].map((e) => e.getAttribute("id"));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("ends with the four narrative sections in order", () => {
    const sections = [...doc.querySelectorAll("main > section h2")].map((h) => h.textContent);
    expect(sections).toEqual([
      "Inleiding",
      "Prestatie-indicatoren",
      "Vroegsignalering",
      "Voornemens",
      "Toelichtingen",
      "Informatievoorziening",
      "Sturing en beheersing",
      "Risico's",
      "Rechtmatigheid",
    ]);
  });

  it("says the same in Markdown", () => {
    expect(markdown).toContain("Hieronder worden de vijf prestatie-indicatoren toegelicht");
    expect(markdown).toContain(
      "Ontevredenheid | ≤ 8% | 10% | 10% | ✗ niet gerealiseerd | [1](#toelichting-1) |",
    );
    expect(markdown).toContain("| apr: ≤ 567 / okt: ≤ 1.417 | 434 | 1.266 |");
    expect(markdown.match(/^### \d\. /gm)).toHaveLength(6);
    expect(markdown).toContain("[^t1-1]: MAC-en");
    expect(markdown.match(/^## (.+)$/gm)?.slice(-4)).toEqual([
      "## Informatievoorziening",
      "## Sturing en beheersing",
      "## Risico's",
      "## Rechtmatigheid",
    ]);
  });
});

describe("the English report", () => {
  const { html } = english;
  const doc = document(html);

  it("matches the reviewed golden file", async () => {
    await expect(html).toMatchFileSnapshot("__golden__/toeslagen-2025-10.en.html");
  });

  it("uses English texts and notation", () => {
    expect(doc.documentElement.getAttribute("lang")).toBe("en");
    expect(doc.querySelector("h1")?.textContent).toBe(
      "Second exception report on the Jaarplan Toeslagen 2025 – period to the end of October 2025",
    );
    expect(html).toContain(
      "The five performance indicators whose target was not met on the basis of the figures for jan - okt 2025 are explained below.",
    );
    expect(html).toContain("Apr: ≤ 567 / Oct: ≤ 1,417");
    expect(html).toContain("93.5%");
    expect(html).toContain("not met");
  });
});

describe("the report of jan - april", () => {
  const { model } = buildReport(bundle, "2025-04");

  it("has one column of figures and the same five notes", () => {
    expect(model.table.headers.periods).toEqual(["Realisatie jan - april"]);
    expect(model.explanations.map((e) => e.indicatorId)).toEqual([
      "burgerbelofte-1-ontevreden",
      "burgerbelofte-2-tevreden",
      "burgerbelofte-2-ontevreden",
      "burgerbelofte-3-tevreden",
      "geen-terugvordering",
    ]);
    expect(model.title).toBe(
      "1e uitzonderingenrapportage Jaarplan Toeslagen 2025 – periode tot en met april 2025",
    );
    expect(model.sections).toEqual([]);
  });
});

describe("the English example plan", () => {
  it("reads as an English report, matching the reviewed golden file", async () => {
    const english = readBundle("examples/toeslagen-2025-en");
    const { model, warnings } = buildReport(english, "2025-10");
    expect(warnings).toEqual([]);
    const markdown = (await renderReport(model, "md")) as string;
    await expect(markdown).toMatchFileSnapshot("__golden__/toeslagen-2025-en-10.md");
    expect(markdown).toContain(
      "The five performance indicators whose target was not met on the basis of the figures for Jan–Oct 2025 are explained below.",
    );
    expect(markdown).toContain("| 92.9% | 93.5% | ✗ not met | [5](#explanation-5) |");
    expect(markdown).toContain("Apr: ≤ 567 / Oct: ≤ 1,417 | 434 | 1,266 |");
  });
});
