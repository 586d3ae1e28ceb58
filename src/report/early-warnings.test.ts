import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildReport } from "../app/report.js";
import { readBundle } from "../bundle/read-bundle.js";
import { evaluatePeriod } from "../domain/evaluate.js";
import type { Indicator, Language } from "../domain/plan.js";
import { parseThreshold } from "../domain/target.js";
import { ROOT } from "../testing/cli.js";
import { figure, indicator, planOf } from "../testing/plans.js";
import { renderDocx } from "./docx/document.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown-renderer.js";
import { buildReportModel } from "./model.js";

function fixed(text: string): Indicator["target"] {
  const result = parseThreshold(text, undefined);
  if ("error" in result) throw new Error(result.error);
  return { kind: "fixed", threshold: result.ok.threshold };
}

const incidents = indicator({
  id: "incidents",
  title: "Ernstige *productie*verstoringen",
  path: ["Dienstverlening", "Ernstige *productie*verstoringen"],
  unit: "count",
  aggregation: "sum",
  target: fixed("< 8"),
});
const calm = indicator({ ...incidents, id: "calm", title: "Storingen", path: ["Storingen"] });

/** 7 incidents by 31 October is within `< 8`, but the year's pace leads to 8.4 by December. */
function modelOf(language: Language) {
  const plan = planOf([incidents, calm]);
  const figures = [
    figure("incidents", "2025-04", "1"),
    figure("incidents", "2025-10", "7"),
    figure("calm", "2025-04", "1"),
    figure("calm", "2025-10", "2"),
  ];
  const evaluations = ["2025-04", "2025-10"].map((id) => evaluatePeriod(plan, figures, id));
  return buildReportModel({ plan, evaluations, explanations: [], sections: [], language });
}

describe("the early warnings in the report", () => {
  it("lists an indicator met now but forecast to miss, and not one forecast to meet", () => {
    const warnings = modelOf("nl").earlyWarnings;
    expect(warnings?.rows).toEqual([
      {
        id: "incidents",
        title: "Ernstige *productie*verstoringen",
        value: "7",
        forecast: "8",
        low: "8",
        high: "9",
        target: "< 8",
        detail: "7 (jan - okt); verwachting 31 december 8 (bandbreedte 8 – 9); streefwaarde < 8.",
      },
    ]);
    expect(modelOf("en").earlyWarnings?.rows[0]?.detail).toBe(
      "7 (jan - okt); expected on 31 December 8 (range 8 – 9); target < 8.",
    );
  });

  it("has no section when no indicator is warned about, as in the example", () => {
    const bundle = readBundle(join(ROOT, "examples", "toeslagen-2025"));
    const { registers, ...withoutRegisters } = bundle.plan;
    expect(
      buildReport({ ...bundle, plan: withoutRegisters }, "2025-10").model.earlyWarnings,
    ).toBeNull();
    // The example's lawfulness case is an early warning of its own, in the same section.
    const warnings = buildReport(bundle, "2025-10").model.earlyWarnings;
    expect(registers?.lawfulness).toBeDefined();
    expect(warnings?.rows).toEqual([]);
    expect(warnings?.section.markdown).toMatch(/^Rechtmatigheid: /);
  });

  it("is a section after the table in HTML, with the title taken literally", () => {
    const html = renderHtml(modelOf("nl"));
    expect(html).toContain('<h2 id="vroegsignalering-kop">Vroegsignalering</h2>');
    expect(html).toContain("<strong>Ernstige *productie*verstoringen</strong>: 7 (jan - okt)");
    expect(html).toContain("geen betrouwbaarheidsinterval");
    expect(html.indexOf("vroegsignalering")).toBeGreaterThan(html.indexOf('id="indicatoren"'));
  });

  it("is a section after the table in Markdown", () => {
    const markdown = renderMarkdown(modelOf("en"));
    expect(markdown).toContain(
      "## Early warnings\n\nThese performance indicators meet their target now",
    );
    expect(markdown).toContain(
      "- **Ernstige \\*productie\\*verstoringen**: 7 (jan - okt); expected on 31 December 8",
    );
    expect(markdown.indexOf("## Early warnings")).toBeGreaterThan(
      markdown.indexOf("## Performance indicators"),
    );
  });

  it("is a level-1 heading with its list in Word", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(modelOf("nl"), new Map()));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>.*?<w:t[^>]*>Vroegsignalering</);
    expect(texts).toContain("Ernstige *productie*verstoringen");
    expect(texts).toContain("verwachting 31 december 8 (bandbreedte 8 – 9)");
  });
});
