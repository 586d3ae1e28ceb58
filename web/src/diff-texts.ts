/** The texts of the view comparing two published periods, in Dutch and English. */
import type { ExplanationChangeKind } from "../../src/domain/diff.js";
import type { Status } from "../../src/domain/status.js";
import type { Language } from "./texts.js";

export interface DiffTexts {
  readonly heading: string;
  readonly intro: string;
  readonly from: string;
  readonly to: string;
  readonly compare: string;
  readonly comparing: string;
  readonly summary: (from: string, to: string) => string;
  readonly nothing: string;
  readonly none: string;
  readonly item: string;
  readonly inPeriod: (period: string) => string;
  readonly change: string;
  readonly sections: {
    readonly newExceptions: string;
    readonly resolvedExceptions: string;
    readonly figures: string;
    readonly targets: string;
    readonly explanations: string;
    readonly intentions: string;
  };
  readonly status: Record<Status, string>;
  readonly notJudged: string;
  readonly absent: string;
  readonly noTarget: string;
  readonly explanation: Record<ExplanationChangeKind, string>;
}

export const DIFF_TEXTS: Record<Language, DiffTexts> = {
  nl: {
    heading: "Verschillen tussen gepubliceerde rapportages",
    intro:
      "Vergelijkt twee gepubliceerde perioden zoals ze zijn vastgelegd: de open data en de toelichtingen van de laatste publicatie van elke periode.",
    from: "Van periode",
    to: "Naar periode",
    compare: "Vergelijken",
    comparing: "Bezig met vergelijken…",
    summary: (from, to) => `Verschillen van ${from} naar ${to}`,
    nothing: "Geen verschillen tussen de twee perioden.",
    none: "Geen.",
    item: "Onderdeel",
    inPeriod: (period) => `In ${period}`,
    change: "Wijziging",
    sections: {
      newExceptions: "Nieuwe uitzonderingen",
      resolvedExceptions: "Opgeloste uitzonderingen",
      figures: "Gewijzigde realisaties",
      targets: "Gewijzigde streefwaarden",
      explanations: "Gewijzigde toelichtingen",
      intentions: "Voornemens met een andere status",
    },
    status: {
      met: "gerealiseerd",
      "not-met": "niet gerealiseerd",
      "behind-plan": "loopt achter op planning",
      pending: "nog niet te beoordelen",
      "no-target": "geen streefwaarde",
    },
    notJudged: "niet beoordeeld",
    absent: "niet in het plan",
    noTarget: "n.v.t.",
    explanation: { added: "nieuw", removed: "vervallen", changed: "gewijzigd" },
  },
  en: {
    heading: "Differences between published reports",
    intro:
      "Compares two published periods as they were frozen: the open data and the explanations of each period's latest publication.",
    from: "From period",
    to: "To period",
    compare: "Compare",
    comparing: "Comparing…",
    summary: (from, to) => `Differences from ${from} to ${to}`,
    nothing: "No differences between the two periods.",
    none: "None.",
    item: "Item",
    inPeriod: (period) => `In ${period}`,
    change: "Change",
    sections: {
      newExceptions: "New exceptions",
      resolvedExceptions: "Resolved exceptions",
      figures: "Changed figures",
      targets: "Changed targets",
      explanations: "Changed explanations",
      intentions: "Intentions whose status changed",
    },
    status: {
      met: "met",
      "not-met": "not met",
      "behind-plan": "behind plan",
      pending: "not yet assessed",
      "no-target": "no target",
    },
    notJudged: "not judged",
    absent: "not in the plan",
    noTarget: "n/a",
    explanation: { added: "new", removed: "dropped", changed: "changed" },
  },
};
