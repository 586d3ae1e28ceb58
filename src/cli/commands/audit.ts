/** `koers audit verify`: proves the audit trail unaltered, and with --head, not rewritten. */
import type { Command } from "commander";
import { UserError } from "../../domain/errors.js";
import { dbOption } from "../db-option.js";
import { type StoreOptions, withStore } from "./with-store.js";

/** A broken chain is a finding, not a usage mistake (status 2): scripts can tell them apart. */
const EXIT_BROKEN = 1;

async function verify(options: StoreOptions & { head?: string }): Promise<void> {
  const head = options.head?.trim().toLowerCase();
  if (head !== undefined && !/^[0-9a-f]{64}$/.test(head)) {
    throw new UserError("--head must be a SHA-256 in hexadecimal: 64 digits 0-9 and a-f");
  }
  const { verifyAudit } = await import("../../store/audit.js");
  const result = await withStore(options, (store) => verifyAudit(store.db, head));
  if (!result.ok) {
    process.stderr.write(`koers: the audit trail is broken: ${result.reason}\n`);
    // main() can only answer 0 or 2; stderr to a file or pipe is written synchronously.
    process.exit(EXIT_BROKEN);
  }
  process.stdout.write(`audit trail intact: ${result.entries} entries, head ${result.head}\n`);
  if (result.headFound !== undefined) {
    process.stdout.write(
      `${head} is entry ${result.headFound}: that entry and every one before it are unchanged\n`,
    );
  }
}

export function register(cli: Command): void {
  dbOption(
    cli
      .command("audit")
      .description("check the audit trail")
      .command("verify")
      .description(
        "recompute the audit trail's hash chain; exit 1 naming the first altered or missing entry",
      )
      .option(
        "--head <hash>",
        "also prove the trail still holds this head (as printed in a published report)",
      ),
  ).action(verify);
}
