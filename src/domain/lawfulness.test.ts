import { describe, expect, it } from "vitest";
import { type Decimal, decimalToString, parseDecimal } from "./decimal.js";
import {
  type Amounts,
  chapterTolerances,
  DEFAULT_TOLERANCE_RULE,
  judgeLawfulness,
  type LawfulnessRegister,
  shareOf,
  type ToleranceArticle,
} from "./lawfulness.js";

const d = (text: string): Decimal => parseDecimal(text) as Decimal;
const text = (value: Decimal) => decimalToString(value).replace(/\.0+$|(\.\d*?)0+$/, "$1");

function article(id: string, base: string, errors: string, uncertainties = "0"): ToleranceArticle {
  const amounts: Amounts = {
    expenditure: d(base),
    receipts: d("0"),
    errors: d(errors),
    uncertainties: d(uncertainties),
  };
  return { id, articlePercent: DEFAULT_TOLERANCE_RULE.article, amounts };
}

function tolerance(articles: ToleranceArticle[], id: string) {
  const result = chapterTolerances(DEFAULT_TOLERANCE_RULE.chapter, articles).get(id);
  if (!result) throw new Error(`no tolerance for ${id}`);
  return result;
}

describe("an article's effective tolerance", () => {
  it("is its own 5% when the chapter leaves more room", () => {
    const t = tolerance([article("a", "1000", "10"), article("b", "99000", "100")], "a");
    expect(text(t.articleLimit)).toBe("50");
    expect(text(t.chapterRoom)).toBe("1900");
    expect(t.boundBy).toBe("article");
    expect(text(t.effective)).toBe("50");
    expect(t.exceeds).toBe(false);
  });

  it("is the room left in the chapter's 2% when that is less", () => {
    const t = tolerance([article("a", "8000", "100"), article("b", "2000", "40")], "a");
    expect(text(t.articleLimit)).toBe("400");
    expect(text(t.chapterRoom)).toBe("160");
    expect(t.boundBy).toBe("chapter");
    expect(text(t.effective)).toBe("160");
  });

  it("shares the chapter's room: each article's room shrinks by the others' errors", () => {
    const articles = [
      article("a", "4000", "30"),
      article("b", "4000", "50"),
      article("c", "2000", "20"),
    ];
    expect(text(tolerance(articles, "a").chapterRoom)).toBe("130");
    expect(text(tolerance(articles, "b").chapterRoom)).toBe("150");
    expect(text(tolerance(articles, "c").chapterRoom)).toBe("120");
  });

  it("never has less than no room, however far the others go over", () => {
    const t = tolerance([article("a", "1000", "1"), article("b", "1000", "500")], "a");
    expect(text(t.chapterRoom)).toBe("0");
    expect(t.exceeds).toBe(true);
  });

  it("adds errors and uncertainties", () => {
    const t = tolerance([article("a", "1000", "30", "25"), article("b", "99000", "0")], "a");
    expect(text(t.errorsAndUncertainties)).toBe("55");
    expect(t.exceeds).toBe(true);
    expect(text(t.excess)).toBe("5");
  });

  it("is within exactly at the limit, and exceeds one cent over it", () => {
    const at = tolerance([article("a", "1000", "30", "20"), article("b", "99000", "0")], "a");
    expect(at.exceeds).toBe(false);
    expect(text(at.excess)).toBe("0");
    const over = tolerance([article("a", "1000", "30", "20.01"), article("b", "99000", "0")], "a");
    expect(over.exceeds).toBe(true);
    expect(text(over.excess)).toBe("0.01");
  });

  it("is exact at a chapter-bound limit with decimal amounts", () => {
    const t = tolerance([article("a", "7000.5", "120.01"), article("b", "1000", "40")], "a");
    expect(text(t.chapterRoom)).toBe("120.01");
    expect(t.exceeds).toBe(false);
  });

  it("falls when a large article moves to a smaller chapter", () => {
    const housing = article("huurtoeslag", "5000", "180");
    const large = [housing, article("overig-groot", "15000", "200")];
    const small = [housing, article("overig-klein", "3000", "10")];
    const before = tolerance(large, "huurtoeslag");
    const after = tolerance(small, "huurtoeslag");
    expect(text(shareOf(before.effective, before.base, 1) as Decimal)).toBe("4");
    expect(before.exceeds).toBe(false);
    expect(text(shareOf(after.effective, after.base, 1) as Decimal)).toBe("3");
    expect(after.boundBy).toBe("chapter");
    expect(after.exceeds).toBe(true);
    expect(text(after.excess)).toBe("30");
  });
});

describe("judging lawfulness in a period", () => {
  const period = { id: "q3", label: "q3", until: { year: 2025, month: 9, day: 30 } };
  const chapter = { id: "h", ministry: "M", rule: DEFAULT_TOLERANCE_RULE };
  const amounts = (errors: string): Amounts => ({
    expenditure: d("1000"),
    receipts: d("0"),
    errors: d(errors),
    uncertainties: d("0"),
  });

  it("computes where every article of the chapter has amounts, and warns of an excess", () => {
    const register: LawfulnessRegister = {
      narratives: {},
      chapters: [chapter],
      articles: [
        {
          id: "a",
          chapterId: "h",
          title: "A",
          figures: [{ periodId: "q3", basis: "expected", amounts: amounts("60") }],
        },
        {
          id: "b",
          chapterId: "h",
          title: "B",
          figures: [{ periodId: "q3", basis: "expected", amounts: amounts("0") }],
        },
      ],
    };
    const [a, b] = judgeLawfulness(register, period);
    expect(a?.tolerance?.exceeds).toBe(true);
    expect(a?.warning).toBe(true);
    expect(b?.outlook).toBe("within");
  });

  it("falls back on the stated outlook when the amounts are not given", () => {
    const register: LawfulnessRegister = {
      narratives: {},
      chapters: [chapter],
      articles: [
        {
          id: "a",
          chapterId: "h",
          title: "A",
          figures: [
            { periodId: "q3", basis: "expected", outlook: "exceeds", statedTolerance: "circa 3%" },
          ],
        },
      ],
    };
    const [a] = judgeLawfulness(register, period);
    expect(a?.tolerance).toBeNull();
    expect(a?.outlook).toBe("exceeds");
    expect(a?.warning).toBe(true);
  });
});
