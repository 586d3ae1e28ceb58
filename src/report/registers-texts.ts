/** The fixed texts of the register sections (risks, audit findings, lawfulness), nl and en. */
import type { Classification, FindingSource, FindingState } from "../domain/findings.js";
import type { FiguresBasis } from "../domain/lawfulness.js";
import type { Language } from "../domain/plan.js";
import type { MeasureStatus } from "../domain/registers.js";

export interface RegisterTexts {
  readonly measureStatus: Record<MeasureStatus, string>;
  readonly measure: (owner: string, status: string, due: string | null, overdue: boolean) => string;
  readonly risks: {
    readonly heading: string;
    readonly columns: readonly [string, string, string, string, string, string];
    readonly rose: (from: number, to: number) => string;
    readonly fell: (from: number, to: number) => string;
    readonly same: (score: number) => string;
    readonly new: string;
    readonly notScored: string;
    readonly notAssessed: string;
    readonly cause: string;
    readonly effect: string;
    readonly owner: string;
    readonly mitigations: string;
    readonly assessment: string;
    readonly none: string;
    readonly matrixTitle: string;
    readonly likelihood: string;
    readonly impact: string;
    readonly plotted: (label: string, title: string, likelihood: number, impact: number) => string;
    readonly unplotted: (titles: readonly string[]) => string;
    readonly noneScored: string;
  };
  readonly findings: {
    readonly heading: string;
    readonly columns: readonly [string, string, string, string, string, string];
    readonly source: Record<FindingSource, string>;
    readonly classification: Record<Classification, string>;
    readonly state: Record<FindingState, string>;
    readonly overdue: (date: string) => string;
    readonly notGiven: string;
    readonly measures: string;
    readonly none: string;
  };
  readonly lawfulness: {
    readonly heading: string;
    readonly chapter: (ministry: string, number: string | undefined) => string;
    readonly article: (number: string) => string;
    readonly basis: Record<FiguresBasis, string>;
    readonly base: string;
    readonly errors: string;
    readonly articleLimit: (percent: string) => string;
    readonly chapterRoom: (percent: string) => string;
    readonly effective: string;
    readonly boundBy: Record<"article" | "chapter", string>;
    readonly exceeds: (amount: string) => string;
    readonly within: (amount: string) => string;
    readonly statedTolerance: string;
    readonly outlook: {
      readonly exceeds: string;
      readonly within: string;
      readonly unknown: string;
    };
    readonly statedOnly: string;
    readonly rule: (source: string) => string;
    readonly noFigures: string;
    readonly indicatorUnchanged: string;
    readonly warningsIntro: string;
    readonly warning: (title: string, detail: string) => string;
  };
  readonly earlyWarningsHeading: string;
}

