/** Every fixed text of a report, in Dutch and English. */
import { dateText, MONTH_NAMES } from "../domain/date-words.js";
import type { Status } from "../domain/evaluate.js";
import type { CalendarDate, Language } from "../domain/plan.js";
import { numberInWords } from "../domain/words.js";

export { dateText };

export interface StatusText {
  readonly label: string;
  /** Shown beside the label; the label alone carries the meaning. */
  readonly symbol: string;
}

export interface ExceptionCounts {
  readonly notMet: number;
  readonly behindPlan: number;
}

export interface Texts {
  readonly status: Record<Status, StatusText>;
  readonly reportTitle: (ordinal: number, planTitle: string, until: CalendarDate) => string;
  readonly scope: (planTitle: string, periodLabel: string) => string;
  readonly exceptionsIntro: (counts: ExceptionCounts, periodLabel: string) => string;
  /** The sentence on the intentions explained; empty when there are none. */
  readonly intentionsIntro: (count: number, yearEnd: boolean) => string;
  readonly intentions: {
    readonly heading: string;
    readonly columns: readonly [string, string, string, string];
    readonly noMilestones: string;
    readonly done: (done: number, total: number) => string;
    readonly milestone: (title: string) => string;
    readonly planned: (date: string) => string;
    /** A move of the due date, with the period that made it when known. */
    readonly revised: (date: string, periodLabel?: string) => string;
    readonly doneOn: (date: string, late: boolean) => string;
    readonly reason: string;
    readonly notJudged: string;
  };
  readonly standing: (total: number, parts: readonly string[]) => string;
  /** "21 prestatie-indicatoren, 5 uitzonderingen" */
  readonly tally: (indicators: number, exceptions: number) => string;
  readonly introductionHeading: string;
  readonly tableHeading: string;
  readonly caption: (planTitle: string) => string;
  readonly columns: {
    readonly indicator: string;
    readonly target: (year: number) => string;
    readonly realisation: (periodLabel: string) => string;
    readonly status: (periodLabel: string) => string;
    readonly note: string;
    readonly source: (periodLabel: string) => string;
  };
  readonly explanationsHeading: string;
  readonly facts: {
    readonly realisation: (periodLabel: string) => string;
    readonly target: string;
    readonly status: string;
    readonly source: string;
    /** The survey margin's label, and its value: the interval and the respondents behind it. */
    readonly margin: string;
    readonly interval: (low: string, high: string, sampleSize: string) => string;
    /** Added to the margin when the target lies within it. */
    readonly targetWithinMargin: (met: boolean) => string;
    readonly trend: string;
  };
  readonly noExplanation: string;
  readonly draftMark: string;
  readonly noteLink: (note: number) => string;
  /** The fragment identifier of explanation n, without the number: `toelichting` in `#toelichting-1`. */
  readonly anchor: string;
  readonly legend: string;
  readonly notApplicable: string;
  readonly chart: {
    readonly title: (indicator: string) => string;
    readonly description: (figures: readonly string[], target: string | null) => string;
    readonly realisation: string;
    readonly target: string;
  };
  /** The closing line of a published report: the audit trail's head, and the day of publication. */
  readonly colophon: (auditHead: string, published: CalendarDate) => string;
}

function isLastDayOfMonth({ year, month, day }: CalendarDate): boolean {
  return new Date(Date.UTC(year, month, 0)).getUTCDate() === day;
}

function untilText(until: CalendarDate, language: Language): string {
  const month = MONTH_NAMES[language][until.month - 1];
  return isLastDayOfMonth(until) ? `${month} ${until.year}` : `${until.day} ${month} ${until.year}`;
}

const ENGLISH_ORDINALS = [
  "First",
  "Second",
  "Third",
  "Fourth",
  "Fifth",
  "Sixth",
  "Seventh",
  "Eighth",
  "Ninth",
  "Tenth",
  "Eleventh",
  "Twelfth",
];

function englishOrdinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return ENGLISH_ORDINALS[n - 1] ?? `${n}${suffix}`;
}

function list(parts: readonly string[], and: string): string {
  return parts.length <= 1
    ? (parts[0] ?? "")
    : `${parts.slice(0, -1).join(", ")} ${and} ${parts.at(-1)}`;
}

