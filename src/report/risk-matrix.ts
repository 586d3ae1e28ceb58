/**
 * The risk matrix as plain SVG: a 5 × 5 grid of likelihood against impact with each scored risk
 * as a numbered marker, one image with a title and a description that states every position.
 */
import type { RiskJudgement } from "../domain/risks.js";
import type { RenderedChart } from "./chart.js";
import { escapeXml } from "./escape.js";
import type { RegisterTexts } from "./registers-texts.js";

const CELL = 56;
const LEFT = 64;
const TOP = 16;
const BOTTOM = 56;
const SIZE = 5 * CELL;

/** Light fills, so that dark text keeps its contrast; the score is also written in the cell. */
function fill(score: number): string {
  if (score >= 15) return "#f4c7c3";
  if (score >= 8) return "#fde2b8";
  if (score >= 4) return "#fff4c2";
  return "#d9ead3";
}

function grid(): string[] {
  const cells: string[] = [];
  for (let likelihood = 1; likelihood <= 5; likelihood++) {
    for (let impact = 1; impact <= 5; impact++) {
      const x = LEFT + (likelihood - 1) * CELL;
      const y = TOP + (5 - impact) * CELL;
      cells.push(
        `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="${fill(likelihood * impact)}" stroke="#ffffff" stroke-width="2"/>`,
        `<text x="${x + CELL - 5}" y="${y + 13}" font-size="10" text-anchor="end" fill="#4a4a4a">${likelihood * impact}</text>`,
      );
    }
  }
  return cells;
}

function axes(t: RegisterTexts["risks"]): string[] {
  const ticks = [1, 2, 3, 4, 5].flatMap((n) => [
    `<text x="${LEFT + (n - 0.5) * CELL}" y="${TOP + SIZE + 16}" font-size="11" text-anchor="middle" fill="#1a1a1a">${n}</text>`,
    `<text x="${LEFT - 8}" y="${TOP + (5.5 - n) * CELL + 4}" font-size="11" text-anchor="end" fill="#1a1a1a">${n}</text>`,
  ]);
  return [
    ...ticks,
    `<text x="${LEFT + SIZE / 2}" y="${TOP + SIZE + 40}" font-size="12" text-anchor="middle" fill="#1a1a1a">${escapeXml(t.likelihood)} →</text>`,
    `<text x="18" y="${TOP + SIZE / 2}" font-size="12" text-anchor="middle" fill="#1a1a1a" transform="rotate(-90 18 ${TOP + SIZE / 2})">${escapeXml(t.impact)} →</text>`,
  ];
}

/** Markers R1, R2 … in register order; risks sharing a cell sit side by side. */
function markers(
  scored: readonly { label: string; likelihood: number; impact: number }[],
): string[] {
  const taken = new Map<string, number>();
  return scored.flatMap(({ label, likelihood, impact }) => {
    const key = `${likelihood}-${impact}`;
    const slot = taken.get(key) ?? 0;
    taken.set(key, slot + 1);
    const x = LEFT + (likelihood - 1) * CELL + 16 + (slot % 2) * 24;
    const y = TOP + (5 - impact) * CELL + 28 + Math.floor(slot / 2) * 20;
    return [
      `<circle cx="${x}" cy="${y}" r="10" fill="#154273"/>`,
      `<text x="${x}" y="${y + 4}" font-size="10" font-weight="bold" text-anchor="middle" fill="#ffffff">${label}</text>`,
    ];
  });
}

/** The matrix of the risks scored in the period; null when none is. */
export function riskMatrix(
  judgements: readonly RiskJudgement[],
  t: RegisterTexts["risks"],
  id: string,
): RenderedChart | null {
  const scored = judgements.flatMap((j, index) => {
    const { likelihood, impact } = j.assessment ?? {};
    return likelihood !== undefined && impact !== undefined
      ? [{ label: `R${index + 1}`, title: j.risk.title, likelihood, impact }]
      : [];
  });
  if (scored.length === 0) return null;
  const unscored = judgements.filter((j) => j.score === null).map((j) => j.risk.title);
  const description = [
    ...scored.map((s) => t.plotted(s.label, s.title, s.likelihood, s.impact)),
    ...(unscored.length > 0 ? [t.unplotted(unscored)] : []),
  ].join(" ");
  const width = LEFT + SIZE + 16;
  const height = TOP + SIZE + BOTTOM;
  const body = [...grid(), ...axes(t), ...markers(scored)].join("");
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Noto Sans, Arial, sans-serif"`;
  return {
    id,
    title: t.matrixTitle,
    description,
    svg: `${open} class="chart risk-matrix" role="img" aria-labelledby="${id}-titel ${id}-beschrijving" focusable="false"><title id="${id}-titel">${escapeXml(t.matrixTitle)}</title><desc id="${id}-beschrijving">${escapeXml(description)}</desc>${body}</svg>`,
    plainSvg: `${open}>${body}</svg>`,
    width,
    height,
  };
}
