/**
 * The configuration of the server and of the commands that open the database: read once, from
 * the command line's options and the environment, into one typed object that is passed in.
 * Anything wrong stops the start with a message naming the option or variable.
 */
import { z } from "zod";
import { UserError } from "../domain/errors.js";
import type { StoreConfig } from "../store/open.js";

const DEFAULT_DATABASE_FILE = "./data/koers.db";

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Always mark the session cookie Secure (behind https that Koers itself cannot see). */
  readonly secureCookies: boolean;
  /**
   * How many proxies in front to believe about X-Forwarded-For and X-Forwarded-Proto; 0: none.
   * A count rather than "all", so that a client cannot claim an address of its choosing.
   */
  readonly trustProxy: number;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

/** E-mail for reminders; without it, reminders show in the app only. */
export interface MailConfig {
  /** smtp:// or smtps:// with user and password if the server wants them. */
  readonly url: string;
  readonly from: string;
  /** Where the app is reached, for the link in a reminder; none: no link. */
  readonly appUrl: string | null;
}

export interface Config {
  readonly store: StoreConfig;
  readonly server: ServerConfig;
  readonly mail?: MailConfig | undefined;
}

/** What the command line gave; commander hands options over as text. */
export interface ConfigOptions {
  readonly db?: string | undefined;
  readonly port?: string | number | undefined;
  readonly host?: string | undefined;
}

const flag = z
  .enum(["0", "1", "true", "false"], { error: "must be 1 or 0" })
  .optional()
  .transform((v) => v === "1" || v === "true");

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, { error: "must be a postgres:// or postgresql:// URL" });

const schema = z.object({
  db: z.string().min(1, { error: "must name a file" }).optional(),
  port: z.coerce
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(0, { error: "must be between 0 and 65535" })
    .max(65535, { error: "must be between 0 and 65535" })
    .default(3000),
  host: z.string().min(1, { error: "must not be empty" }).default("127.0.0.1"),
  KOERS_DATABASE_URL: postgresUrl.optional(),
  // DATABASE_URL may belong to another program on the machine: only a PostgreSQL URL is ours.
  DATABASE_URL: z.string().optional(),
  KOERS_SECURE_COOKIES: flag,
  KOERS_TRUST_PROXY: z.coerce
    .number({ error: "must be the number of proxies in front (0, 1, …)" })
    .int({ error: "must be the number of proxies in front (0, 1, …)" })
    .min(0, { error: "must be the number of proxies in front (0, 1, …)" })
    .default(0),
  KOERS_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
  KOERS_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, { error: "must be an smtp:// or smtps:// URL" })
    .optional(),
  KOERS_MAIL_FROM: z
    .string()
    .regex(/^[^@\s<>]+@[^@\s<>]+$|<[^@\s<>]+@[^@\s<>]+>$/, {
      error: "must be an e-mail address, or a name with the address in <>",
    })
    .default("Koers <koers@localhost>"),
  KOERS_PUBLIC_URL: z.url({ error: "must be the app's http(s) URL" }).optional(),
});

// An empty variable counts as unset, as shells and .env files commonly write it.
const ENVIRONMENT = [
  "KOERS_DATABASE_URL",
  "DATABASE_URL",
  "KOERS_SECURE_COOKIES",
  "KOERS_TRUST_PROXY",
  "KOERS_LOG_LEVEL",
  "KOERS_SMTP_URL",
  "KOERS_MAIL_FROM",
  "KOERS_PUBLIC_URL",
] as const;

const NAMES: Record<string, string> = { db: "--db", port: "--port", host: "--host" };

function storeConfig(input: z.infer<typeof schema>): StoreConfig {
  if (input.db !== undefined) return { engine: "sqlite", file: input.db };
  const url =
    input.KOERS_DATABASE_URL ??
    (postgresUrl.safeParse(input.DATABASE_URL).success ? input.DATABASE_URL : undefined);
  if (url !== undefined) return { engine: "postgres", url };
  return { engine: "sqlite", file: DEFAULT_DATABASE_FILE };
}

/**
 * `--db FILE` chooses that SQLite file; else KOERS_DATABASE_URL (or DATABASE_URL) when it is a
 * PostgreSQL URL; else the SQLite file ./data/koers.db.
 */
export function loadConfig(options: ConfigOptions, env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse({
    ...options,
    ...Object.fromEntries(ENVIRONMENT.map((name) => [name, env[name] || undefined])),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? "configuration");
      return `${NAMES[key] ?? key} ${issue.message}`;
    });
    throw new UserError(`bad configuration: ${problems.join("; ")}`);
  }
  const input = parsed.data;
  return {
    store: storeConfig(input),
    server: {
      port: input.port,
      host: input.host,
      secureCookies: input.KOERS_SECURE_COOKIES,
      trustProxy: input.KOERS_TRUST_PROXY,
      logLevel: input.KOERS_LOG_LEVEL,
    },
    ...(input.KOERS_SMTP_URL
      ? {
          mail: {
            url: input.KOERS_SMTP_URL,
            from: input.KOERS_MAIL_FROM,
            appUrl: input.KOERS_PUBLIC_URL ?? null,
          },
        }
      : {}),
  };
}
