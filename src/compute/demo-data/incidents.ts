/**
 * Data set `incidents`: production incidents of the year. The serious ones do not grow with the
 * volume of allowances: there are 3 at every scale (1 by the end of April and 2 by the end of
 * October, as in the reference year, and 1 in November or December); the others, 117 at scale 1,
 * scale as every other data set.
 */
import { type DataSet, scaled, YEAR } from "./data-set.js";
import { daysBetween } from "./dates.js";
import { between, streamUniform, uniform, withHashes } from "./random.js";

export const OTHER_INCIDENTS_AT_SCALE_ONE = 117;

/** The windows in which the serious incidents start; the seed picks the day. */
const SERIOUS_WINDOWS = [
  [`${YEAR}-02-01`, `${YEAR}-03-31`],
  [`${YEAR}-06-01`, `${YEAR}-09-30`],
  [`${YEAR}-11-01`, `${YEAR}-12-15`],
] as const;

const SYSTEMS = [
  "betalen",
  "toekennen",
  "Mijn toeslagen",
  "berichtenverkeer",
  "definitief toekennen",
];

/** The start dates of the serious incidents under a seed. */
export function seriousStarts(seed: number): string[] {
  return SERIOUS_WINDOWS.map(([from, to], k) => {
    const days = daysBetween(from, to);
    const offset = Math.floor(streamUniform(seed, `serious-${k}`) * (days + 1));
    return new Date(Date.parse(`${from}T00:00:00Z`) + offset * 86_400_000)
      .toISOString()
      .slice(0, 10);
  });
}

export const incidents: DataSet = {
  name: "incidents",
  description: "Productieverstoringen: begin, herstel, ernst en getroffen systeem",
  rows: (scale) => SERIOUS_WINDOWS.length + scaled(OTHER_INCIDENTS_AT_SCALE_ONE, scale),
  query({ scale, seed }) {
    const others = scaled(OTHER_INCIDENTS_AT_SCALE_ONE, scale);
    const serious = seriousStarts(seed)
      .map((on, k) => `(${-1 - k}, DATE '${on}', 'ernstig')`)
      .join(", ");
    const systems = `[${SYSTEMS.map((s) => `'${s}'`).join(", ")}]`;
    const otherRows = withHashes(`SELECT range AS i FROM range(${others})`, seed, [
      { name: "h_day", key: "i", salt: "incident-day" },
      { name: "h_kind", key: "i", salt: "incident-kind" },
    ]);
    const spread = `floor((i + ${uniform("h_day")}) / ${Math.max(1, others)} * 365)`;
    const severity = `CASE WHEN ${uniform("h_kind")} < 0.2 THEN 'aanzienlijk'
      WHEN ${uniform("h_kind")} < 0.65 THEN 'beperkt' ELSE 'gering' END`;
    const all = `SELECT i AS k, DATE '${YEAR}-01-01' + CAST(${spread} AS INTEGER) AS started_on,
        ${severity} AS severity FROM (${otherRows})
      UNION ALL SELECT * FROM (VALUES ${serious}) AS serious(k, started_on, severity)`;
    // Serious incidents have k −1 to −3, the others 0 and up: k + 3 numbers them all apart.
    const hashed = withHashes(`SELECT * FROM (${all})`, seed, [
      { name: "h_detail", key: "k + 3", salt: "incident-detail" },
    ]);
    return `SELECT
      CAST(row_number() OVER (ORDER BY started_on, k) AS BIGINT) AS incident_id,
      started_on,
      started_on + CAST(${between("h_detail", 0, 3)} AS INTEGER) AS resolved_on,
      severity,
      list_extract(${systems}, 1 + CAST(h_detail >> 8 AS BIGINT) % ${SYSTEMS.length}) AS system
    FROM (${hashed})
    ORDER BY incident_id`;
  },
};
