/** `koers serve`: the HTTP API, until SIGINT or SIGTERM, then a clean stop. */
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { UserError } from "../../domain/errors.js";
import { dbOption } from "../db-option.js";

const DEMO_BUNDLE = fileURLToPath(new URL("../../../examples/toeslagen-2025", import.meta.url));

interface ServeOptions {
  port?: string;
  host?: string;
  db?: string;
  demo?: boolean;
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

async function demo(store: import("../../store/open.js").Store): Promise<void> {
  const { prepareDemo, DEMO_ADMIN } = await import("../../app/demo.js");
  const setup = await prepareDemo(store, DEMO_BUNDLE, new Date().toISOString());
  if (setup.imported) process.stdout.write(`Demo: imported the example plan ${setup.imported}\n`);
  if (setup.password) {
    process.stdout.write(
      `Demo: sign in as ${DEMO_ADMIN} with password ${setup.password} (shown only now)\n`,
    );
  } else {
    process.stdout.write(
      "Demo: the database already has accounts; sign in with one of them (or add one with `koers user add`)\n",
    );
  }
}

async function serve(options: ServeOptions): Promise<void> {
  const [{ loadConfig }, { openStore }, { startServer }, { scheduleReminders }] = await Promise.all(
    [
      import("../../app/config.js"),
      import("../../store/open.js"),
      import("../../server/server.js"),
      import("../../server/reminder-schedule.js"),
    ],
  );
  const config = loadConfig(options, process.env);
  const store = await openStore(config.store);
  try {
    if (options.demo) await demo(store);
    const { app, url } = await startServer(config, store).catch((error) => {
      if (error?.code !== "EADDRINUSE") throw error;
      const { host, port } = config.server;
      throw new UserError(`${host}:${port} is in use (another Koers?): stop it, or give --port`);
    });
    process.stdout.write(`Koers is running at ${url}\n`);
    const stopReminders = config.mail
      ? scheduleReminders(store, config.mail, (line) => process.stdout.write(`${line}\n`))
      : () => {};
    await untilStopped();
    stopReminders();
    await app.close();
  } finally {
    await store.close();
  }
}

export function register(cli: Command): void {
  dbOption(
    cli
      .command("serve")
      .description("serve the HTTP API, with its documentation at /api/docs")
      .option("--port <port>", "port to listen on; 0 picks a free one (default 3000)")
      .option("--host <host>", "address to listen on (default 127.0.0.1)")
      .option(
        "--demo",
        "import the example plan into an empty database and, when there is no account, create a demo admin",
      ),
  ).action(serve);
}
