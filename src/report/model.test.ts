import { describe, expect, it } from "vitest";
import { evaluatePeriod } from "../domain/evaluate.js";
import type { Indicator, Language, Realisation } from "../domain/plan.js";
import { parseThreshold, type Target } from "../domain/target.js";
import { figure, indicator, planOf } from "../testing/plans.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown-renderer.js";
import { buildReportModel } from "./model.js";

function target(text: string): Target {
  return { kind: "fixed", threshold: threshold(text) };
}

function threshold(text: string) {
  const result = parseThreshold(text, undefined);
  if ("error" in result) throw new Error(result.error);
  return result.ok.threshold;
}

const late: Indicator = indicator({
  id: "late",
  title: "Klachten",
  path: ["Klachten"],
  unit: "count",
  target: { kind: "phased", steps: [{ periodId: "2025-04", threshold: threshold("<= 567") }] },
});

function modelOf(
  indicators: Indicator[],
  realisations: Realisation[],
  periodId: string,
  language: Language = "nl",
) {
  const plan = planOf(indicators);
  const until = plan.periods.findIndex((p) => p.id === periodId);
  const evaluations = plan.periods
    .slice(0, until + 1)
    .map((p) => evaluatePeriod(plan, realisations, p.id));
  return buildReportModel({ plan, evaluations, explanations: [], sections: [], language });
}

const numbered = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    indicator({ id: `m${i}`, title: `M${i}`, path: [`M${i}`], target: target(">= 50%") }),
  );

describe("the introduction counts the exceptions in words", () => {
  it.each([
    [0, "nl", "geen prestatie-indicatoren die hun streefwaarde niet halen"],
    [
      1,
      "nl",
      "Hieronder wordt de prestatie-indicator toegelicht waarvan de streefwaarde op basis van de realisatie jan - okt 2025 niet is gerealiseerd.",
    ],
    [3, "nl", "Hieronder worden de drie prestatie-indicatoren toegelicht"],
    [0, "en", "no performance indicator missed its target or is behind plan"],
    [
      1,
      "en",
      "The performance indicator whose target was not met on the basis of the figures for jan - okt 2025 is explained below.",
    ],
    [3, "en", "The three performance indicators whose target was not met"],
  ] as const)("%i not met (%s)", (count, language, sentence) => {
    const indicators = numbered(3);
    const figures = indicators.map((ind, i) => figure(ind.id, "2025-10", i < count ? "10" : "90"));
    expect(modelOf(indicators, figures, "2025-10", language).introduction[1]).toContain(sentence);
  });

  it("names behind plan and not met apart when both occur", () => {
    const indicators = [...numbered(1), late];
    const figures = [figure("m0", "2025-04", "10"), figure("late", "2025-04", "600")];
    const model = modelOf(indicators, figures, "2025-04");
    expect(model.introduction[1]).toBe(
      "Hieronder worden de twee prestatie-indicatoren toegelicht die op basis van de realisatie jan - april 2025 hun streefwaarde niet hebben gerealiseerd (één) of achterlopen op de planning (één).",
    );
    expect(model.introduction[2]).toBe(
      "Stand van de 2 prestatie-indicatoren: 1 niet gerealiseerd en 1 loopt achter op planning.",
    );
  });

  it("says behind plan differently from not met, in the table and the explanation", () => {
    const model = modelOf(
      [...numbered(1), late],
      [figure("m0", "2025-04", "10"), figure("late", "2025-04", "600")],
      "2025-04",
    );
    const statuses = model.table.rows.flatMap((r) =>
      r.kind === "indicator" ? [r.current.status.label] : [],
    );
    expect(statuses).toEqual(["niet gerealiseerd", "loopt achter op planning"]);
    expect(model.explanations[1]?.facts).toContainEqual({
      label: "Status",
      value: "loopt achter op planning",
    });
  });
});

