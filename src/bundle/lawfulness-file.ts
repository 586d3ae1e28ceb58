/** Reads lawfulness.yaml: tolerance rules, budget chapters, articles and their figures per period. */
import { type Decimal, parseDecimal } from "../domain/decimal.js";
import {
  type Amounts,
  type Article,
  type ArticleFigures,
  type Chapter,
  DEFAULT_TOLERANCE_RULE,
  type FiguresBasis,
  type LawfulnessRegister,
  type Outlook,
  type ToleranceRule,
} from "../domain/lawfulness.js";
import type { Plan } from "../domain/plan.js";
import type { ProblemLog } from "./problems.js";
import { ID, RegisterFile } from "./register-fields.js";
import type { Fields } from "./yaml-fields.js";

const FILE_FIELDS = ["heading", "narrative", "rules", "chapters", "articles"];
const RULE_FIELDS = ["id", "article", "chapter", "source"];
const CHAPTER_FIELDS = ["id", "ministry", "chapter", "rule"];
const ARTICLE_FIELDS = ["id", "chapter", "article", "title", "rule", "figures"];
const FIGURE_FIELDS = [
  "basis",
  "expenditure",
  "receipts",
  "errors",
  "uncertainties",
  "outlook",
  "stated-tolerance",
  "note",
];
const AMOUNTS = ["expenditure", "receipts", "errors", "uncertainties"] as const;

/** `5%`, `2,5%` or a plain number: a percentage above 0 and at most 100. */
function percent(f: Fields, key: string, what: string): Decimal | undefined {
  const text = f.text(key, true);
  if (text === undefined) return undefined;
  const value = parseDecimal(text.replace(/\s*%$/, "").replace(",", "."));
  const hundred: Decimal = { units: 100n, scale: 0 };
  if (!value || value.units <= 0n || value.units > hundred.units * 10n ** BigInt(value.scale)) {
    f.error(
      key,
      `${what}: field "${key}" is "${text}" but must be a percentage above 0 and at most 100, such as 5%`,
    );
    return undefined;
  }
  return value;
}

function readRules(r: RegisterFile, top: Fields): Map<string, ToleranceRule> {
  const rules = new Map([[DEFAULT_TOLERANCE_RULE.id, DEFAULT_TOLERANCE_RULE]]);
  for (const { map, path } of r.mappings(top, "rules", "a tolerance rule", false)) {
    const what = typeof map.id === "string" ? `rule "${map.id}"` : "rule";
    const f = r.fields(map, path, what);
    f.warnUnknown(RULE_FIELDS);
    const id = f.matching("id", ID, true);
    if (id && rules.has(id)) f.error("id", `duplicate rule id "${id}"`);
    const article = percent(f, "article", what);
    const chapter = percent(f, "chapter", what);
    const source = f.text("source", true);
    if (id && article && chapter && source && !rules.has(id))
      rules.set(id, { id, article, chapter, source });
  }
  return rules;
}

function ruleOf(f: Fields, rules: Map<string, ToleranceRule>, what: string) {
  const id = f.text("rule", false);
  if (id === undefined) return undefined;
  const rule = rules.get(id);
  if (!rule)
    f.error(
      "rule",
      `${what}: unknown rule "${id}": not in rules (or ${DEFAULT_TOLERANCE_RULE.id})`,
    );
  return rule;
}

function readChapters(r: RegisterFile, top: Fields, rules: Map<string, ToleranceRule>): Chapter[] {
  const ids = new Set<string>();
  return r.mappings(top, "chapters", "a budget chapter", true).flatMap(({ map, path }) => {
    const what = typeof map.id === "string" ? `chapter "${map.id}"` : "chapter";
    const f = r.fields(map, path, what);
    f.warnUnknown(CHAPTER_FIELDS);
    const id = f.matching("id", ID, true);
    if (id && ids.has(id)) f.error("id", `duplicate chapter id "${id}"`);
    if (id) ids.add(id);
    const ministry = f.text("ministry", true);
    const number = f.text("chapter", false);
    const rule = ruleOf(f, rules, what) ?? DEFAULT_TOLERANCE_RULE;
    if (!id || !ministry) return [];
    return [{ id, ministry, ...(number ? { chapter: number } : {}), rule }];
  });
}