const nl: Texts = {
  status: {
    met: { label: "gerealiseerd", symbol: "✓" },
    "not-met": { label: "niet gerealiseerd", symbol: "✗" },
    "behind-plan": { label: "loopt achter op planning", symbol: "⚠" },
    pending: { label: "nog niet te beoordelen", symbol: "…" },
    "no-target": { label: "geen streefwaarde", symbol: "–" },
  },
  reportTitle: (ordinal, planTitle, until) =>
    `${ordinal}e uitzonderingenrapportage ${planTitle} – periode tot en met ${untilText(until, "nl")}`,
  scope: (planTitle, periodLabel) =>
    `Deze rapportage beschrijft de stand van ${planTitle} over de periode ${periodLabel}. ` +
    "Het is een uitzonderingenrapportage: alleen prestatie-indicatoren waarvan de streefwaarde niet is " +
    "gerealiseerd of die achterlopen op de planning worden toegelicht. De rapportage is daarmee geen " +
    "uitputtend overzicht van alles wat het jaarplan beoogt.",
  exceptionsIntro: ({ notMet, behindPlan }, periodLabel) => {
    const total = notMet + behindPlan;
    const basis = `op basis van de realisatie ${periodLabel}`;
    if (total === 0) {
      return `Er zijn ${basis} geen prestatie-indicatoren die hun streefwaarde niet halen of achterlopen op de planning; er is niets toe te lichten.`;
    }
    if (behindPlan === 0) {
      return total === 1
        ? `Hieronder wordt de prestatie-indicator toegelicht waarvan de streefwaarde ${basis} niet is gerealiseerd.`
        : `Hieronder worden de ${numberInWords(total, "nl")} prestatie-indicatoren toegelicht waarvan de streefwaarde ${basis} niet is gerealiseerd.`;
    }
    if (notMet === 0) {
      return total === 1
        ? `Hieronder wordt de prestatie-indicator toegelicht die ${basis} achterloopt op de planning.`
        : `Hieronder worden de ${numberInWords(total, "nl")} prestatie-indicatoren toegelicht die ${basis} achterlopen op de planning.`;
    }
    return (
      `Hieronder worden de ${numberInWords(total, "nl")} prestatie-indicatoren toegelicht die ${basis} ` +
      `hun streefwaarde niet hebben gerealiseerd (${numberInWords(notMet, "nl")}) of achterlopen op de planning (${numberInWords(behindPlan, "nl")}).`
    );
  },
  standing: (total, parts) => `Stand van de ${total} prestatie-indicatoren: ${list(parts, "en")}.`,
  intentionsIntro: (count, yearEnd) => {
    if (count === 0) return "";
    const miss = yearEnd
      ? ["niet is gerealiseerd", "niet zijn gerealiseerd"]
      : ["achterloopt op de planning", "achterlopen op de planning"];
    return count === 1
      ? `Daarnaast wordt het voornemen toegelicht dat ${miss[0]}.`
      : `Daarnaast worden de ${numberInWords(count, "nl")} voornemens toegelicht die ${miss[1]}.`;
  },
  intentions: {
    heading: "Voornemens",
    columns: ["Voornemen", "Mijlpalen", "Status", "Toelichting"],
    noMilestones: "geen mijlpaal in het jaarplan",
    done: (done, total) => `${done} van ${total} gerealiseerd`,
    milestone: (title) => `Mijlpaal ‘${title}’`,
    planned: (date) => `gepland ${date}`,
    revised: (date, periodLabel) =>
      `herzien naar ${date}${periodLabel ? ` (rapportage ${periodLabel})` : ""}`,
    doneOn: (date, late) => `gerealiseerd op ${date}${late ? " (later dan gepland)" : ""}`,
    reason: "reden",
    notJudged: "niet beoordeeld",
  },
  tally: (indicators, exceptions) =>
    `${indicators} prestatie-indicator${indicators === 1 ? "" : "en"}, ${exceptions} uitzondering${exceptions === 1 ? "" : "en"}`,
  introductionHeading: "Inleiding",
  tableHeading: "Prestatie-indicatoren",
  caption: (planTitle) =>
    `Prestatie-indicatoren ${planTitle}: streefwaarde en realisatie per periode`,
  columns: {
    indicator: "Prestatie-indicator",
    target: (year) => `Streefwaarde ${year}`,
    realisation: (label) => `Realisatie ${label}`,
    status: (label) => `Status ${label}`,
    note: "Toelichting",
    source: (label) => `Bron ${label}`,
  },
  explanationsHeading: "Toelichtingen",
  facts: {
    realisation: (label) => `Realisatie ${label}`,
    target: "Streefwaarde",
    status: "Status",
    source: "Bron",
    margin: "Marge (95%)",
    interval: (low, high, sampleSize) => `${low} – ${high} (${sampleSize} respondenten)`,
    targetWithinMargin: (met) =>
      `; de streefwaarde ligt binnen de marge: ${met ? "gerealiseerd" : "niet gerealiseerd"} binnen de marge`,
    trend: "Ontwikkeling",
  },
  noExplanation: "Voor deze prestatie-indicator is nog geen toelichting aangeleverd.",
  draftMark: "CONCEPT — opgesteld door Koers uit de cijfers, door de eigenaar aan te vullen:",
  noteLink: (note) => `toelichting ${note}`,
  anchor: "toelichting",
  legend: "Een nummer in de kolom Toelichting verwijst naar de toelichting met dat nummer.",
  notApplicable: "n.v.t.",
  chart: {
    title: (indicator) => `${indicator}: realisatie per periode`,
    description: (figures, target) =>
      `Realisatie per periode: ${list(figures, "en")}.${target ? ` Streefwaarde: ${target}.` : ""}`,
    realisation: "Realisatie",
    target: "Streefwaarde",
  },
  colophon: (auditHead, published) =>
    `Controlegetal audittrail: ${auditHead} (gepubliceerd ${dateText(published, "nl")})`,
};

