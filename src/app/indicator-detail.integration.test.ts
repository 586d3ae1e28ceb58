/**
 * The indicator page's data on every engine: the report's figures and statuses per period with
 * who entered them, the explanations rendered safely, the chart, and who may read it.
 */
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../testing/engines.js";
import { ACCOUNTS, OTHER_PLAN, PLAN, SETUP, seed } from "../testing/server.js";
import { type Account, findAccount } from "./accounts.js";
import { ForbiddenError, NotFoundError } from "./errors.js";
import { indicatorDetail } from "./indicator-detail.js";
import { PlanCache } from "./plan-cache.js";
import { updateRealisation } from "./realisations.js";

describeEachEngine("an indicator's page", ({ store }) => {
  let editor: Account;
  let neighbour: Account;
  const detail = (indicator: string, language?: "nl" | "en", account = editor) =>
    indicatorDetail(
      store().db,
      new PlanCache(store()),
      account,
      { plan: PLAN, indicator },
      language,
    );

  beforeAll(async () => {
    await seed(store());
    editor = (await findAccount(store().db, ACCOUNTS.editor.email)) as Account;
    neighbour = (await findAccount(store().db, ACCOUNTS.otherOrganisation.email)) as Account;
  });

  it("gives the definition and every period's figure, target and status as the report has them", async () => {
    const page = await detail("klachten-ontvangen");
    expect(page.language).toBe("nl");
    expect(page.plan).toEqual({ id: PLAN, title: "Jaarplan Toeslagen 2025" });
    expect(page.indicator).toMatchObject({
      title: "Aantal ontvangen klachten",
      groups: ["Dienstverlening"],
      unit: "count",
      aggregation: "sum",
      direction: "lower",
      owner: null,
      source: "Klachtenregistratie Dienst Toeslagen",
      target: "apr: ≤ 567 / okt: ≤ 1.417",
      qualitative: false,
    });
    expect(page.indicator.description).toMatch(/^Aantal klachten dat Dienst Toeslagen/);
    expect(
      page.periods.map((p) => [
        p.periodId,
        p.label,
        p.value,
        p.target,
        p.status.status,
        p.status.label,
      ]),
    ).toEqual([
      ["2025-04", "jan - april", "434", "≤ 567", "met", "gerealiseerd"],
      ["2025-10", "jan - okt", "1.266", "≤ 1.417", "met", "gerealiseerd"],
    ]);
    expect(page.periods[1]).toMatchObject({
      source: "Klachtenregistratie jan - okt 2025",
      entry: { version: 1, updatedBy: SETUP.actor, updatedAt: SETUP.at },
    });
  });

  it("says who entered a figure last, and when", async () => {
    const at = "2026-02-03T14:30:00.000Z";
    await updateRealisation(
      store(),
      {
        planId: PLAN,
        indicatorId: "klachten-ontvangen",
        periodId: "2025-10",
        value: 1500,
        version: 1,
      },
      { actor: ACCOUNTS.editor.email, at },
    );
    const page = await detail("klachten-ontvangen", "en");
    expect(page.periods[1]).toMatchObject({
      value: "1,500",
      target: "≤ 1,417",
      status: { status: "behind-plan", label: "behind plan" },
      note: expect.any(Number),
      entry: { version: 2, updatedBy: ACCOUNTS.editor.email, updatedAt: at },
    });
    expect(page.periods[0]?.entry.version).toBe(1);
  });

  it("draws the figures with the target, and states them in words", async () => {
    const { chart } = await detail("klachten-ontvangen", "en");
    expect(chart?.title).toBe("Aantal ontvangen klachten: actual per period");
    expect(chart?.description).toBe(
      "Actual per period: jan - april 434 and jan - okt 1,500. Target: Apr: ≤ 567 / Oct: ≤ 1,417.",
    );
    expect(chart?.svg).toMatch(/^<svg [^>]*role="img"/);
    expect(chart?.svg).toContain(`<desc id="grafiek-klachten-ontvangen-beschrijving">`);
  });

  it("has no chart for a qualitative target", async () => {
    const page = await detail("rechtmatige-toekenning");
    expect(page.indicator.qualitative).toBe(true);
    expect(page.chart).toBeNull();
    expect(page.periods.map((p) => p.value)).toEqual(["n.v.t.", "n.v.t."]);
  });

  it("gives the explanations of every period, rendered as the report renders them", async () => {
    const page = await detail("burgerbelofte-2-tevreden");
    expect(page.indicator.heading).toBe(
      "Burgerbelofte 2: Bij Dienst Toeslagen weet je waar je aan toe bent – Tevredenheid",
    );
    expect(page.explanations.map((e) => [e.periodId, e.label])).toEqual([
      ["2025-04", "jan - april"],
      ["2025-10", "jan - okt"],
    ]);
    expect(page.explanations[0]?.html).toMatch(/^<p>Van de burgers is 41%/);
    expect(page.explanations.every((e) => e.note !== null)).toBe(true);
  });

  it("escapes HTML and refuses script links in an explanation", async () => {
    await store()
      .db.updateTable("explanations")
      .set({
        markdown:
          '# Kop\n\n<script>alert(1)</script> [klik](javascript:alert(1)) <img src=x onerror="x">',
      })
      .where("plan_id", "=", PLAN)
      .where("indicator_id", "=", "geen-terugvordering")
      .where("period_id", "=", "2025-10")
      .execute();
    const html = (await detail("geen-terugvordering")).explanations.at(-1)?.html ?? "";
    expect(html).toContain("<h4>Kop</h4>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toMatch(/<script|<img|href="javascript:/);
  });

  it("refuses an unknown indicator and a reader of another organisation", async () => {
    await expect(detail("onbekend")).rejects.toThrow(NotFoundError);
    await expect(detail("klachten-ontvangen", "nl", neighbour)).rejects.toThrow(ForbiddenError);
    await expect(
      indicatorDetail(
        store().db,
        new PlanCache(store()),
        neighbour,
        { plan: OTHER_PLAN, indicator: "klachten-ontvangen" },
        "nl",
      ),
    ).resolves.toMatchObject({ plan: { id: OTHER_PLAN } });
  });
});