function readFigures(
  r: RegisterFile,
  e: Fields,
  periodId: string,
  what: string,
): ArticleFigures | undefined {
  const entry = `${what}: figures of period "${periodId}"`;
  e.warnUnknown(FIGURE_FIELDS);
  const basis = e.oneOf<FiguresBasis>("basis", ["expected", "found"]);
  if (!e.map.basis) e.error(undefined, `${entry}: missing required field "basis"`);
  const given = AMOUNTS.filter((k) => e.map[k] !== undefined && e.map[k] !== null);
  const values = AMOUNTS.map((k) => r.amount(e, k, entry));
  const outlook = e.oneOf<Outlook>("outlook", ["exceeds", "within"]);
  const statedTolerance = e.text("stated-tolerance", false);
  const note = e.text("note", false);
  if (given.length > 0 && given.length < AMOUNTS.length) {
    e.error(
      undefined,
      `${entry}: give ${AMOUNTS.join(", ")} together, or none (missing ${AMOUNTS.filter((k) => !given.includes(k)).join(", ")})`,
    );
    return undefined;
  }
  if (given.length > 0 && outlook) {
    e.error(
      "outlook",
      `${entry}: outlook is only for figures without amounts; with amounts it is computed`,
    );
    return undefined;
  }
  if (given.length === 0 && !note) {
    e.error(undefined, `${entry}: without amounts, give a note saying why there are none`);
    return undefined;
  }
  if (!basis || given.some((k) => values[AMOUNTS.indexOf(k)] === undefined)) return undefined;
  const [expenditure, receipts, errors, uncertainties] = values as Decimal[];
  const amounts: Amounts | undefined =
    given.length > 0 ? ({ expenditure, receipts, errors, uncertainties } as Amounts) : undefined;
  return {
    periodId,
    basis,
    ...(amounts ? { amounts } : {}),
    ...(outlook ? { outlook } : {}),
    ...(statedTolerance ? { statedTolerance } : {}),
    ...(note ? { note } : {}),
  };
}

export function readLawfulness(
  text: string,
  file: string,
  plan: Plan,
  log: ProblemLog,
): LawfulnessRegister | undefined {
  const r = RegisterFile.open(
    text,
    file,
    plan,
    log,
    "lawfulness.yaml is a mapping with lists `chapters` and `articles`",
  );
  if (!r) return undefined;
  const top = r.fields(r.root, [], "lawfulness.yaml");
  top.warnUnknown(FILE_FIELDS);
  const rules = readRules(r, top);
  const chapters = readChapters(r, top, rules);
  const ids = new Set<string>();
  const articles = r
    .mappings(top, "articles", "a budget article", true)
    .flatMap(({ map, path }): Article[] => {
      const what = typeof map.id === "string" ? `article "${map.id}"` : "article";
      const f = r.fields(map, path, what);
      f.warnUnknown(ARTICLE_FIELDS);
      const id = f.matching("id", ID, true);
      if (id && ids.has(id)) f.error("id", `duplicate article id "${id}"`);
      if (id) ids.add(id);
      const chapterId = f.text("chapter", true);
      if (chapterId && !chapters.some((c) => c.id === chapterId))
        f.error("chapter", `${what}: unknown chapter "${chapterId}": not in chapters`);
      const number = f.text("article", false);
      const title = f.text("title", true);
      const rule = ruleOf(f, rules, what);
      const figures = r.perPeriod(
        f,
        "figures",
        (p) => `${what}: figures of period "${p}"`,
        (e, periodId) => readFigures(r, e, periodId, what),
      );
      if (!id || !chapterId || !title) return [];
      return [
        {
          id,
          chapterId,
          ...(number ? { article: number } : {}),
          title,
          ...(rule ? { rule } : {}),
          figures,
        },
      ];
    });
  return { ...r.text(top), chapters, articles };
}