const en: Texts = {
  status: {
    met: { label: "met", symbol: "✓" },
    "not-met": { label: "not met", symbol: "✗" },
    "behind-plan": { label: "behind plan", symbol: "⚠" },
    pending: { label: "not yet assessed", symbol: "…" },
    "no-target": { label: "no target", symbol: "–" },
  },
  reportTitle: (ordinal, planTitle, until) =>
    `${englishOrdinal(ordinal)} exception report on the ${planTitle} – period to ${isLastDayOfMonth(until) ? "the end of " : ""}${untilText(until, "en")}`,
  scope: (planTitle, periodLabel) =>
    `This report describes where the ${planTitle} stands over the period ${periodLabel}. ` +
    "It is an exception report: only the performance indicators that did not meet their target or are " +
    "behind plan are explained. It is therefore not a full account of everything the annual plan sets out to do.",
  exceptionsIntro: ({ notMet, behindPlan }, periodLabel) => {
    const total = notMet + behindPlan;
    const basis = `on the basis of the figures for ${periodLabel}`;
    if (total === 0) {
      return `${capitalise(basis)}, no performance indicator missed its target or is behind plan; there is nothing to explain.`;
    }
    if (behindPlan === 0) {
      return total === 1
        ? `The performance indicator whose target was not met ${basis} is explained below.`
        : `The ${numberInWords(total, "en")} performance indicators whose target was not met ${basis} are explained below.`;
    }
    if (notMet === 0) {
      return total === 1
        ? `The performance indicator that is behind plan ${basis} is explained below.`
        : `The ${numberInWords(total, "en")} performance indicators that are behind plan ${basis} are explained below.`;
    }
    return (
      `The ${numberInWords(total, "en")} performance indicators that did not meet their target ` +
      `(${numberInWords(notMet, "en")}) or are behind plan (${numberInWords(behindPlan, "en")}) ${basis} are explained below.`
    );
  },
  standing: (total, parts) =>
    `Standing of the ${total} performance indicators: ${list(parts, "and")}.`,
  intentionsIntro: (count, yearEnd) => {
    if (count === 0) return "";
    const miss = yearEnd
      ? ["was not realised", "were not realised"]
      : ["is behind schedule", "are behind schedule"];
    return count === 1
      ? `The intention that ${miss[0]} is also explained.`
      : `The ${numberInWords(count, "en")} intentions that ${miss[1]} are also explained.`;
  },
  intentions: {
    heading: "Intentions",
    columns: ["Intention", "Milestones", "Status", "Explanation"],
    noMilestones: "no milestone in the annual plan",
    done: (done, total) => `${done} of ${total} done`,
    milestone: (title) => `Milestone ‘${title}’`,
    planned: (date) => `planned ${date}`,
    revised: (date, periodLabel) =>
      `revised to ${date}${periodLabel ? ` (report ${periodLabel})` : ""}`,
    doneOn: (date, late) => `done on ${date}${late ? " (later than planned)" : ""}`,
    reason: "reason",
    notJudged: "not judged",
  },
  tally: (indicators, exceptions) =>
    `${indicators} performance indicator${indicators === 1 ? "" : "s"}, ${exceptions} exception${exceptions === 1 ? "" : "s"}`,
  introductionHeading: "Introduction",
  tableHeading: "Performance indicators",
  caption: (planTitle) =>
    `Performance indicators of the ${planTitle}: target and actual per period`,
  columns: {
    indicator: "Performance indicator",
    target: (year) => `Target ${year}`,
    realisation: (label) => `Actual ${label}`,
    status: (label) => `Status ${label}`,
    note: "Explanation",
    source: (label) => `Source ${label}`,
  },
  explanationsHeading: "Explanations",
  facts: {
    realisation: (label) => `Actual ${label}`,
    target: "Target",
    status: "Status",
    source: "Source",
    margin: "Margin (95%)",
    interval: (low, high, sampleSize) => `${low} – ${high} (${sampleSize} respondents)`,
    targetWithinMargin: (met) =>
      `; the target lies within the margin: ${met ? "met" : "not met"} within the margin`,
    trend: "Trend",
  },
  noExplanation: "No explanation has been provided for this performance indicator yet.",
  draftMark: "DRAFT — drafted by Koers from the figures, for the owner to complete:",
  noteLink: (note) => `explanation ${note}`,
  anchor: "explanation",
  legend: "A number in the Explanation column refers to the explanation with that number.",
  notApplicable: "n/a",
  chart: {
    title: (indicator) => `${indicator}: actual per period`,
    description: (figures, target) =>
      `Actual per period: ${list(figures, "and")}.${target ? ` Target: ${target}.` : ""}`,
    realisation: "Actual",
    target: "Target",
  },
  colophon: (auditHead, published) =>
    `Audit trail check value: ${auditHead} (published ${dateText(published, "en")})`,
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const TEXTS: Record<Language, Texts> = { nl, en };