export const REGISTER_TEXTS: Record<Language, RegisterTexts> = {
  nl: {
    measureStatus: {
      planned: "gepland",
      "in-progress": "in uitvoering",
      done: "gereed",
      stopped: "gestopt",
    },
    measure: (owner, status, due, overdue) =>
      [
        `eigenaar ${owner}`,
        status,
        ...(due
          ? [overdue ? `**⚠ gepland gereed ${due}, nog niet gereed**` : `gepland gereed ${due}`]
          : []),
      ].join("; "),
    risks: {
      heading: "Risico's",
      columns: ["Risico", "Eigenaar", "Kans", "Impact", "Score", "Sinds de vorige rapportage"],
      rose: (from, to) => `**⚠ score gestegen van ${from} naar ${to}**`,
      fell: (from, to) => `score gedaald van ${from} naar ${to}`,
      same: (score) => `score gelijk (${score})`,
      new: "nieuw gescoord",
      notScored: "geen kans en impact opgegeven",
      notAssessed: "niet beoordeeld in deze periode",
      cause: "Oorzaak",
      effect: "Gevolg",
      owner: "Eigenaar",
      mitigations: "Beheersmaatregelen",
      assessment: "Beoordeling",
      none: "geen",
      matrixTitle: "Risicomatrix: kans tegen impact",
      likelihood: "Kans",
      impact: "Impact",
      plotted: (label, title, l, i) => `${label} ${title}: kans ${l}, impact ${i}, score ${l * i}.`,
      unplotted: (titles) => `Zonder kans en impact, niet in de matrix: ${titles.join("; ")}.`,
      noneScored:
        "Geen van de risico's heeft in deze periode een kans en impact; er is daarom geen risicomatrix.",
    },
    findings: {
      heading: "Auditbevindingen",
      columns: ["Bevinding", "Bron", "Jaar", "Classificatie", "Gepland opgelost", "Stand"],
      source: {
        adr: "Auditdienst Rijk (ADR)",
        "algemene-rekenkamer": "Algemene Rekenkamer (AR)",
        other: "overig",
      },
      classification: {
        onvolkomenheid: "onvolkomenheid",
        "ernstige-onvolkomenheid": "ernstige onvolkomenheid",
      },
      state: { open: "open", resolved: "opgelost" },
      overdue: (date) => `**⚠ open na de geplande datum (${date})**`,
      notGiven: "niet vermeld",
      measures: "Verbetermaatregelen",
      none: "geen",
    },
    lawfulness: {
      heading: "Rechtmatigheid",
      chapter: (ministry, number) =>
        number ? `begrotingshoofdstuk ${number} ${ministry}` : `begroting ${ministry}`,
      article: (number) => `artikel ${number}`,
      basis: { expected: "verwacht", found: "vastgesteld" },
      base: "Uitgaven en ontvangsten",
      errors: "Fouten en onzekerheden",
      articleLimit: (p) => `Tolerantie van het artikel (${p})`,
      chapterRoom: (p) => `Ruimte in de tolerantie van het hoofdstuk (${p}) na de andere artikelen`,
      effective: "Effectieve tolerantie",
      boundBy: { article: "begrensd door het artikel", chapter: "begrensd door het hoofdstuk" },
      exceeds: (amount) => `**⚠ overschrijding van ${amount}**`,
      within: (amount) => `binnen de tolerantie, ruimte ${amount}`,
      statedTolerance: "Tolerantie volgens de opgave",
      outlook: {
        exceeds: "**⚠ overschrijdt de tolerantie** (volgens de opgave)",
        within: "blijft binnen de tolerantie (volgens de opgave)",
        unknown: "niet bekend",
      },
      statedOnly: "Uitkomst",
      rule: (source) => `Tolerantieregel: ${source}.`,
      noFigures: "geen cijfers voor deze periode",
      indicatorUnchanged:
        "Een verwachte overschrijding is een vroegsignaal. De stand van de indicator op rechtmatige toekenning verandert alleen door een beoordeling die voor de periode is vastgelegd.",
      warningsIntro:
        "Rechtmatigheid: bij deze begrotingsartikelen overschrijden de fouten en onzekerheden de tolerantie.",
      warning: (title, detail) => `**${title}**: ${detail}`,
    },
    earlyWarningsHeading: "Vroegsignalering",
  },
  en: {
    measureStatus: {
      planned: "planned",
      "in-progress": "in progress",
      done: "done",
      stopped: "stopped",
    },
    measure: (owner, status, due, overdue) =>
      [
        `owner ${owner}`,
        status,
        ...(due ? [overdue ? `**⚠ due ${due}, not done**` : `due ${due}`] : []),
      ].join("; "),
    risks: {
      heading: "Risks",
      columns: ["Risk", "Owner", "Likelihood", "Impact", "Score", "Since the previous report"],
      rose: (from, to) => `**⚠ score rose from ${from} to ${to}**`,
      fell: (from, to) => `score fell from ${from} to ${to}`,
      same: (score) => `score unchanged (${score})`,
      new: "newly scored",
      notScored: "no likelihood and impact given",
      notAssessed: "not assessed in this period",
      cause: "Cause",
      effect: "Effect",
      owner: "Owner",
      mitigations: "Mitigations",
      assessment: "Assessment",
      none: "none",
      matrixTitle: "Risk matrix: likelihood against impact",
      likelihood: "Likelihood",
      impact: "Impact",
      plotted: (label, title, l, i) =>
        `${label} ${title}: likelihood ${l}, impact ${i}, score ${l * i}.`,
      unplotted: (titles) =>
        `Without likelihood and impact, not in the matrix: ${titles.join("; ")}.`,
      noneScored: "No risk has a likelihood and impact in this period, so there is no risk matrix.",
    },
    findings: {
      heading: "Audit findings",
      columns: ["Finding", "Source", "Year", "Classification", "Planned resolution", "State"],
      source: {
        adr: "Central Government Audit Service (ADR)",
        "algemene-rekenkamer": "Netherlands Court of Audit (AR)",
        other: "other",
      },
      classification: {
        onvolkomenheid: "shortcoming (onvolkomenheid)",
        "ernstige-onvolkomenheid": "serious shortcoming (ernstige onvolkomenheid)",
      },
      state: { open: "open", resolved: "resolved" },
      overdue: (date) => `**⚠ open past its planned date (${date})**`,
      notGiven: "not stated",
      measures: "Improvement measures",
      none: "none",
    },
    lawfulness: {
      heading: "Lawfulness",
      chapter: (ministry, number) =>
        number ? `budget chapter ${number} ${ministry}` : `budget of ${ministry}`,
      article: (number) => `article ${number}`,
      basis: { expected: "expected", found: "found" },
      base: "Expenditure and receipts",
      errors: "Errors and uncertainties",
      articleLimit: (p) => `The article's tolerance (${p})`,
      chapterRoom: (p) => `Room in the chapter's tolerance (${p}) after the other articles`,
      effective: "Effective tolerance",
      boundBy: { article: "bound by the article", chapter: "bound by the chapter" },
      exceeds: (amount) => `**⚠ exceeded by ${amount}**`,
      within: (amount) => `within tolerance, room ${amount}`,
      statedTolerance: "Tolerance as stated",
      outlook: {
        exceeds: "**⚠ exceeds the tolerance** (as stated)",
        within: "stays within the tolerance (as stated)",
        unknown: "not known",
      },
      statedOnly: "Outcome",
      rule: (source) => `Tolerance rule: ${source}.`,
      noFigures: "no figures for this period",
      indicatorUnchanged:
        "An expected excess is an early warning. The status of the indicator on lawful awarding changes only by an assessment recorded for the period.",
      warningsIntro:
        "Lawfulness: for these budget articles the errors and uncertainties exceed the tolerance.",
      warning: (title, detail) => `**${title}**: ${detail}`,
    },
    earlyWarningsHeading: "Early warnings",
  },
};
