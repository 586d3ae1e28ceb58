import { describe, expect, it } from "vitest";
import { bundleSnapshot } from "../app/diff.js";
import { buildReport, renderReport } from "../app/report.js";
import { readBundle } from "../bundle/read-bundle.js";
import { publishedSnapshot } from "./read-published.js";

const bundle = readBundle("examples/toeslagen-2025");

async function published(periodId: string, publishedAt: string) {
  const anchor = { auditHead: "a".repeat(64), publishedAt };
  const { model } = buildReport(bundle, periodId, undefined, anchor);
  return publishedSnapshot({
    periodId,
    csv: String(await renderReport(model, "csv")),
    markdown: String(await renderReport(model, "md")),
    language: "nl",
    intentionIds: new Map([
      ["Bedrijfsvoering: Onvolkomenheid in het inkoopbeheer opgelost", "inkoopbeheer-op-orde"],
    ]),
  });
}

describe("a published report read back", () => {
  it.each(["2025-04", "2025-10"])(
    "gives period %s's indicators and intentions as the bundle evaluates them",
    async (periodId) => {
      const fromReport = await published(periodId, "2026-11-02T09:00:00.000Z");
      const fromBundle = bundleSnapshot(bundle, periodId, "nl");
      expect(fromReport.period).toEqual(fromBundle.period);
      expect(fromReport.indicators).toEqual(fromBundle.indicators);
      expect(fromReport.intentions.map((i) => [i.id, i.status, i.note])).toEqual(
        fromBundle.intentions.map((i) => [
          i.id === "inkoopbeheer-op-orde" ? i.id : i.path.join(": "),
          i.status,
          i.note,
        ]),
      );
    },
  );

  it("gives each explanation's text with its footnotes, without the colophon", async () => {
    const april = await published("2025-04", "2026-05-02T09:00:00.000Z");
    const again = await published("2025-04", "2026-11-02T09:00:00.000Z");
    expect(april.explanations).toEqual(again.explanations);
    const october = await published("2025-10", "2026-11-02T09:00:00.000Z");
    const written = bundleSnapshot(bundle, "2025-10", "nl").explanations;
    expect([...october.explanations.keys()].sort()).toEqual([...written.keys()].sort());
    expect(october.explanations.get("burgerbelofte-1-ontevreden")).toBe(
      written.get("burgerbelofte-1-ontevreden")?.trim(),
    );
    expect(october.explanations.get("burgerbelofte-1-ontevreden")).toContain("[^1]: MAC-en");
  });
});
