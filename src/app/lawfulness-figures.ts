/**
 * Changing a budget article's lawfulness figures for a period: one edit of the stored
 * lawfulness.yaml (see register-writes.ts). Amounts travel as decimal strings and are written as
 * plain YAML numbers exactly as given, never through binary floating point.
 */
import { Scalar } from "yaml";
import { type Decimal, decimalToString, parseDecimal } from "../domain/decimal.js";
import type { ArticleFigures, FiguresBasis, Outlook } from "../domain/lawfulness.js";
import type { Plan } from "../domain/plan.js";
import type { Store } from "../store/open.js";
import type { Actor } from "../store/plans.js";
import { ValidationError } from "./errors.js";
import { editRegister, itemIndex } from "./register-writes.js";

export const FIGURES_ACTION = "update-lawfulness-figures";
export const AMOUNT_FIELDS = ["expenditure", "receipts", "errors", "uncertainties"] as const;
type AmountField = (typeof AMOUNT_FIELDS)[number];

export const figuresKey = (articleId: string, periodId: string) => `${articleId}/${periodId}`;

export interface FiguresChange {
  readonly planId: string;
  readonly articleId: string;
  readonly periodId: string;
  readonly basis: FiguresBasis;
  /** Euros as decimal strings (`1250000.50`); all four or none. */
  readonly expenditure: string | null;
  readonly receipts: string | null;
  readonly errors: string | null;
  readonly uncertainties: string | null;
  /** Only without amounts: the outcome as the source states it. */
  readonly outlook: Outlook | null;
  readonly statedTolerance: string | null;
  /** Required without amounts: why there are none. */
  readonly note: string | null;
  readonly version: number;
}

/** Beyond 15 significant digits a fraction would not survive a YAML number; whole euros do. */
const MAX_DIGITS = 15;

type Checked = { field: AmountField; decimal: Decimal } | { field: AmountField; message: string };

function checkAmount(field: AmountField, text: string): Checked {
  const decimal = parseDecimal(text.trim());
  if (!decimal) {
    return { field, message: `"${text}" is not an amount in euros, such as 1250000 or 1250000.50` };
  }
  if (decimal.units < 0n) {
    return { field, message: `${decimalToString(decimal)} is negative: amounts are zero or more` };
  }
  const digits = decimal.units.toString().replace(/^0+/, "").length;
  if (decimal.scale > 0 && digits > MAX_DIGITS) {
    return { field, message: `has more than ${MAX_DIGITS} digits: give whole euros` };
  }
  return { field, decimal };
}

/** The given amounts, each checked by its field; every bad one refused at once. */
function amountsOf(change: FiguresChange): Map<AmountField, Decimal> {
  const checked = AMOUNT_FIELDS.flatMap((field) => {
    const text = change[field];
    return text === null || text.trim() === "" ? [] : [checkAmount(field, text)];
  });
  const problems = checked.flatMap((c) =>
    "message" in c ? [{ field: c.field, message: c.message }] : [],
  );
  if (problems.length > 0) throw new ValidationError("bad amounts", problems);
  return new Map(checked.flatMap((c) => ("decimal" in c ? [[c.field, c.decimal] as const] : [])));
}

/** A plain YAML number that reads back as exactly `d`. */
function yamlNumber(d: Decimal): bigint | Scalar {
  if (d.scale === 0) return d.units;
  const scalar = new Scalar(Number(decimalToString(d)));
  scalar.minFractionDigits = d.scale;
  return scalar;
}

/** An article's figures in a period as the form and the audit trail show them. */
export function figuresEntry(figures: ArticleFigures | undefined) {
  const amount = (field: AmountField) => {
    const value = figures?.amounts?.[field];
    return value ? decimalToString(value) : null;
  };
  return {
    basis: figures?.basis ?? null,
    expenditure: amount("expenditure"),
    receipts: amount("receipts"),
    errors: amount("errors"),
    uncertainties: amount("uncertainties"),
    outlook: figures?.outlook ?? null,
    statedTolerance: figures?.statedTolerance ?? null,
    note: figures?.note ?? null,
  };
}

export type FiguresEntry = ReturnType<typeof figuresEntry>;

function figuresRecord(plan: Plan, articleId: string, periodId: string) {
  const article = plan.registers?.lawfulness?.articles.find((a) => a.id === articleId);
  const figures = article?.figures.find((f) => f.periodId === periodId);
  return { article: articleId, period: periodId, ...figuresEntry(figures) };
}

export type FiguresRecord = ReturnType<typeof figuresRecord> & { readonly version: number };

/** Sets the article's figures for the period; the register's own rules decide what reads. */
export function updateLawfulnessFigures(
  store: Store,
  change: FiguresChange,
  by: Actor,
): Promise<FiguresRecord> {
  const { planId, articleId, periodId } = change;
  const amounts = amountsOf(change);
  const text = (value: string | null) => (value?.trim() ? value.trim() : null);
  const entry = {
    basis: change.basis,
    ...Object.fromEntries([...amounts].map(([field, d]) => [field, yamlNumber(d)])),
    ...(change.outlook ? { outlook: change.outlook } : {}),
    ...(text(change.statedTolerance) ? { "stated-tolerance": text(change.statedTolerance) } : {}),
    ...(text(change.note) ? { note: text(change.note) } : {}),
  };
  return editRegister(
    store,
    {
      planId,
      periodId,
      file: "lawfulness.yaml",
      action: FIGURES_ACTION,
      entity: "lawfulness-figures",
      key: figuresKey(articleId, periodId),
      what: `the figures of article ${articleId} in ${periodId}`,
      version: change.version,
      field: "figures",
      edit(doc) {
        const missing = `plan ${planId} has no budget article ${articleId}`;
        const index = itemIndex(doc, "articles", articleId, missing);
        doc.setIn(["articles", index, "figures", periodId], doc.createNode(entry));
      },
      record: (plan) => figuresRecord(plan, articleId, periodId),
    },
    by,
  );
}
