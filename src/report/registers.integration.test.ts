/** The register sections in every format: generated from the registers, flags visible. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildReport, renderReport } from "../app/report.js";
import { readBundle } from "../bundle/read-bundle.js";
import { evaluatePeriod } from "../domain/evaluate.js";
import type { Plan } from "../domain/plan.js";
import { describeViolations, runAxe } from "../testing/axe.js";
import { describeWithBrowser, launchBrowser } from "../testing/browser.js";
import { ROOT } from "../testing/cli.js";
import type { ReportModel } from "./model.js";

const REFERENCE = readBundle(join(ROOT, "examples", "toeslagen-2025"));
const ILLUSTRATION = readBundle(join(ROOT, "examples", "registers-illustratie"));
const reference = buildReport(REFERENCE, "2025-10").model;
const illustration = buildReport(ILLUSTRATION, "2025-10").model;

const HEADINGS = ["Sturing en beheersing", "Risico's", "Rechtmatigheid"];
const FLAGS = [
  "⚠ score gestegen van 12 naar 16",
  "⚠ open na de geplande datum (30 juni 2025)",
  "⚠ overschrijding van € 30.000.000",
];

async function wordText(model: ReportModel): Promise<{ text: string; xml: string }> {
  const zip = await JSZip.loadAsync((await renderReport(model, "docx")) as Uint8Array);
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join("")
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
  return { text, xml };
}

describe("the register sections", () => {
  it("take the place of the reference example's hand-written sections, narrative first", () => {
    expect(reference.sections.map((s) => s.heading)).toEqual(["Informatievoorziening"]);
    expect(reference.registers?.sections.map((s) => s.heading)).toEqual(HEADINGS);
    const risks = reference.registers?.sections[1];
    expect(risks?.narrative).toMatch(/^Enkele risico's raken het jaarplan/);
    expect(risks?.matrix).toBeNull();
    expect(risks?.markdown).toContain("geen kans en impact opgegeven");
  });

  it("leave the lawful-awarding indicator as assessed, while warning early of the excess", () => {
    const lawful = (plan: Plan) =>
      evaluatePeriod(plan, REFERENCE.realisations, "2025-10").judgements.find(
        (j) => j.indicator.id === "rechtmatige-toekenning",
      )?.status;
    const { registers, ...withoutRegisters } = REFERENCE.plan;
    expect(registers?.lawfulness).toBeDefined();
    expect(lawful(REFERENCE.plan)).toBe(lawful(withoutRegisters));
    const evaluation = evaluatePeriod(REFERENCE.plan, REFERENCE.realisations, "2025-10");
    expect(evaluation.exceptions).toHaveLength(5);
    expect(reference.earlyWarnings?.section.markdown).toContain(
      "**Huurtoeslag**: verwacht: ⚠ overschrijdt de tolerantie (volgens de opgave)",
    );
  });

  it("draw the risk matrix with a text alternative that places every scored risk", () => {
    const matrix = illustration.registers?.sections.find((s) => s.anchor === "risicos")?.matrix;
    expect(matrix?.svg).toMatch(
      /^<svg [^>]*role="img" aria-labelledby="risicomatrix-titel risicomatrix-beschrijving"/,
    );
    expect(matrix?.description).toBe(
      "R1 Tekort aan personeel (illustratie): kans 4, impact 4, score 16. " +
        "R2 Verouderde systemen (illustratie): kans 3, impact 3, score 9. " +
        "R3 Politieke druk (illustratie): kans 2, impact 3, score 6.",
    );
  });

  it("show the flags and the sections in HTML", async () => {
    const html = (await renderReport(illustration, "html")) as string;
    for (const flag of FLAGS) expect(html).toContain(flag);
    expect(html).toContain('<section id="risicos" class="register"');
    expect(html).toContain('<desc id="risicomatrix-beschrijving">R1 Tekort aan personeel');
    const referenceHtml = (await renderReport(reference, "html")) as string;
    for (const heading of HEADINGS) expect(referenceHtml).toContain(`>${heading}</h2>`);
  });

  it("show the flags, the sections and the matrix with its description in Word", async () => {
    const { text, xml } = await wordText(illustration);
    for (const flag of FLAGS) expect(text).toContain(flag);
    expect(xml).toContain('descr="R1 Tekort aan personeel (illustratie): kans 4, impact 4');
    const referenceWord = await wordText(reference);
    for (const heading of HEADINGS) expect(referenceWord.text).toContain(heading);
    expect(referenceWord.text).toContain("Onvolkomenheid in het inkoopbeheer");
  });

  it("show the flags and the sections in Markdown", async () => {
    const markdown = (await renderReport(illustration, "md")) as string;
    for (const flag of FLAGS) expect(markdown).toContain(flag);
    expect(markdown).toContain("*Risicomatrix: kans tegen impact.* R1 Tekort aan personeel");
  });
});

describeWithBrowser("the register sections in PDF", () => {
  const squeezed = (text: string) => text.replace(/\s+/g, "");
  const pdfText = async (model: ReportModel) => {
    const file = join(mkdtempSync(join(tmpdir(), "koers-registers-pdf-")), "report.pdf");
    writeFileSync(file, (await renderReport(model, "pdf")) as Uint8Array);
    return squeezed(execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }));
  };

  it("hold the reference example's three sections and the illustration's flags", async () => {
    const [referenceText, illustrationText] = await Promise.all([
      pdfText(reference),
      pdfText(illustration),
    ]);
    for (const heading of HEADINGS) expect(referenceText).toContain(squeezed(heading));
    expect(referenceText).toContain(squeezed("Onvolkomenheid in het inkoopbeheer"));
    for (const flag of FLAGS) expect(illustrationText).toContain(squeezed(flag));
  }, 60_000);
});

describeWithBrowser("the register sections with a risk matrix, under axe-core", () => {
  it("have no WCAG 2.1 A or AA violations", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent((await renderReport(illustration, "html")) as string, {
        waitUntil: "load",
      });
      const result = await runAxe(page);
      expect(result.violations.length, describeViolations(result.violations)).toBe(0);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
