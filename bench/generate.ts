/**
 * Writes a synthetic plan bundle (FORMAT.md) for the benchmark: by default 5,000 indicators
 * (50 groups × 10 subgroups × 10 indicators) over 12 monthly periods, with a realistic mix of
 * targets and a `;`-separated realisations.csv with one row per indicator and period.
 *
 * Deterministic: the same options give the same bundle, byte for byte (seeded PRNG).
 * The generator also knows which status every (indicator, period) must get, so the benchmark
 * can check that Koers's evaluation is not only fast but right.
 *
 *   node --import tsx bench/generate.ts <folder> [--seed N]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export type ExpectedStatus = "no-target" | "pending" | "met" | "behind-plan" | "not-met";

export interface GenerateOptions {
  readonly groups?: number;
  readonly subgroups?: number;
  readonly indicatorsPerSubgroup?: number;
  readonly seed?: number;
  /** How many explanations of exceptions of the last period to write, at most. */
  readonly explanations?: number;
}

export interface GeneratedBundle {
  readonly dir: string;
  readonly planId: string;
  readonly periodIds: readonly string[];
  readonly indicators: number;
  readonly realisations: number;
  /** Per period id: how many indicators must get each status. */
  readonly statusCounts: Readonly<Record<string, Readonly<Record<ExpectedStatus, number>>>>;
  /** Per period id: the exceptions' indicator ids in note order. */
  readonly exceptions: Readonly<Record<string, readonly string[]>>;
  /** Explanations written (all for exceptions of the last period). */
  readonly explanations: number;
  readonly sections: number;
  /** Bytes of plan.yaml and realisations.csv. */
  readonly planBytes: number;
  readonly csvBytes: number;
}

