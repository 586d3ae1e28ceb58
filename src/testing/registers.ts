/**
 * For the registers' tests: the example plan with the illustrative registers, scored in both
 * periods, one risk and one measure owned by the owner account.
 */
import { join } from "node:path";
import { type Bundle, readBundle } from "../bundle/read-bundle.js";
import { ROOT } from "./cli.js";
import { ACCOUNTS, ownedExample } from "./server.js";

export const OWNED_RISK = "systemen";
export const OWNED_MEASURE = "Contractregister invoeren";

export function registersExample(): Bundle {
  const files = readBundle(join(ROOT, "examples", "registers-illustratie")).registerFiles ?? {};
  const email = ACCOUNTS.owner.email;
  return {
    ...ownedExample(),
    registerFiles: {
      ...files,
      "risks.yaml": (files["risks.yaml"] ?? "").replace(
        "owner: CIO\n    mitigations",
        `owner: ${email}\n    mitigations`,
      ),
      "findings.yaml": (files["findings.yaml"] ?? "").replace(
        "owner: hoofd inkoop",
        `owner: ${email}`,
      ),
    },
  };
}
