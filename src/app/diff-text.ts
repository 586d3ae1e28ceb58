/** The readable output of `koers diff`, in the plan's language. */
import {
  type ExceptionChange,
  type ExplanationChangeKind,
  type ItemRef,
  isEmptyDiff,
  type PeriodDiff,
} from "../domain/diff.js";
import type { Status } from "../domain/evaluate.js";
import type { Language } from "../domain/plan.js";
import { TEXTS } from "../report/texts.js";

interface DiffTexts {
  readonly title: (plan: string, from: string, to: string) => string;
  readonly headings: {
    readonly newExceptions: string;
    readonly resolvedExceptions: string;
    readonly figures: string;
    readonly targets: string;
    readonly explanations: string;
    readonly intentions: string;
  };
  readonly none: string;
  readonly nothing: string;
  readonly absent: string;
  readonly noTarget: string;
  readonly explanation: Record<ExplanationChangeKind, string>;
}

const DIFF_TEXTS: Record<Language, DiffTexts> = {
  nl: {
    title: (plan, from, to) => `${plan} — verschillen van ${from} naar ${to}`,
    headings: {
      newExceptions: "Nieuwe uitzonderingen",
      resolvedExceptions: "Opgeloste uitzonderingen",
      figures: "Gewijzigde realisaties",
      targets: "Gewijzigde streefwaarden",
      explanations: "Gewijzigde toelichtingen",
      intentions: "Voornemens met een andere status",
    },
    none: "geen",
    nothing: "Geen verschillen tussen de twee perioden.",
    absent: "niet in het plan",
    noTarget: "n.v.t.",
    explanation: { added: "nieuw", removed: "vervallen", changed: "gewijzigd" },
  },
  en: {
    title: (plan, from, to) => `${plan} — differences from ${from} to ${to}`,
    headings: {
      newExceptions: "New exceptions",
      resolvedExceptions: "Resolved exceptions",
      figures: "Changed figures",
      targets: "Changed targets",
      explanations: "Changed explanations",
      intentions: "Intentions whose status changed",
    },
    none: "none",
    nothing: "No differences between the two periods.",
    absent: "not in the plan",
    noTarget: "n/a",
    explanation: { added: "new", removed: "dropped", changed: "changed" },
  },
};

function name(item: ItemRef): string {
  return `${item.path.join(" › ")} (${item.id})`;
}

function statusText(status: Status | null, language: Language, intention = false): string {
  if (status === null) return DIFF_TEXTS[language].absent;
  if (intention && status === "no-target") return TEXTS[language].intentions.notJudged;
  const { symbol, label } = TEXTS[language].status[status];
  return `${symbol} ${label}`;
}

function exceptionLine(change: ExceptionChange, language: Language): string {
  const absent = DIFF_TEXTS[language].absent;
  const number = change.note === null ? "" : `${change.note}. `;
  const figures = `${change.shown.from ?? absent} → ${change.shown.to ?? absent}`;
  return `${number}${name(change)}: ${figures}, ${statusText(change.from, language)} → ${statusText(change.to, language)}`;
}

function block(heading: string, lines: readonly string[], none: string): string[] {
  return [`${heading} (${lines.length})`, ...(lines.length ? lines : [none]).map((l) => `  ${l}`)];
}

export function diffText(diff: PeriodDiff, planTitle: string, language: Language): string {
  const t = DIFF_TEXTS[language];
  const period = (p: PeriodDiff["from"]) => `${p.label} (${p.id})`;
  const target = (text: string | null) => text ?? t.noTarget;
  const sections = [
    block(
      t.headings.newExceptions,
      diff.newExceptions.map((c) => exceptionLine(c, language)),
      t.none,
    ),
    block(
      t.headings.resolvedExceptions,
      diff.resolvedExceptions.map((c) => exceptionLine(c, language)),
      t.none,
    ),
    block(
      t.headings.figures,
      diff.figures.map((c) => `${name(c)}: ${c.shown.from} → ${c.shown.to}`),
      t.none,
    ),
    block(
      t.headings.targets,
      diff.targets.map((c) => `${name(c)}: ${target(c.from)} → ${target(c.to)}`),
      t.none,
    ),
    block(
      t.headings.explanations,
      diff.explanations.map((c) => `${name(c)}: ${t.explanation[c.change]}`),
      t.none,
    ),
    block(
      t.headings.intentions,
      diff.intentions.map(
        (c) =>
          `${name(c)}: ${statusText(c.from, language, true)} → ${statusText(c.to, language, true)}`,
      ),
      t.none,
    ),
  ];
  const title = t.title(planTitle, period(diff.from), period(diff.to));
  return [title, "", ...(isEmptyDiff(diff) ? [t.nothing] : sections.flat())].join("\n");
}
