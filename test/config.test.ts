// Configuration from the environment: defaults, one clear message per bad or missing value, secrets listed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_STORE_URL, loadConfig, secretsOf } from "../src/config";
import { REPO } from "./ops/support";

const TG = "123456789:AAHfakeTokenForTestsOnly_abcdefghijkl";
const DC = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.fakeDiscordTokenForTestsOnly_abcdefg";

describe("loadConfig", () => {
  it("starts with nothing set: console mode, SQLite default, no HTTP server, Vietnam time", () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      storeUrl: DEFAULT_STORE_URL,
      zone: "Asia/Ho_Chi_Minh",
      logLevel: "info",
      watchData: false,
      consoleAdmin: true,
      shutdownTimeoutMs: 10_000,
    });
    expect(result.config.telegram).toBeUndefined();
    expect(result.config.discord).toBeUndefined();
    expect(result.config.http).toBeUndefined();
  });

  it("treats empty values as unset, as a copied .env.example has them", () => {
    const result = loadConfig({ TELEGRAM_BOT_TOKEN: "", HTTP_PORT: " ", ADMIN_IDS: "" });
    expect(result.ok && result.config.telegram === undefined && result.config.http === undefined).toBe(true);
  });

  it("reads every platform and ops setting", () => {
    const result = loadConfig({
      TELEGRAM_BOT_TOKEN: TG,
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      TELEGRAM_WEBHOOK_URL: "https://bot.example.org/tg",
      TELEGRAM_WEBHOOK_SECRET: "s3cret-value_123",
      DISCORD_TOKEN: DC,
      DISCORD_APPLICATION_ID: "123456789012345678",
      DISCORD_GUILD_ID: "223456789012345678",
      HTTP_PORT: "9464",
      BOT_TIMEZONE: "Asia/Vientiane",
      LOG_LEVEL: "debug",
      STORE_URL: "redis://:pw-secret-1@127.0.0.1:6379/2",
      WATCH_DATA: "yes",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const c = result.config;
    expect(c.telegram).toEqual({
      token: TG,
      apiRoot: "http://127.0.0.1:8081",
      webhook: { url: "https://bot.example.org/tg", port: 8080, secret: "s3cret-value_123" },
    });
    expect(c.discord).toEqual({ token: DC, applicationId: "123456789012345678", guildId: "223456789012345678" });
    expect(c.http).toEqual({ port: 9464, host: "127.0.0.1" });
    expect(c.zone).toBe("Asia/Vientiane");
    expect(c.digest.zone).toBe("Asia/Vientiane");
    expect(c.watchData).toBe(true);
    expect(secretsOf(c).sort()).toEqual([DC, "pw-secret-1", "s3cret-value_123", TG].sort());
  });

  it("names every bad or missing value, each in its own message", () => {
    const result = loadConfig({
      TELEGRAM_BOT_TOKEN: "not a token",
      DISCORD_TOKEN: DC,
      HTTP_PORT: "99999",
      BOT_TIMEZONE: "Mars/Olympus",
      LOG_LEVEL: "loud",
      STORE_URL: "mysql://db",
      WATCH_DATA: "perhaps",
      ADMIN_IDS: "123456",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.errors.join("\n");
    for (const name of [
      "TELEGRAM_BOT_TOKEN",
      "HTTP_PORT",
      "BOT_TIMEZONE",
      "LOG_LEVEL",
      "STORE_URL",
      "WATCH_DATA",
      "ADMIN_IDS",
    ]) {
      expect(result.errors.filter((e) => e.startsWith(`${name} `))).toHaveLength(1);
    }
    expect(text).not.toContain(DC);
    expect(text).toContain("DISCORD_APPLICATION_ID is missing");

    const missing = loadConfig({ DISCORD_TOKEN: DC, TELEGRAM_WEBHOOK_PORT: "8443" });
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.errors).toEqual([
      "TELEGRAM_WEBHOOK_* is set but TELEGRAM_BOT_TOKEN is missing",
      expect.stringContaining("DISCORD_APPLICATION_ID is missing"),
    ]);
  });

  it("gives a webhook a random secret when none is configured, and treats it as a secret", () => {
    const result = loadConfig({ TELEGRAM_BOT_TOKEN: TG, TELEGRAM_WEBHOOK_URL: "https://bot.example.org/tg" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const secret = result.config.telegram?.webhook?.secret ?? "";
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(secretsOf(result.config)).toContain(secret);
  });
});

describe("several replicas (REPLICAS)", () => {
  const hook = { TELEGRAM_BOT_TOKEN: TG, TELEGRAM_WEBHOOK_URL: "https://bot.example.org/tg" };
  it("requires a fixed webhook secret, a webhook rather than polling, and a shared store, each said clearly", () => {
    const noSecret = loadConfig({ ...hook, REPLICAS: "3", STORE_URL: "redis://redis:6379" });
    expect(noSecret.ok).toBe(false);
    if (!noSecret.ok) expect(noSecret.errors.join("\n")).toMatch(/TELEGRAM_WEBHOOK_SECRET is required with REPLICAS=3/);
    const polling = loadConfig({ TELEGRAM_BOT_TOKEN: TG, REPLICAS: "2", STORE_URL: "redis://redis:6379" });
    if (!polling.ok) expect(polling.errors.join("\n")).toMatch(/only one process may poll.*TELEGRAM_WEBHOOK_URL/);
    expect(polling.ok).toBe(false);
    const sqlite = loadConfig({ ...hook, TELEGRAM_WEBHOOK_SECRET: "fixed_Secret-1", REPLICAS: "2" });
    if (!sqlite.ok) expect(sqlite.errors.join("\n")).toMatch(/STORE_URL must be redis:\/\/ with REPLICAS=2/);
    expect(sqlite.ok).toBe(false);
  });

  it("accepts several replicas with a fixed secret and Redis, and one replica as before", () => {
    const ok = loadConfig({
      ...hook,
      TELEGRAM_WEBHOOK_SECRET: "fixed_Secret-1",
      REPLICAS: "2",
      STORE_URL: "redis://redis:6379",
    });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.config.telegram?.webhook?.secret).toBe("fixed_Secret-1");
    expect(loadConfig({ ...hook, REPLICAS: "1" }).ok).toBe(true);
    expect(loadConfig({ REPLICAS: "zero" }).ok).toBe(false);
  });
});

describe("digest settings in the configuration", () => {
  it("reads DIGEST_* values and reports bad ones with the rest", () => {
    const good = loadConfig({ DIGEST_CATCH_UP: "90", DIGEST_RATE_PER_SECOND: "10", DIGEST_POST_EMPTY: "true" });
    if (!good.ok) throw new Error(good.errors.join("\n"));
    expect(good.config.digest.settings.catchUp).toEqual({ minutes: 90 });
    expect(good.config.digest.settings.queue.perSecond).toBe(10);
    expect(good.config.digest.settings.postEmpty).toBe(true);
    const bad = loadConfig({ DIGEST_LEASE_SECONDS: "soon", ADMIN_IDS: "bob" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.some((e) => e.startsWith("DIGEST_LEASE_SECONDS"))).toBe(true);
      expect(bad.errors.some((e) => e.includes("ADMIN_IDS"))).toBe(true);
    }
  });
});

describe(".env.example", () => {
  it("documents every variable the configuration reads", () => {
    const example = readFileSync(join(REPO, ".env.example"), "utf8");
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const source = readFileSync(join(REPO, "src", "config.ts"), "utf8");
    const read = [...source.matchAll(/^\s+([A-Z][A-Z0-9_]+): optional\(/gm)].map((m) => m[1]);
    expect(read.length).toBeGreaterThan(15);
    expect(read.filter((name) => !documented.has(name))).toEqual([]);
  });
});