const YEAR = 2025;
const PERIODS = Array.from({ length: 12 }, (_, index) => {
  const month = index + 1;
  const lastDay = new Date(Date.UTC(YEAR, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, "0");
  return { id: `${YEAR}-${mm}`, month, until: `${YEAR}-${mm}-${lastDay}` };
});
const LAST = PERIODS.length - 1;
const MONTH_LABELS = [
  "jan",
  "jan - feb",
  "jan - mrt",
  "jan - apr",
  "jan - mei",
  "jan - jun",
  "jan - jul",
  "jan - aug",
  "jan - sep",
  "jan - okt",
  "jan - nov",
  "jan - dec",
];

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

const DOMAINS = [
  "Dienstverlening",
  "Toekenning",
  "Terugvordering",
  "Bezwaar en beroep",
  "Informatiehuishouding",
  "Personeel",
  "Financiën",
  "Digitale kanalen",
  "Handhaving",
  "Herstel",
];
const THEMES = [
  "Telefonie",
  "Balie",
  "Post",
  "Webportaal",
  "Betalingen",
  "Aanvragen",
  "Wijzigingen",
  "Definitieve berekening",
  "Klachten",
  "Signalen",
  "Uitval",
  "Werkvoorraad",
];
const MEASURES = [
  { slug: "tevredenheid", title: "Tevredenheid" },
  { slug: "doorlooptijd", title: "Afgehandeld binnen de termijn" },
  { slug: "bereikbaarheid", title: "Bereikbaarheid" },
  { slug: "volume", title: "Aantal zaken" },
  { slug: "kosten", title: "Kosten" },
  { slug: "juistheid", title: "Juist vastgesteld" },
  { slug: "achterstand", title: "Achterstand" },
  { slug: "herhaalcontact", title: "Herhaalcontact" },
  { slug: "uitval", title: "Uitval" },
  { slug: "voortgang", title: "Voortgang" },
];
const SOURCES = [
  "Toeslagenmonitor",
  "Klantcontactregistratie",
  "Managementinformatie",
  "Financiële administratie",
  "Zaaksysteem",
];

type Op = ">=" | "<=" | "<" | ">" | "=";
/** A condition in hundredths of the unit (so 70,5% is 7050). */
type Cond =
  | { readonly op: Op; readonly t: number }
  | { readonly op: "range"; lo: number; hi: number };

interface IndicatorSpec {
  readonly id: string;
  /** YAML lines of the indicator mapping, without the leading "- ". */
  readonly yaml: string[];
  readonly unit: "percent" | "count" | "euro";
  /** Granularity of figures in hundredths: rounding step when `decimals` is set. */
  readonly step: number;
  /** Figures get a fraction in [0, fracMax) hundredths on top of a multiple of `step`. */
  readonly fracMax: number;
  readonly target:
    | { readonly kind: "none" }
    | { readonly kind: "qualitative" }
    | { readonly kind: "fixed"; readonly cond: Cond; readonly yearEnd: boolean }
    | { readonly kind: "phased"; readonly steps: ReadonlyMap<number, Cond> };
}

const q = (text: string) => JSON.stringify(text);

const COMPARATOR_TEXT: Record<Op, readonly string[]> = {
  ">=": [">= ", "≥ ", ">=", "≥"],
  "<=": ["<= ", "≤ ", "<=", "≤"],
  "<": ["< "],
  ">": ["> "],
  "=": ["= "],
};

/** A number of hundredths as a target writes it: decimal comma or point, no thousands marks. */
function targetNumber(random: Random, hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const cents = hundredths % 100;
  if (cents === 0) return String(whole);
  const fraction = String(cents).padStart(2, "0").replace(/0$/, "");
  return `${whole}${random() < 0.7 ? "," : "."}${fraction}`;
}

/** A number of hundredths in the `;` dialect: decimal comma, thousands points from 1.000. */
function csvNumber(hundredths: number): string {
  const negative = hundredths < 0;
  const magnitude = Math.abs(hundredths);
  const whole = String(Math.floor(magnitude / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const cents = magnitude % 100;
  const fraction = cents === 0 ? "" : `,${String(cents).padStart(2, "0").replace(/0$/, "")}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

function condText(random: Random, cond: Cond, percent: boolean): string {
  const suffix = percent ? pick(random, ["%", "%", " %"]) : "";
  if (cond.op === "range") {
    const dash = pick(random, [" - ", "-", "–", " – "]);
    return `${targetNumber(random, cond.lo)}${suffix}${dash}${targetNumber(random, cond.hi)}${suffix}`;
  }
  return `${pick(random, COMPARATOR_TEXT[cond.op])}${targetNumber(random, cond.t)}${suffix}`;
}

function indicatorSpec(random: Random, id: string, title: string): IndicatorSpec {
  const yaml = [`id: ${id}`, `title: ${q(title)}`];
  const source = pick(random, SOURCES);
  const roll = random() * 100;
  const directionFor = (op: Op) =>
    op === ">=" || op === ">" ? "higher" : op === "<=" || op === "<" ? "lower" : undefined;
  const maybeDirection = (op: Op) => {
    const direction = directionFor(op);
    if (direction && random() < 0.3) yaml.push(`direction: ${direction}`);
  };
  if (roll < 30) {
    // A percentage comparison; a third with one decimal, rounded by `decimals: 1`.
    const withDecimals = random() < 0.35;
    const op = pick(random, [">=", ">=", ">=", "<=", "<=", "<", ">", "="] as const);
    const t =
      op === "="
        ? 10000
        : op === "<=" || op === "<"
          ? int(random, 3, 25) * 100 + (withDecimals ? int(random, 0, 9) * 10 : 0)
          : int(random, 55, 97) * 100 + (withDecimals ? int(random, 0, 9) * 10 : 0);
    const cond: Cond = { op, t };
    if (random() < 0.8) yaml.push("unit: percent");
    if (withDecimals) yaml.push("decimals: 1");
    maybeDirection(op);
    yaml.push(`target: ${q(condText(random, cond, true))}`);
    if (random() < 0.3) yaml.push("aggregation: latest");
    yaml.push(`source: ${q(source)}`);
    const step = 10;
    return {
      id,
      yaml,
      unit: "percent",
      step,
      fracMax: withDecimals ? 5 : 1,
      target: { kind: "fixed", cond, yearEnd: false },
    };
  }
  if (roll < 44) {
    const op = pick(random, ["<=", "<=", ">=", "<", ">"] as const);
    const t = int(random, 2, 2500) * 100;
    const cond: Cond = { op, t };
    yaml.push("unit: count");
    maybeDirection(op);
    yaml.push(`target: ${q(condText(random, cond, false))}`);
    return {
      id,
      yaml,
      unit: "count",
      step: 100,
      fracMax: 1,
      target: { kind: "fixed", cond, yearEnd: false },
    };
  }
  if (roll < 52) {
    const op = pick(random, ["<=", "<=", "<"] as const);
    const t = int(random, 10, 5000) * 1000 * 100;
    const cond: Cond = { op, t };
    yaml.push("unit: euro");
    const rounded = random() < 0.5;
    if (rounded) yaml.push("decimals: 0");
    yaml.push(`target: ${q(condText(random, cond, false))}`);
    yaml.push(`source: ${q("Financiële administratie")}`);
    return {
      id,
      yaml,
      unit: "euro",
      step: 100,
      fracMax: rounded ? 50 : 100,
      target: { kind: "fixed", cond, yearEnd: false },
    };
  }
  if (roll < 62) {
    // A bare value with a direction.
    const higher = random() < 0.6;
    const percent = random() < 0.6;
    const t = percent
      ? (higher ? int(random, 60, 95) : int(random, 3, 20)) * 100
      : int(random, 5, 3000) * 100;
    const cond: Cond = { op: higher ? ">=" : "<=", t };
    yaml.push(`unit: ${percent ? "percent" : "count"}`);
    yaml.push(`direction: ${higher ? "higher" : "lower"}`);
    yaml.push(`target: ${q(`${targetNumber(random, t)}${percent ? "%" : ""}`)}`);
    return {
      id,
      yaml,
      unit: percent ? "percent" : "count",
      step: percent ? 10 : 100,
      fracMax: 1,
      target: { kind: "fixed", cond, yearEnd: false },
    };
  }
  if (roll < 70) {
    // A range, in percent (half with decimals) or in a count.
    const percent = random() < 0.7;
    const lo = percent
      ? int(random, 40, 85) * 100 + int(random, 0, 1) * 50
      : int(random, 10, 500) * 100;
    const hi = lo + (percent ? int(random, 2, 10) * 100 : int(random, 5, 100) * 100);
    const cond: Cond = { op: "range", lo, hi };
    yaml.push(`unit: ${percent ? "percent" : "count"}`);
    if (percent && random() < 0.5) yaml.push("decimals: 1");
    yaml.push(`target: ${q(condText(random, cond, percent))}`);
    return {
      id,
      yaml,
      unit: percent ? "percent" : "count",
      step: percent ? 10 : 100,
      fracMax: percent ? 5 : 1,
      target: { kind: "fixed", cond, yearEnd: false },
    };
  }
  if (roll < 80) {
    // Time-phased over three or four periods, a cumulative count.
    const lower = random() < 0.6;
    const base = int(random, 50, 2000);
    const stepPeriods = random() < 0.5 ? [2, 5, 8, 11] : [3, 7, 11];
    const steps = new Map<number, Cond>();
    yaml.push("unit: count", "aggregation: sum");
    if (random() < 0.5) yaml.push(`direction: ${lower ? "lower" : "higher"}`);
    yaml.push("target:");
    for (const index of stepPeriods) {
      const t = Math.round((base * (index + 1)) / 12) * 100 + 100;
      const cond: Cond = { op: lower ? "<=" : ">=", t };
      steps.set(index, cond);
      yaml.push(`  ${q(PERIODS[index]?.id ?? "")}: ${q(condText(random, cond, false))}`);
    }
    return { id, yaml, unit: "count", step: 100, fracMax: 1, target: { kind: "phased", steps } };
  }
  if (roll < 87) {
    // Judged at year end only: progress towards a percentage.
    const t = int(random, 80, 99) * 100;
    const cond: Cond = { op: ">=", t };
    yaml.push("unit: percent", "assess: year-end", "aggregation: progress");
    yaml.push(`target: ${q(condText(random, cond, true))}`);
    return {
      id,
      yaml,
      unit: "percent",
      step: 10,
      fracMax: 1,
      target: { kind: "fixed", cond, yearEnd: true },
    };
  }
  if (roll < 93) {
    yaml.push(
      `target: { text: ${q(pick(random, ["Fouten en onzekerheden blijven binnen de tolerantie", "De jaarrekening krijgt een goedkeurende verklaring", "Het informatiebeveiligingsplan is vastgesteld"]))} }`,
    );
    return { id, yaml, unit: "count", step: 100, fracMax: 1, target: { kind: "qualitative" } };
  }
  // No target: absent, null or n.v.t.
  const unit = pick(random, ["count", "euro", "percent"] as const);
  yaml.push(`unit: ${unit}`);
  const form = random();
  if (form < 0.4) yaml.push(`target: ${q("n.v.t.")}`);
  else if (form < 0.6) yaml.push("target: null");
  return { id, yaml, unit, step: 100, fracMax: 1, target: { kind: "none" } };
}

/** A figure on the right (met) or wrong side of a condition, consistent before and after rounding. */
function figure(random: Random, spec: IndicatorSpec, cond: Cond, met: boolean): number {
  const { step } = spec;
  const frac = spec.fracMax > 1 ? int(random, 0, spec.fracMax - 1) : 0;
  const k = int(random, 1, 30);
  if (cond.op === "range") {
    const slots = Math.floor((cond.hi - cond.lo) / step);
    if (met) return cond.lo + int(random, 0, slots - 1) * step + frac;
    const below = Math.min(k, Math.floor(cond.lo / step) - 1);
    return random() < 0.5 && below >= 1 ? cond.lo - below * step + frac : cond.hi + k * step + frac;
  }
  const below = Math.max(1, Math.min(k, Math.floor(cond.t / step) - 1));
  const up = cond.t + k * step + frac;
  const down = cond.t - below * step + frac;
  switch (cond.op) {
    case ">=":
    case ">":
      return met ? up : down;
    case "<=":
    case "<":
      return met ? down : up;
    case "=":
      return met ? cond.t : down;
  }
}

/** A plausible figure when the target is not judged or absent. */
function anyFigure(random: Random, spec: IndicatorSpec, cond: Cond | undefined): number {
  if (cond) return figure(random, spec, cond, random() < 0.8);
  switch (spec.unit) {
    case "percent":
      return int(random, 0, 1000) * 10;
    case "count":
      return int(random, 0, 250_000) * 100;
    case "euro":
      return int(random, 0, 900_000_000);
  }
}

const MISS_RATE = 0.12;
const NOT_KNOWN_RATE = 0.01;

export function generateBundle(dir: string, options: GenerateOptions = {}): GeneratedBundle {
  const groups = options.groups ?? 50;
  const subgroups = options.subgroups ?? 10;
  const perSubgroup = options.indicatorsPerSubgroup ?? 10;
  const random = prng(options.seed ?? 20250101);
  const maxExplanations = options.explanations ?? 300;
  const planId = "benchmark-2025";

  const plan: string[] = [
    `id: ${planId}`,
    `title: ${q("Jaarplan Benchmark 2025")}`,
    `organisation: ${q("Dienst Benchmark")}`,
    `year: ${YEAR}`,
    "language: nl",
    "periods:",
  ];
  PERIODS.forEach((period, index) => {
    plan.push(
      `  - id: ${q(period.id)}`,
      `    label: ${q(MONTH_LABELS[index] ?? period.id)}`,
      `    until: ${period.until}`,
    );
  });
  plan.push("indicators:");
  const specs: IndicatorSpec[] = [];
  for (let g = 1; g <= groups; g++) {
    const domain = DOMAINS[(g - 1) % DOMAINS.length] ?? "Domein";
    plan.push(`  - title: ${q(`${pad2(g)} ${domain}`)}`);
    if (g % 5 === 1)
      plan.push(`    description: ${q(`Indicatoren over ${domain.toLowerCase()}.`)}`);
    plan.push("    indicators:");
    for (let s = 1; s <= subgroups; s++) {
      const theme = pick(random, THEMES);
      plan.push(`      - title: ${q(`${theme} ${pad2(g)}.${pad2(s)}`)}`, "        indicators:");
      for (let i = 1; i <= perSubgroup; i++) {
        const measure = pick(random, MEASURES);
        const id = `${measure.slug}-${pad2(g)}-${pad2(s)}-${pad2(i)}`;
        const spec = indicatorSpec(random, id, `${measure.title} ${theme.toLowerCase()} ${i}`);
        specs.push(spec);
        spec.yaml.forEach((line, index) => {
          plan.push(`${index === 0 ? "          - " : "            "}${line}`);
        });
      }
    }
  }
  const planText = `${plan.join("\n")}\n`;

  const statusCounts: Record<string, Record<ExpectedStatus, number>> = {};
  const exceptions: Record<string, string[]> = {};
  for (const period of PERIODS) {
    statusCounts[period.id] = {
      "no-target": 0,
      pending: 0,
      met: 0,
      "behind-plan": 0,
      "not-met": 0,
    };
    exceptions[period.id] = [];
  }

  const csv: string[] = ["indicator;period;value;source;sample_size"];
  for (const spec of specs) {
    PERIODS.forEach((period, index) => {
      const { value, status } = realisation(random, spec, index);
      const counts = statusCounts[period.id] as Record<ExpectedStatus, number>;
      counts[status] += 1;
      if (status === "not-met" || status === "behind-plan") exceptions[period.id]?.push(spec.id);
      const source = random() < 0.6 ? `${pick(random, SOURCES)} ${period.id}` : "";
      const sampleSize =
        spec.unit === "percent" && random() < 0.1 ? csvNumber(int(random, 200, 25_000) * 100) : "";
      csv.push(`${spec.id};${period.id};${value};${source};${sampleSize}`);
    });
  }
  const csvText = `${csv.join("\n")}\n`;

  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "plan.yaml"), planText);
  writeFileSync(join(dir, "realisations.csv"), csvText);

  const lastId = PERIODS[LAST]?.id ?? "";
  const lastExceptions = exceptions[lastId] ?? [];
  const explanationDir = join(dir, "explanations", lastId);
  mkdirSync(explanationDir, { recursive: true });
  const share = Math.min(1, maxExplanations / Math.max(1, lastExceptions.length));
  let explanations = 0;
  for (const id of lastExceptions) {
    if (explanations >= maxExplanations || random() >= share) continue;
    explanations += 1;
    writeFileSync(join(explanationDir, `${id}.md`), explanationText(random, id));
  }

  const sectionDir = join(dir, "sections", lastId);
  mkdirSync(sectionDir, { recursive: true });
  writeFileSync(
    join(sectionDir, "01-informatievoorziening.md"),
    "# Informatievoorziening\n\nDe cijfers komen uit de managementinformatie van december.[^1]\n\n## Kwaliteit\n\nDe meeste bronnen zijn volledig; een enkele meting ontbreekt (n.b.).\n\n[^1]: Stand per 31 december 2025.\n",
  );
  writeFileSync(
    join(sectionDir, "02-risicos.md"),
    "# Risico's\n\n- Capaciteit bij de behandeling van bezwaren.\n- Afhankelijkheid van externe leveranciers.\n\nDe risico's worden per kwartaal herijkt.\n",
  );

  return {
    dir,
    planId,
    periodIds: PERIODS.map((p) => p.id),
    indicators: specs.length,
    realisations: specs.length * PERIODS.length,
    statusCounts,
    exceptions,
    explanations,
    sections: 2,
    planBytes: Buffer.byteLength(planText),
    csvBytes: Buffer.byteLength(csvText),
  };
}

function realisation(
  random: Random,
  spec: IndicatorSpec,
  periodIndex: number,
): { value: string; status: ExpectedStatus } {
  const { target } = spec;
  if (random() < NOT_KNOWN_RATE) {
    return {
      value: pick(random, ["n.b.", "n.b.", "", "N.B.", "n.v.t."]),
      status: target.kind === "none" ? "no-target" : "pending",
    };
  }
  if (target.kind === "qualitative") {
    const met = random() >= MISS_RATE;
    return { value: met ? "met" : "not-met", status: met ? "met" : "not-met" };
  }
  const written = (hundredths: number) =>
    `${csvNumber(hundredths)}${spec.unit === "percent" && random() < 0.2 ? "%" : ""}`;
  if (target.kind === "none") {
    return { value: written(anyFigure(random, spec, undefined)), status: "no-target" };
  }
  if (target.kind === "fixed") {
    if (target.yearEnd && periodIndex !== LAST) {
      return { value: written(anyFigure(random, spec, target.cond)), status: "pending" };
    }
    const met = random() >= MISS_RATE;
    return {
      value: written(figure(random, spec, target.cond, met)),
      status: met ? "met" : "not-met",
    };
  }
  const cond = target.steps.get(periodIndex);
  if (!cond) {
    const next = [...target.steps.entries()].find(([index]) => index > periodIndex)?.[1];
    return { value: written(anyFigure(random, spec, next)), status: "pending" };
  }
  const met = random() >= MISS_RATE;
  return {
    value: written(figure(random, spec, cond, met)),
    status: met ? "met" : periodIndex === LAST ? "not-met" : "behind-plan",
  };
}

function explanationText(random: Random, id: string): string {
  const causes = [
    "De instroom lag hoger dan verwacht.",
    "Door een storing in het zaaksysteem liep de behandeling vertraging op.",
    "Er was minder capaciteit beschikbaar door ziekte en vacatures.",
    "Een wetswijziging vroeg extra voorlichting.",
  ];
  const measures = [
    "Extra medewerkers zijn ingezet.",
    "Het proces is vereenvoudigd.",
    "Met de leverancier zijn afspraken gemaakt over herstel.",
  ];
  const footnote = random() < 0.3;
  return [
    `${pick(random, causes)} Dit geldt voor **${id}**.${footnote ? "[^1]" : ""}`,
    "",
    "## Maatregelen",
    "",
    `- ${pick(random, measures)}`,
    `- ${pick(random, measures)}`,
    ...(footnote ? ["", "[^1]: Zie de kwartaalrapportage."] : []),
    "",
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, ...rest] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write("usage: node --import tsx bench/generate.ts <folder> [--seed N]\n");
    process.exit(2);
  }
  const seedAt = rest.indexOf("--seed");
  const seed = seedAt >= 0 ? Number(rest[seedAt + 1]) : undefined;
  const bundle = generateBundle(dir, seed === undefined ? {} : { seed });
  const last = bundle.periodIds.at(-1) ?? "";
  process.stdout.write(
    `wrote ${dir}: ${bundle.indicators} indicators, ${bundle.realisations} realisations, ${bundle.exceptions[last]?.length ?? 0} exceptions in ${last}, ${bundle.explanations} explanations\n`,
  );
}
