/**
 * For the server's tests: the example plan with indicator owners, accounts of every role, an
 * app built on a test store, signing in through the API, and `koers serve` as a real process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { addUser, type NewUser } from "../app/accounts.js";
import type { Config } from "../app/config.js";
import { type Bundle, readBundle } from "../bundle/read-bundle.js";
import type { Store, StoreConfig } from "../store/open.js";
import { importBundle } from "../store/plans.js";
import { ROOT } from "./cli.js";

export const PLAN = "toeslagen-2025";
/** The other organisation's plan: the English example, of "Benefits Agency (Dienst Toeslagen)". */
export const OTHER_PLAN = "toeslagen-2025-en";
export const ORGANISATION = "dienst-toeslagen";
export const OTHER_ORGANISATION = "benefits-agency-dienst-toeslagen";
export const OWNED = "productieverstoringen";
export const OWNED_BY_OTHER = "burgerbelofte-1-ontevreden";
export const PASSWORD = "correct horse battery staple";
export const SETUP = { actor: "test-setup", at: "2026-01-05T09:00:00.000Z" };

export const ACCOUNTS = {
  admin: { email: "admin@example.org", role: "admin" },
  editor: { email: "editor@example.org", role: "editor" },
  owner: { email: "eigenaar@example.org", role: "owner", organisation: "Dienst Toeslagen" },
  otherOwner: { email: "ander@example.org", role: "owner", organisation: ORGANISATION },
  viewer: { email: "kijker@example.org", role: "viewer", organisation: ORGANISATION },
  otherOrganisation: {
    email: "buur@example.org",
    role: "editor",
    organisation: OTHER_ORGANISATION,
  },
} as const satisfies Record<string, Omit<NewUser, "password">>;

export type AccountName = keyof typeof ACCOUNTS;

/** `plan.yaml` with an `owner` line added to the indicator `id`. */
function withOwner(planYaml: string, id: string, owner: string): string {
  const line = new RegExp(`^( *)- id: ${id}\\n`, "m");
  if (!line.test(planYaml)) throw new Error(`no indicator ${id} in the plan`);
  return planYaml.replace(line, `$1- id: ${id}\n$1  owner: ${owner}\n`);
}

export function ownedExample(): Bundle {
  const bundle = readBundle(join(ROOT, "examples", PLAN));
  let planYaml = withOwner(bundle.planYaml, OWNED, ACCOUNTS.owner.email);
  planYaml = withOwner(planYaml, OWNED_BY_OTHER, ACCOUNTS.otherOwner.email);
  return { ...bundle, planYaml };
}

/** Both example plans (two organisations) and an account of every role, all with PASSWORD. */
export async function seed(store: Store): Promise<void> {
  await importBundle(store, ownedExample(), SETUP);
  await importBundle(store, readBundle(join(ROOT, "examples", OTHER_PLAN)), SETUP);
  for (const account of Object.values(ACCOUNTS)) {
    await addUser(store, { ...account, password: PASSWORD }, SETUP);
  }
}

export function testConfig(store: StoreConfig, server: Partial<Config["server"]> = {}): Config {
  return {
    store,
    server: {
      port: 0,
      host: "127.0.0.1",
      secureCookies: false,
      trustProxy: 0,
      logLevel: "silent",
      ...server,
    },
  };
}

/** Signs in through the API and gives the Cookie header that carries the session. */
export async function signInCookie(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/api/session",
    payload: { email, password },
  });
  if (response.statusCode !== 204) throw new Error(`sign-in failed: ${response.body}`);
  return String(response.headers["set-cookie"]).split(";")[0] ?? "";
}

export interface RunningKoers {
  readonly url: string;
  /** Everything it printed on standard output until it said where it runs. */
  readonly output: string;
  /** Sends SIGTERM and gives the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `koers serve` on a free port and waits until it says where it runs. */
export function startKoers(args: string[], env: Record<string, string>): Promise<RunningKoers> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, "bin", "koers"), "serve", "--port", "0", "--host", "127.0.0.1", ...args],
    { cwd: ROOT, env: { ...process.env, KOERS_LOG_LEVEL: "warn", ...env } },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return new Promise((resolve, reject) => {
    let output = "";
    let errors = "";
    child.stderr?.on("data", (chunk) => {
      errors += String(chunk);
    });
    child.stdout?.on("data", (chunk) => {
      output += String(chunk);
      const running = /Koers is running at (\S+)/.exec(output);
      if (running?.[1]) {
        resolve({
          url: running[1],
          output,
          stop: async () => {
            child.kill("SIGTERM");
            return exited;
          },
        });
      }
    });
    exited.then((code) => reject(new Error(`koers serve exited with ${code}: ${errors}`)));
  });
}