describe("cells say what they mean", () => {
  const plain = indicator({
    id: "plain",
    title: "Zonder norm",
    path: ["Zonder norm"],
    unit: "count",
    target: { kind: "none" },
  });
  const survey = indicator({
    id: "survey",
    title: "Enquête",
    path: ["Enquête"],
    target: target(">= 70%"),
  });
  const model = modelOf(
    [plain, survey],
    [
      figure("plain", "2025-10", "1417"),
      { indicatorId: "survey", periodId: "2025-04", value: { kind: "missing", word: "" } },
      { indicatorId: "survey", periodId: "2025-10", value: { kind: "missing", word: "N.v.t." } },
    ],
    "2025-10",
  );
  const rows = model.table.rows.flatMap((r) => (r.kind === "indicator" ? [r] : []));

  it("shows n.v.t. for no target and n.b. or the recorded word for no figure", () => {
    const shown = (i: number) => {
      const row = rows[i];
      return row && [row.target, ...row.cells.map((c) => c.value), row.current.status.label];
    };
    expect(shown(0)).toEqual(["n.v.t.", "n.b.", "1.417", "geen streefwaarde"]);
    expect(shown(1)).toEqual(["≥ 70%", "n.b.", "N.v.t.", "nog niet te beoordelen"]);
  });

  it("renders a report without exceptions without an explanations section", () => {
    expect(model.explanations).toEqual([]);
    const html = renderHtml(model);
    expect(html).not.toContain("Toelichtingen");
    expect(renderMarkdown(model)).not.toContain("## Toelichtingen");
  });
});

describe("an exception without explanation", () => {
  it("gets a factual paragraph marked as a draft in place of the text", () => {
    const indicators = numbered(1);
    const model = modelOf(indicators, [figure("m0", "2025-10", "10")], "2025-10");
    expect(model.explanations[0]).toMatchObject({
      markdown: null,
      draft:
        "De realisatie over jan - okt is 10%; de streefwaarde is ≥ 50%. Dat is 40 procentpunt onder de streefwaarde.",
    });
    expect(renderHtml(model)).toContain(
      '<div class="draft"><p><strong>CONCEPT — opgesteld door Koers uit de cijfers, door de eigenaar aan te vullen:</strong> De realisatie over jan - okt is 10%;',
    );
    expect(renderMarkdown(model)).toContain(
      "> **CONCEPT — opgesteld door Koers uit de cijfers, door de eigenaar aan te vullen:** De realisatie",
    );
  });
});

describe("escaping", () => {
  it("never lets a title or an explanation inject markup", () => {
    const evil = indicator({
      id: "x",
      title: "<script>alert(1)</script> & co | zo",
      path: ["<b>G</b>", "T"],
      target: target(">= 50%"),
    });
    const plan = planOf([{ kind: "group", title: "<b>G</b>", children: [evil] }]);
    const evaluation = evaluatePeriod(plan, [figure("x", "2025-10", "1")], "2025-10");
    const model = buildReportModel({
      plan,
      evaluations: [evaluatePeriod(plan, [], "2025-04"), evaluation],
      explanations: [
        {
          periodId: "2025-10",
          indicatorId: "x",
          markdown: "<img src=x onerror=alert(1)> | pipe",
          file: "x.md",
        },
      ],
      sections: [],
      language: "nl",
    });
    const html = renderHtml(model);
    expect(html).not.toMatch(/<script>|<img|<b>G/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co | zo");
    const markdown = renderMarkdown(model);
    expect(markdown).toContain("&lt;script>alert(1)&lt;/script> & co \\| zo");
    expect(markdown).not.toContain("<script>");
  });
});

describe("the colophon of a published report", () => {
  const plan = planOf([late]);
  const evaluations = [evaluatePeriod(plan, [figure("late", "2025-04", "500")], "2025-04")];
  const anchor = { auditHead: "ab".repeat(32), publishedAt: "2026-11-30T23:30:00.000Z" };
  const modelIn = (language: Language, withAnchor = true) =>
    buildReportModel({
      plan,
      evaluations,
      explanations: [],
      sections: [],
      language,
      ...(withAnchor ? { anchor } : {}),
    });

  it("names the audit head and the day of publication (UTC), in the report's language", () => {
    expect(modelIn("nl").colophon).toBe(
      `Controlegetal audittrail: ${anchor.auditHead} (gepubliceerd 30 november 2026)`,
    );
    expect(modelIn("en").colophon).toBe(
      `Audit trail check value: ${anchor.auditHead} (published 30 November 2026)`,
    );
  });

  it("closes the HTML and Markdown, and is absent without an anchor", () => {
    const model = modelIn("nl");
    expect(renderHtml(model)).toContain(
      `</main>\n<footer class="colophon">\n<p>${model.colophon}</p>\n</footer>\n</body>`,
    );
    expect(renderMarkdown(model).endsWith(`\n\n---\n\n${model.colophon}\n`)).toBe(true);
    const unpublished = modelIn("nl", false);
    expect(unpublished.colophon).toBeNull();
    expect(renderHtml(unpublished)).not.toContain("colophon");
    expect(renderMarkdown(unpublished)).not.toContain("audittrail");
  });
});
