/**
 * The comparison (a) of bench/compute.ts: the best single query per source that a person who
 * knows the data would write by hand for the computed example's figures, over monthly periods —
 * group by month (or by wave), then add up the months in TypeScript.
 */
import type { DuckDBConnection } from "@duckdb/node-api";

export type Figures = Map<string, number | null>;

const FROM = "DATE '2025-01-01'";
const LAST = "DATE '2025-12-31'";

const key = (indicator: string, month: number) => `${indicator} ${month}`;
const share = (n: number, d: number, factor = 100) => (d === 0 ? null : (n * factor) / d);

async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjects() as Record<string, unknown>[];
}

/** Cumulative sums of per-month counts, month 0 holding what came before the year. */
function cumulative(byMonth: Map<number, number>, through: number, fromMonth = 1): number {
  let total = 0;
  for (const [m, n] of byMonth) if (m >= fromMonth && m <= through) total += n;
  return total;
}

function monthly(list: Record<string, unknown>[], column: string): Map<number, number> {
  return new Map(list.filter((r) => r.m !== null).map((r) => [Number(r.m), Number(r[column])]));
}

export async function handWritten(
  connection: DuckDBConnection,
  file: (name: string) => string,
): Promise<Figures> {
  const figures: Figures = new Map();
  const payments = await rows(
    connection,
    `SELECT month(due_on) AS m, count(*) FILTER (WHERE paid_on <= due_on) AS n, count(*) AS d
     FROM ${file("payments")} WHERE due_on BETWEEN ${FROM} AND ${LAST} GROUP BY m`,
  );
  const finals = await rows(
    connection,
    `SELECT CASE WHEN settled_on < ${FROM} THEN 0 ELSE month(settled_on) END AS m,
       count(*) FILTER (WHERE settled_on >= ${FROM} AND amount_to_repay <= CASE WHEN kind = 'kinderopvangtoeslag' THEN 1000 ELSE 500 END) AS ok,
       count(*) FILTER (WHERE settled_on >= ${FROM}) AS settled,
       count(*) FILTER (WHERE allowance_year = 2024) AS cohort
     FROM ${file("final_assessments")} GROUP BY m`,
  );
  const objections = await rows(
    connection,
    `SELECT month(decided_on) AS m,
       count(*) FILTER (WHERE decided_on <= koers_objection_deadline(made_known_on, advisory_committee, defect_days, postponed_to)) AS n,
       count(*) AS d
     FROM ${file("objections")} WHERE decided_on BETWEEN ${FROM} AND ${LAST} GROUP BY m`,
  );
  const complaints = await rows(
    connection,
    `SELECT 'received' AS k, month(received_on) AS m, count(*) AS n, 0 AS d FROM ${file("complaints")}
       WHERE received_on BETWEEN ${FROM} AND ${LAST} GROUP BY m
     UNION ALL
     SELECT 'handled', month(handled_on), count(*) FILTER (WHERE handled_on <= koers_complaint_deadline(received_on, committee, postponed_to)), count(*)
       FROM ${file("complaints")} WHERE handled_on BETWEEN ${FROM} AND ${LAST} GROUP BY 2`,
  );
  const incidents = await rows(
    connection,
    `SELECT month(started_on) AS m, count(*) AS n FROM ${file("incidents")}
     WHERE severity = 'ernstig' AND started_on BETWEEN ${FROM} AND ${LAST} GROUP BY m`,
  );
  const surveys = [
    ...(await waves(connection, file("monitor_answers"))),
    ...(await waves(connection, file("customer_survey_answers"))),
  ];
  const cohort = finals.reduce((t, r) => t + Number(r.cohort), 0);
  for (let month = 1; month <= 12; month++) {
    const put = (indicator: string, value: number | null) =>
      figures.set(key(indicator, month), value);
    put(
      "tijdig-uitbetaald",
      share(cumulative(monthly(payments, "n"), month), cumulative(monthly(payments, "d"), month)),
    );
    put(
      "geen-terugvordering",
      share(
        cumulative(monthly(finals, "ok"), month),
        cumulative(monthly(finals, "settled"), month),
      ),
    );
    put("definitief-vastgesteld", share(cumulative(monthly(finals, "cohort"), month, 0), cohort));
    put(
      "bezwaren-binnen-termijn",
      share(
        cumulative(monthly(objections, "n"), month),
        cumulative(monthly(objections, "d"), month),
      ),
    );
    const received = complaints.filter((r) => r.k === "received");
    const handled = complaints.filter((r) => r.k === "handled");
    put("klachten-ontvangen", cumulative(monthly(received, "n"), month));
    put(
      "klachten-binnen-termijn",
      share(cumulative(monthly(handled, "n"), month), cumulative(monthly(handled, "d"), month)),
    );
    put("productieverstoringen", cumulative(monthly(incidents, "n"), month));
    for (const [indicator, value] of surveyFigures(surveys, month)) put(indicator, value);
  }
  return figures;
}

interface Wave {
  readonly question: string;
  readonly date: string;
  readonly satisfied: number;
  readonly dissatisfied: number;
  readonly answers: number;
}

async function waves(connection: DuckDBConnection, relation: string): Promise<Wave[]> {
  const list = await rows(
    connection,
    `SELECT question_id, CAST(published_on AS VARCHAR) AS date, count(*) FILTER (WHERE answer >= 4) AS s,
       count(*) FILTER (WHERE answer <= 2) AS o, count(*) AS n
     FROM ${relation} WHERE published_on <= ${LAST} GROUP BY question_id, published_on`,
  );
  return list.map((r) => ({
    question: String(r.question_id),
    date: String(r.date),
    satisfied: Number(r.s),
    dissatisfied: Number(r.o),
    answers: Number(r.n),
  }));
}

const SURVEY_INDICATORS: readonly [string, string, "satisfied" | "dissatisfied"][] = [
  ["burgertevredenheid-tevreden", "tevredenheid", "satisfied"],
  ["burgertevredenheid-ontevreden", "tevredenheid", "dissatisfied"],
  ...[1, 2, 3].flatMap((n): [string, string, "satisfied" | "dissatisfied"][] => [
    [`burgerbelofte-${n}-tevreden`, `burgerbelofte-${n}`, "satisfied"],
    [`burgerbelofte-${n}-ontevreden`, `burgerbelofte-${n}`, "dissatisfied"],
  ]),
  ["kto-tevreden-telefonie", "telefonie", "satisfied"],
  ["kto-tevreden-balie", "balie", "satisfied"],
  ["kto-ontevreden-telefonie", "telefonie", "dissatisfied"],
  ["kto-ontevreden-balie", "balie", "dissatisfied"],
  ["kto-tevreden-website", "website", "satisfied"],
];

function surveyFigures(all: readonly Wave[], month: number): [string, number | null][] {
  const until = `2025-${String(month).padStart(2, "0")}-${new Date(Date.UTC(2025, month, 0)).getUTCDate()}`;
  return SURVEY_INDICATORS.map(([indicator, question, side]) => {
    const latest = all
      .filter((w) => w.question === question && w.date <= until)
      .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
    return [indicator, latest ? share(latest[side], latest.answers) : null];
  });
}
