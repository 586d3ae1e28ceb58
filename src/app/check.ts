/**
 * `koers check` and the check before publishing: every figure the period's explanations and
 * sections state, held against the period's evaluation.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Bundle } from "../bundle/read-bundle.js";
import { type FigureFinding, judgeFigures, textFacts } from "../domain/consistency.js";
import { statedFigures } from "../domain/stated-figures.js";
import { evaluateUpTo } from "./period.js";

export interface CheckFinding {
  readonly file: string;
  readonly line: number;
  readonly kind: FigureFinding["kind"];
  readonly stated: string;
  readonly message: string;
}

export interface CheckResult {
  readonly plan: string;
  readonly period: string;
  /** The explanations and sections read. */
  readonly texts: number;
  /** The figures that could be held against the data, whatever the outcome. */
  readonly checked: number;
  readonly mismatches: readonly CheckFinding[];
  readonly unverifiable: readonly CheckFinding[];
}

interface Text {
  readonly file: string;
  readonly markdown: string;
  /** The file line the Markdown starts on. */
  readonly firstLine: number;
  readonly subject?: string;
}

/**
 * The line a text read from `file` starts on: the bundle reader trims the text (and takes a
 * section's heading off), so the count starts where the text is found in the file. A plan in
 * the database has no file; its texts are counted as Koers writes them out.
 */
function firstLine(bundle: Bundle, file: string, markdown: string, written: number): number {
  if (!file.startsWith(bundle.dir) || !existsSync(file)) return written;
  const raw = readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");
  const at = raw.indexOf(markdown);
  return at < 0 ? written : raw.slice(0, at).split("\n").length;
}

function textsOf(bundle: Bundle, periodId: string): Text[] {
  const explanations = bundle.explanations
    .filter((e) => e.periodId === periodId)
    .map((e) => ({
      file: e.file,
      markdown: e.markdown,
      firstLine: firstLine(bundle, e.file, e.markdown, 1),
      subject: e.indicatorId,
    }));
  const sections = bundle.sections
    .filter((s) => s.periodId === periodId)
    .flatMap((s) => [
      { file: s.file, markdown: `# ${s.heading}`, firstLine: 1 },
      { file: s.file, markdown: s.markdown, firstLine: firstLine(bundle, s.file, s.markdown, 3) },
    ]);
  return [...explanations, ...sections];
}

export function checkPeriod(bundle: Bundle, periodId: string): CheckResult {
  const evaluations = evaluateUpTo(bundle, periodId);
  const [evaluation, previous] = evaluations.slice(-2).reverse();
  if (!evaluation) throw new RangeError(`no evaluation of period ${periodId}`);
  const texts = textsOf(bundle, periodId);
  const findings = texts.flatMap((text) => {
    const facts = textFacts(evaluation, previous, text.subject);
    return judgeFigures(statedFigures(text.markdown, facts.language), facts).map((finding) => ({
      ...finding,
      file: text.file,
      line: finding.line + text.firstLine - 1,
    }));
  });
  const listed = (verdict: FigureFinding["verdict"]) =>
    findings
      .filter((f) => f.verdict === verdict)
      .map(({ file, line, kind, stated, message }) => ({ file, line, kind, stated, message }));
  return {
    plan: bundle.plan.id,
    period: periodId,
    texts: new Set(texts.map((t) => t.file)).size,
    checked: findings.length,
    mismatches: listed("mismatch"),
    unverifiable: listed("unverifiable"),
  };
}
