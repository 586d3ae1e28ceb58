/** How a test points the `koers` command line at a test database of either engine. */
import type { StoreConfig } from "../store/open.js";

/** The arguments and environment that make `koers` open the database `config` names. */
export function cliDatabase(config: StoreConfig): {
  args: string[];
  env: Record<string, string>;
} {
  if (config.engine === "sqlite") return { args: ["--db", config.file], env: {} };
  // The test schema travels in the URL, as libpq's `options` parameter.
  const url = new URL(config.url);
  if (config.schema) url.searchParams.set("options", `-c search_path=${config.schema}`);
  return { args: [], env: { KOERS_DATABASE_URL: url.toString(), DATABASE_URL: "" } };
}
