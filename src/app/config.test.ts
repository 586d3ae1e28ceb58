import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

describe("the configuration", () => {
  it("defaults to the SQLite file ./data/koers.db on 127.0.0.1:3000", () => {
    expect(loadConfig({}, {})).toEqual({
      store: { engine: "sqlite", file: "./data/koers.db" },
      server: {
        port: 3000,
        host: "127.0.0.1",
        secureCookies: false,
        trustProxy: 0,
        logLevel: "info",
      },
    });
  });

  it("takes PostgreSQL from KOERS_DATABASE_URL, else from DATABASE_URL when that is one", () => {
    const url = "postgresql://koers@db.example/koers";
    expect(loadConfig({}, { KOERS_DATABASE_URL: url }).store).toEqual({ engine: "postgres", url });
    expect(loadConfig({}, { DATABASE_URL: url }).store).toEqual({ engine: "postgres", url });
    expect(loadConfig({}, { DATABASE_URL: "mysql://x/y" }).store.engine).toBe("sqlite");
    expect(loadConfig({}, { KOERS_DATABASE_URL: "" }).store.engine).toBe("sqlite");
  });

  it("lets --db choose a SQLite file over the environment", () => {
    const env = { KOERS_DATABASE_URL: "postgres://x/y" };
    expect(loadConfig({ db: "plans.db" }, env).store).toEqual({
      engine: "sqlite",
      file: "plans.db",
    });
  });

  it("reads the port, host and switches", () => {
    const config = loadConfig(
      { port: "8080", host: "0.0.0.0" },
      { KOERS_SECURE_COOKIES: "1", KOERS_TRUST_PROXY: "1", KOERS_LOG_LEVEL: "warn" },
    );
    expect(config.server).toEqual({
      port: 8080,
      host: "0.0.0.0",
      secureCookies: true,
      trustProxy: 1,
      logLevel: "warn",
    });
  });

  it("fails fast, naming every option and variable that is wrong", () => {
    expect(() =>
      loadConfig(
        { port: "http", db: "" },
        {
          KOERS_DATABASE_URL: "mysql://x/y",
          KOERS_SECURE_COOKIES: "yes",
          KOERS_TRUST_PROXY: "all",
        },
      ),
    ).toThrow(
      "bad configuration: --db must name a file; --port must be a number; KOERS_DATABASE_URL must be a postgres:// or postgresql:// URL; KOERS_SECURE_COOKIES must be 1 or 0; KOERS_TRUST_PROXY must be the number of proxies in front (0, 1, …)",
    );
    expect(() => loadConfig({ port: "70000" }, {})).toThrow("--port must be between 0 and 65535");
  });
});
