/** The --db option of every command that uses the database. */
import type { Command } from "commander";

export function dbOption(command: Command): Command {
  return command.option(
    "--db <file>",
    "SQLite database file (default ./data/koers.db; without --db, PostgreSQL when KOERS_DATABASE_URL is a postgres:// URL)",
  );
}
