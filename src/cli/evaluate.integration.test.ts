/** `koers evaluate` end to end, through the built command, on the example plan. */
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, koers } from "../testing/cli.js";

beforeAll(ensureBuilt);

const REFERENCE_2025_10: [string, string | null, number | string | null, string, number | null][] =
  [
    ["burgertevredenheid-tevreden", "≥ 70%", 75, "met", null],
    ["burgertevredenheid-ontevreden", "≤ 8%", 5, "met", null],
    ["burgerbelofte-1-tevreden", "≥ 55%", 55, "met", null],
    ["burgerbelofte-1-ontevreden", "≤ 8%", 10, "not-met", 1],
    ["burgerbelofte-2-tevreden", "≥ 55%", 41, "not-met", 2],
    ["burgerbelofte-2-ontevreden", "≤ 8%", 17, "not-met", 3],
    ["burgerbelofte-3-tevreden", "≥ 55%", 35, "not-met", 4],
    ["burgerbelofte-3-ontevreden", "≤ 8%", 6, "met", null],
    ["kto-tevreden-telefonie", "83%", 85, "met", null],
    ["kto-tevreden-balie", "80%", 89, "met", null],
    ["kto-ontevreden-telefonie", "8%", 5, "met", null],
    ["kto-ontevreden-balie", "6%", 4, "met", null],
    ["kto-tevreden-website", "76%", 84, "met", null],
    ["klachten-ontvangen", "≤ 1.417", 1266, "met", null],
    ["geen-terugvordering", "≥ 94%", 93.5, "not-met", 5],
    ["definitief-vastgesteld", "≥ 92%", 90.5, "pending", null],
    ["bezwaren-binnen-termijn", "≥ 90%", 97.1, "met", null],
    ["klachten-binnen-termijn", "≥ 96%", 99, "met", null],
    ["tijdig-uitbetaald", "≥ 99,9%", 99.98, "met", null],
    ["productieverstoringen", "< 8", 2, "met", null],
    [
      "rechtmatige-toekenning",
      "Fouten en onzekerheden blijven binnen de rapporteringstolerantie op artikelniveau van het betreffende beleidsdepartement",
      null,
      "pending",
      null,
    ],
  ];

const EXCEPTIONS = [
  "burgerbelofte-1-ontevreden",
  "burgerbelofte-2-tevreden",
  "burgerbelofte-2-ontevreden",
  "burgerbelofte-3-tevreden",
  "geen-terugvordering",
];

describe("koers evaluate --json on the example", () => {
  it("gives the reference's 21 statuses and its five exceptions in order for jan - okt", () => {
    const run = koers("evaluate", "examples/toeslagen-2025", "--period", "2025-10", "--json");
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout);
    expect(result.plan).toBe("toeslagen-2025");
    expect(result.period).toBe("2025-10");
    expect(
      result.indicators.map((i: Record<string, unknown>) => [
        i.id,
        i.target,
        i.value,
        i.status,
        i.note,
      ]),
    ).toEqual(REFERENCE_2025_10);
    expect(result.exceptions).toEqual(EXCEPTIONS);
    expect(result.intentions.map((i: Record<string, unknown>) => [i.id, i.status, i.note])).toEqual(
      [
        ["transparante-beschikkingen", "no-target", null],
        ["zelf-wijzigingen-doorgeven", "no-target", null],
        ["inkoopbeheer-op-orde", "behind-plan", 6],
        ["iv-portfolioproces", "no-target", null],
      ],
    );
    expect(result.indicators[3].path).toEqual([
      "Beleving van burgers",
      "Burgerbelofte 1: Bij Dienst Toeslagen krijg je waar je recht op hebt",
      "Ontevredenheid",
    ]);
  });

  it("gives what the figures say for jan - april", () => {
    const run = koers("evaluate", "examples/toeslagen-2025", "--period", "2025-04", "--json");
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    const byId = Object.fromEntries(
      result.indicators.map((i: Record<string, unknown>) => [i.id, i]),
    );
    expect(result.exceptions).toEqual(EXCEPTIONS);
    expect(byId["burgerbelofte-2-ontevreden"]).toMatchObject({
      value: 18,
      status: "not-met",
      note: 3,
    });
    expect(byId["geen-terugvordering"]).toMatchObject({ value: 92.9, status: "not-met", note: 5 });
    expect(byId["klachten-ontvangen"]).toMatchObject({
      target: "≤ 567",
      value: 434,
      status: "met",
    });
    expect(byId["definitief-vastgesteld"]).toMatchObject({ value: 0, status: "pending" });
  });
});

describe("koers evaluate as a table", () => {
  it("prints a readable table with the groups, the statuses and the notes", () => {
    const run = koers("evaluate", "examples/toeslagen-2025", "--period", "2025-10");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Jaarplan Toeslagen 2025 — jan - okt \(2025-10\)$/m);
    expect(run.stdout).toMatch(
      /^ {5}Burgerbelofte 1: Bij Dienst Toeslagen krijg je waar je recht op hebt$/m,
    );
    expect(run.stdout).toMatch(/^1 +Ontevredenheid +≤ 8% +10% +✗ niet gerealiseerd$/m);
    expect(run.stdout).toMatch(/Aantal ontvangen klachten +≤ 1\.417 +1\.266 +✓ gerealiseerd/);
    expect(run.stdout).toMatch(
      /^21 prestatie-indicatoren, 5 uitzonderingen: 1 burgerbelofte-1-ontevreden/m,
    );
  });

  it("answers --help for every command", () => {
    for (const command of ["validate", "evaluate", "report"]) {
      const run = koers(command, "--help");
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`Usage: koers ${command}`));
    }
  });
});

describe("koers validate and report on the example", () => {
  it("validates the example without warnings", () => {
    const run = koers("validate", "examples/toeslagen-2025");
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(
      /valid .* 2025-04: 5 exceptions, 2025-10: 5 exceptions and 1 intention behind schedule/,
    );
  });

  it("writes the Markdown report to standard output", () => {
    const run = koers("report", "examples/toeslagen-2025", "--period", "2025-10", "--format", "md");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# 2e uitzonderingenrapportage Jaarplan Toeslagen 2025/);
  });
});
