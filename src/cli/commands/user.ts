/** `koers user add`: an account with one role; the password comes on standard input only. */
import { type Command, Option } from "commander";
import { UserError } from "../../domain/errors.js";
import { dbOption } from "../db-option.js";
import { withStore } from "./with-store.js";

interface AddOptions {
  email: string;
  role: "admin" | "editor" | "owner" | "viewer";
  organisation?: string;
  passwordStdin: true;
  db?: string;
}

/** Standard input up to its end, without the one line end a shell adds. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UserError(
      "--password-stdin reads the password from a pipe, e.g. printf '%s' \"$PASSWORD\" | koers user add …",
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function addCommand(options: AddOptions): Promise<void> {
  const password = await readPassword();
  await withStore(options, async (store) => {
    const { addUser } = await import("../../app/accounts.js");
    const account = await addUser(
      store,
      { email: options.email, role: options.role, organisation: options.organisation, password },
      // Named as actingAs names the command line: whoever can run it here administers the database.
      {
        actor: `${process.env.USER || process.env.LOGNAME || "unknown"} (command line)`,
        at: new Date().toISOString(),
      },
    );
    const scope = account.roles[0]?.organisation ?? "all organisations";
    process.stdout.write(`Added ${account.email} as ${options.role} for ${scope}\n`);
  });
}

export function register(cli: Command): void {
  const user = cli.command("user").description("manage accounts");
  dbOption(
    user
      .command("add")
      .description("add an account with one role, for one organisation or for all")
      .requiredOption("--email <address>", "the e-mail address to sign in with")
      .addOption(
        new Option("--role <role>", "what the account may do")
          // Listed here rather than imported, so that `koers` starts without the accounts module.
          .choices(["admin", "editor", "owner", "viewer"])
          .makeOptionMandatory(),
      )
      .option(
        "--organisation <organisation>",
        "the organisation the role is for (its name or id); without it, for all",
      )
      .requiredOption("--password-stdin", "read the password from standard input"),
  ).action(addCommand);
}
