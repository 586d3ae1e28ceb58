/**
 * The register sections of the report (audit findings, risks, lawfulness), generated from the
 * registers for the reported period, each after the advisor's narrative for that period.
 */
import { judgeFindings } from "../domain/findings.js";
import { judgeLawfulness } from "../domain/lawfulness.js";
import type { Language, Period, Plan } from "../domain/plan.js";
import type { RegisterText } from "../domain/registers.js";
import { judgeRisks } from "../domain/risks.js";
import type { RenderedChart } from "./chart.js";
import type { EarlyWarnings } from "./early-warnings.js";
import { findingsMarkdown } from "./findings-section.js";
import { lawfulnessMarkdown, toleranceWarning } from "./lawfulness-section.js";
import { type Context, literal } from "./register-markdown.js";
import { REGISTER_TEXTS } from "./registers-texts.js";
import { riskMatrix } from "./risk-matrix.js";
import { risksMarkdown } from "./risks-section.js";

export interface RegisterSection {
  readonly anchor: string;
  readonly heading: string;
  /** The advisor's Markdown for the period; null when none was written. */
  readonly narrative: string | null;
  /** The register's items for the period, as Markdown, flags marked with ⚠ in bold. */
  readonly markdown: string;
  /** The risk matrix (risks only, when any risk is scored); its description is the text alternative. */
  readonly matrix: RenderedChart | null;
}

export interface ToleranceWarningRow {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
}

export interface RegistersReport {
  readonly sections: readonly RegisterSection[];
  /** Budget articles whose errors and uncertainties exceed the tolerance, expected or found. */
  readonly toleranceWarnings: readonly ToleranceWarningRow[];
}

function section(
  anchor: string,
  register: RegisterText,
  heading: string,
  markdown: string,
  c: Context,
  matrix: RenderedChart | null = null,
): RegisterSection {
  return {
    anchor,
    heading: register.heading ?? heading,
    narrative: register.narratives[c.period.id] ?? null,
    markdown,
    matrix,
  };
}

/** The register sections of `period`; null when the plan keeps no registers. */
export function registersReport(
  plan: Plan,
  period: Period,
  language: Language,
): RegistersReport | null {
  const registers = plan.registers;
  if (!registers) return null;
  const c: Context = { period, language, t: REGISTER_TEXTS[language] };
  const sections: RegisterSection[] = [];
  if (registers.findings) {
    const judged = judgeFindings(plan, registers.findings, period);
    sections.push(
      section(
        "bevindingen",
        registers.findings,
        c.t.findings.heading,
        findingsMarkdown(judged, c),
        c,
      ),
    );
  }
  if (registers.risks) {
    const judged = judgeRisks(plan, registers.risks, period);
    const matrix = riskMatrix(judged, c.t.risks, "risicomatrix");
    const markdown = [...(matrix ? [] : [c.t.risks.noneScored]), risksMarkdown(judged, c)].join(
      "\n\n",
    );
    sections.push(section("risicos", registers.risks, c.t.risks.heading, markdown, c, matrix));
  }
  const articles = registers.lawfulness ? judgeLawfulness(registers.lawfulness, period) : [];
  if (registers.lawfulness) {
    sections.push(
      section(
        "rechtmatigheid",
        registers.lawfulness,
        c.t.lawfulness.heading,
        lawfulnessMarkdown(articles, c),
        c,
      ),
    );
  }
  return {
    sections,
    toleranceWarnings: articles.filter((a) => a.warning).map((a) => toleranceWarning(a, c)),
  };
}

/**
 * The early warnings with the tolerance excesses added: to the forecasts' section when there is
 * one, otherwise in a section of their own under the same heading.
 */
export function withToleranceWarnings(
  warnings: EarlyWarnings | null,
  registers: RegistersReport | null,
  language: Language,
): EarlyWarnings | null {
  const rows = registers?.toleranceWarnings ?? [];
  if (rows.length === 0) return warnings;
  const t = REGISTER_TEXTS[language];
  const part = [
    t.lawfulness.warningsIntro,
    rows.map((r) => `- ${t.lawfulness.warning(literal(r.title), r.detail)}`).join("\n"),
    t.lawfulness.indicatorUnchanged,
  ].join("\n\n");
  if (warnings) {
    return {
      ...warnings,
      section: { ...warnings.section, markdown: `${warnings.section.markdown}\n\n${part}` },
    };
  }
  const heading = t.earlyWarningsHeading;
  return {
    heading,
    introduction: t.lawfulness.warningsIntro,
    rows: [],
    section: { anchor: "vroegsignalering", heading, markdown: part },
  };
}
