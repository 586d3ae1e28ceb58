/** Reads the optional register files of a bundle into the plan: all of them, or with errors none. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Plan } from "../domain/plan.js";
import type { Registers } from "../domain/registers.js";
import { readFindings } from "./findings-file.js";
import { readLawfulness } from "./lawfulness-file.js";
import type { ProblemLog } from "./problems.js";
import { readRisks } from "./risks-file.js";
import { readUtf8 } from "./text-file.js";

const REGISTER_FILES = ["risks.yaml", "findings.yaml", "lawfulness.yaml"] as const;

/** The register files as written, by file name; kept so a plan is stored and exported unchanged. */
export type RegisterFiles = Readonly<Record<string, string>>;

export function readRegisterFiles(dir: string, log: ProblemLog): RegisterFiles {
  return Object.fromEntries(
    REGISTER_FILES.flatMap((name) => {
      const file = join(dir, name);
      const text = existsSync(file) ? readUtf8(file, log) : undefined;
      return text === undefined ? [] : [[name, text] as const];
    }),
  );
}

/** The plan with the registers of `files`; `where` names a file in messages. */
export function withRegisters(
  plan: Plan,
  files: RegisterFiles,
  where: (name: string) => string,
  log: ProblemLog,
): Plan {
  const read = <T>(name: string, reader: (text: string, file: string) => T | undefined) => {
    const text = files[name];
    return text === undefined ? undefined : reader(text, where(name));
  };
  const risks = read("risks.yaml", (t, f) => readRisks(t, f, plan, log));
  const findings = read("findings.yaml", (t, f) => readFindings(t, f, plan, log));
  const lawfulness = read("lawfulness.yaml", (t, f) => readLawfulness(t, f, plan, log));
  if (!risks && !findings && !lawfulness) return plan;
  const registers: Registers = {
    ...(risks ? { risks } : {}),
    ...(findings ? { findings } : {}),
    ...(lawfulness ? { lawfulness } : {}),
  };
  return { ...plan, registers };
}
