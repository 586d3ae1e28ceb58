import { describe, expect, it } from "vitest";
import { parseDecimal } from "../domain/decimal.js";
import { evaluatePeriod } from "../domain/evaluate.js";
import type { Indicator, Realisation } from "../domain/plan.js";
import { parseThreshold } from "../domain/target.js";
import { indicator, OCTOBER, planOf } from "../testing/plans.js";
import { draftParagraph } from "./draft.js";

function judged(spec: Partial<Indicator>, target: string, value: string | null) {
  const parsed = parseThreshold(target, undefined);
  if (!("ok" in parsed)) throw new Error(`bad target ${target}`);
  const plan = planOf([
    indicator({ ...spec, target: { kind: "fixed", threshold: parsed.ok.threshold } }),
  ]);
  const realisations: Realisation[] =
    value === null
      ? []
      : [
          {
            indicatorId: "i",
            periodId: OCTOBER.id,
            value: { kind: "number", value: parseDecimal(value) ?? { units: 0n, scale: 0 } },
          },
        ];
  const evaluation = evaluatePeriod(plan, realisations, OCTOBER.id);
  const judgement = evaluation.judgements[0];
  if (!judgement) throw new Error("no judgement");
  return { plan, judgement };
}

describe("a drafted paragraph", () => {
  it("states figure, target and the gap in percentage points", () => {
    const { plan, judgement } = judged({}, ">= 70%", "41");
    expect(draftParagraph(judgement, plan, "nl")).toBe(
      "De realisatie over jan - okt is 41%; de streefwaarde is ≥ 70%. Dat is 29 procentpunt onder de streefwaarde.",
    );
    expect(draftParagraph(judgement, plan, "en")).toBe(
      "The actual figure for jan - okt is 41%; the target is ≥ 70%. That is 29 percentage points below the target.",
    );
  });

  it("gives a count's gap as a number, rounded as the indicator shows it", () => {
    const { plan, judgement } = judged({ unit: "count", aggregation: "sum" }, "< 8", "9");
    expect(draftParagraph(judgement, plan, "nl")).toBe(
      "De realisatie over jan - okt is 9; de streefwaarde is < 8. Dat is 1 boven de streefwaarde.",
    );
    const rounded = judged({ decimals: 1 }, ">= 95%", "93.46");
    expect(draftParagraph(rounded.judgement, rounded.plan, "nl")).toMatch(
      /is 93,5%; .* Dat is 1,5 procentpunt onder de streefwaarde\.$/,
    );
  });

  it("says no figure is known rather than inventing one, and adds further facts", () => {
    const { plan, judgement } = judged({}, ">= 70%", null);
    expect(draftParagraph(judgement, plan, "nl", ["Gelijk aan de vorige meting."])).toBe(
      "Over jan - okt is nog geen realisatie vastgesteld. Gelijk aan de vorige meting.",
    );
  });
});
