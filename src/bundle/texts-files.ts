/** Reads the explanations and narrative sections of a bundle. */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Explanation, Section } from "../domain/narrative.js";
import type { Plan } from "../domain/plan.js";
import { indicatorsOf } from "../domain/plan.js";
import type { ProblemLog } from "./problems.js";
import { readUtf8 } from "./text-file.js";

const SECTION_NAME = /^(\d+)-[A-Za-z0-9-]+\.md$/;

function periodFolders(
  root: string,
  plan: Plan,
  log: ProblemLog,
): { periodId: string; dir: string }[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort()
    .flatMap((periodId) => {
      const dir = join(root, periodId);
      if (plan.periods.some((p) => p.id === periodId)) return [{ periodId, dir }];
      log.error(dir, undefined, `unknown period "${periodId}": not in plan.yaml`);
      return [];
    });
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort();
}

function readText(file: string, log: ProblemLog): string | undefined {
  return readUtf8(file, log)
    ?.replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");
}

export function readExplanations(bundleDir: string, plan: Plan, log: ProblemLog): Explanation[] {
  const ids = new Set([
    ...indicatorsOf(plan.nodes).map((i) => i.id),
    ...(plan.intentions ?? []).map((i) => i.id),
  ]);
  return periodFolders(join(bundleDir, "explanations"), plan, log).flatMap(({ periodId, dir }) =>
    markdownFiles(dir).flatMap((name) => {
      const file = join(dir, name);
      const indicatorId = name.slice(0, -".md".length);
      if (!ids.has(indicatorId)) {
        log.warn(
          file,
          undefined,
          `no indicator or intention "${indicatorId}" in the plan: this explanation is not used`,
        );
        return [];
      }
      const text = readText(file, log);
      if (text === undefined) return [];
      const markdown = text.trim();
      if (!markdown)
        log.warn(file, undefined, "the explanation is empty; the report says none was delivered");
      return [{ periodId, indicatorId, markdown, file }];
    }),
  );
}

export function readSections(bundleDir: string, plan: Plan, log: ProblemLog): Section[] {
  return periodFolders(join(bundleDir, "sections"), plan, log).flatMap(({ periodId, dir }) =>
    markdownFiles(dir)
      .flatMap((name) => {
        const file = join(dir, name);
        const match = SECTION_NAME.exec(name);
        if (!match) {
          log.error(
            file,
            undefined,
            "a section file is named NN-slug.md (for example 01-risicos.md)",
          );
          return [];
        }
        const text = readText(file, log);
        if (text === undefined) return [];
        const section = parseSection(text);
        if (!section) {
          log.error(file, 1, 'a section starts with a "# Heading" line');
          return [];
        }
        return [{ periodId, order: Number(match[1]), ...section, file }];
      })
      .sort((a, b) => a.order - b.order),
  );
}

function parseSection(text: string): { heading: string; markdown: string } | undefined {
  const [first = "", ...rest] = text.split("\n");
  const heading = /^#\s+(.+?)\s*#*\s*$/.exec(first);
  if (!heading?.[1]) return undefined;
  return { heading: heading[1], markdown: rest.join("\n").trim() };
}
