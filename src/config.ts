// Environment → typed, validated configuration. Every bad or missing value gets its own clear message,
// so whoever starts the bot fixes them all in one go. `.env.example` documents every variable read here.
import { randomBytes } from "node:crypto";
import { IANAZone } from "luxon";
import { z } from "zod";
import { DEFAULT_ZONE } from "./core/today";
import { parseBoolean } from "./env-boolean";
import { type DigestSettings, digestSettingsFromEnv } from "./schedule/config";

export const DEFAULT_STORE_URL = "sqlite://var/bot.sqlite";
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface TelegramConfig {
  token: string;
  apiRoot?: string;
  /** Set when updates arrive by webhook instead of long polling. */
  webhook?: { url: string; port: number; secret: string; host?: string };
}

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** Registers slash commands in one guild (instant) instead of globally. */
  guildId?: string;
  apiRoot?: string;
  /** Reply in Vietnamese to users whose Discord locale is neither vi nor en. */
  preferVietnamese?: boolean;
}

export interface DigestConfig {
  /** false: no digests are sent by this instance (subscriptions are still kept). */
  enabled: boolean;
  /** IANA zone given to new subscriptions. */
  zone: string;
  /** Catch-up window, claim lease, digest windows and Telegram delivery limits (DIGEST_* variables). */
  settings: DigestSettings;
}

export interface Config {
  telegram?: TelegramConfig;
  discord?: DiscordConfig;
  storeUrl: string;
  /** Platform-prefixed user ids ("telegram:123456", "discord:987654321"). */
  adminIds: ReadonlySet<string>;
  /** The ops HTTP server (health, readiness, metrics); absent = off. */
  http?: { port: number; host: string };
  zone: string;
  logLevel: LogLevel;
  digest: DigestConfig;
  /** Overrides the data/ directory (tests, staging). */
  dataDir?: string;
  watchData: boolean;
  shutdownTimeoutMs: number;
  /** Whether the console operator (console:local) is an admin. */
  consoleAdmin: boolean;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** An empty value in .env ("FOO=") means "not set", as people write it. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const url = (what: string) =>
  z.string().refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, `must be an http(s) URL for ${what}, e.g. https://example.org`);

const port = (what: string) =>
  z.string().refine((v) => /^\d{1,5}$/.test(v) && Number(v) <= 65_535, `must be a port number (0–65535) for ${what}`);

const positiveInt = (what: string) => z.string().regex(/^[1-9]\d{0,9}$/, `must be a positive whole number (${what})`);

const bool = z
  .string()
  .refine((v) => parseBoolean(v) !== undefined, "must be true or false")
  .transform((v) => parseBoolean(v) === true);

const ADMIN_ID = /^(telegram:-?\d{1,20}|discord:\d{15,21}|console:[A-Za-z0-9_-]{1,32})$/;

const schema = z.object({
  TELEGRAM_BOT_TOKEN: optional(
    z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, "does not look like a bot token from @BotFather (123456789:AA…)"),
  ),
  TELEGRAM_API_ROOT: optional(url("the Telegram Bot API server")),
  TELEGRAM_WEBHOOK_URL: optional(
    z
      .string()
      .refine(
        (v) => /^https?:\/\/\S+$/.test(v) && URL.canParse(v),
        "must be an http(s) URL; Telegram itself only calls https:// addresses",
      ),
  ),
  TELEGRAM_WEBHOOK_HOST: optional(z.string().regex(/^[\w.:-]+$/, "must be a host name or IP address to listen on")),
  TELEGRAM_WEBHOOK_PORT: optional(port("the webhook listener")),
  TELEGRAM_WEBHOOK_SECRET: optional(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "may only use A–Z, a–z, 0–9, _ and - (1–256 characters)"),
  ),
  DISCORD_TOKEN: optional(
    z.string().regex(/^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/, "does not look like a Discord bot token"),
  ),
  DISCORD_APPLICATION_ID: optional(z.string().regex(/^\d{15,21}$/, "must be a Discord application id (digits)")),
  DISCORD_GUILD_ID: optional(z.string().regex(/^\d{15,21}$/, "must be a Discord guild (server) id (digits)")),
  DISCORD_API_ROOT: optional(url("the Discord REST API")),
  DISCORD_PREFER_VIETNAMESE: optional(bool),
  STORE_URL: optional(
    z
      .string()
      .regex(
        /^(sqlite:\/\/.+|redis:\/\/.+|rediss:\/\/.+)$/,
        "must be sqlite://<path> (sqlite://:memory: for a throw-away store), redis://<host>[:port] or rediss://…",
      ),
  ),
  ADMIN_IDS: optional(z.string()),
  HTTP_PORT: optional(port("the health/metrics server")),
  HTTP_HOST: optional(z.string().regex(/^[\w.:-]+$/, "must be a host name or IP address, e.g. 127.0.0.1")),
  BOT_TIMEZONE: optional(
    z.string().refine((v) => IANAZone.isValidZone(v), "is not an IANA time zone (e.g. Asia/Ho_Chi_Minh)"),
  ),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })),
  DIGEST_ENABLED: optional(bool),
  DIGEST_ZONE: optional(
    z.string().refine((v) => IANAZone.isValidZone(v), "is not an IANA time zone (e.g. Asia/Ho_Chi_Minh)"),
  ),
  DATA_DIR: optional(z.string()),
  WATCH_DATA: optional(bool),
  SHUTDOWN_TIMEOUT_SECONDS: optional(positiveInt("seconds")),
  CONSOLE_ADMIN: optional(bool),
  REPLICAS: optional(positiveInt("bot processes sharing this configuration")),
});

type Raw = z.infer<typeof schema>;

/** Reads the configuration; never throws on user input, but lists every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const parsed = schema.safeParse(env);
  const errors = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${String(i.path[0] ?? "(environment)")} ${i.message}`);
  // Checked on the raw text too, so one run lists every problem, not only the first kind.
  const adminIds = parseAdminIds(env.ADMIN_IDS, errors);
  errors.push(...combinationErrors(env));
  const digestSettings = digestSettingsFromEnv(env);
  if (!digestSettings.ok) errors.push(...digestSettings.errors);
  if (!parsed.success || !digestSettings.ok || errors.length > 0) return { ok: false, errors };
  const raw = parsed.data;
  const config: Config = {
    storeUrl: raw.STORE_URL ?? DEFAULT_STORE_URL,
    adminIds,
    zone: raw.BOT_TIMEZONE ?? DEFAULT_ZONE,
    logLevel: raw.LOG_LEVEL ?? "info",
    digest: {
      enabled: raw.DIGEST_ENABLED ?? true,
      zone: raw.DIGEST_ZONE ?? raw.BOT_TIMEZONE ?? DEFAULT_ZONE,
      settings: digestSettings.settings,
    },
    watchData: raw.WATCH_DATA ?? false,
    shutdownTimeoutMs: Number(raw.SHUTDOWN_TIMEOUT_SECONDS ?? 10) * 1000,
    consoleAdmin: raw.CONSOLE_ADMIN ?? true,
  };
  const telegram = telegramConfig(raw);
  if (telegram) config.telegram = telegram;
  const discord = discordConfig(raw);
  if (discord) config.discord = discord;
  if (raw.HTTP_PORT !== undefined) config.http = { port: Number(raw.HTTP_PORT), host: raw.HTTP_HOST ?? "127.0.0.1" };
  if (raw.DATA_DIR) config.dataDir = raw.DATA_DIR;
  return { ok: true, config };
}

/** "telegram:123, discord:987…" → a set; each malformed entry is its own error. */
function parseAdminIds(value: string | undefined, errors: string[]): Set<string> {
  const ids = new Set<string>();
  for (const entry of (value ?? "").split(/[\s,;]+/).filter((s) => s.length > 0)) {
    if (ADMIN_ID.test(entry)) ids.add(entry);
    else
      errors.push(
        `ADMIN_IDS entry "${entry}" must be platform-prefixed: telegram:<numeric user id>, discord:<user id (15–21 digits)> or console:<name> (the interactive console's user is console:local)`,
      );
  }
  return ids;
}

/** Settings that only make sense together. */
function combinationErrors(env: Readonly<Record<string, string | undefined>>): string[] {
  const set = (name: string) => (env[name] ?? "").trim() !== "";
  const errors: string[] = [];
  const hook = ["TELEGRAM_WEBHOOK_SECRET", "TELEGRAM_WEBHOOK_PORT", "TELEGRAM_WEBHOOK_HOST"];
  if (!set("TELEGRAM_BOT_TOKEN") && (set("TELEGRAM_WEBHOOK_URL") || hook.some(set))) {
    errors.push("TELEGRAM_WEBHOOK_* is set but TELEGRAM_BOT_TOKEN is missing");
  } else if (!set("TELEGRAM_WEBHOOK_URL") && hook.some(set)) {
    errors.push("TELEGRAM_WEBHOOK_SECRET/PORT/HOST are set but TELEGRAM_WEBHOOK_URL is missing");
  }
  if (!set("DISCORD_TOKEN") && (set("DISCORD_APPLICATION_ID") || set("DISCORD_GUILD_ID"))) {
    errors.push("DISCORD_APPLICATION_ID/DISCORD_GUILD_ID are set but DISCORD_TOKEN is missing");
  }
  const replicas = Number(env.REPLICAS ?? "") || 1;
  if (replicas > 1) {
    if (set("TELEGRAM_BOT_TOKEN") && !set("TELEGRAM_WEBHOOK_URL")) {
      errors.push(
        `REPLICAS=${replicas} with Telegram long polling: only one process may poll a token (the others get 409 Conflict); set TELEGRAM_WEBHOOK_URL to run several`,
      );
    } else if (set("TELEGRAM_WEBHOOK_URL") && !set("TELEGRAM_WEBHOOK_SECRET")) {
      errors.push(
        `TELEGRAM_WEBHOOK_SECRET is required with REPLICAS=${replicas}: without it each process registers its own random secret with Telegram and refuses the updates meant for the others`,
      );
    }
    if (!/^rediss?:\/\//.test(env.STORE_URL ?? "")) {
      errors.push(
        `STORE_URL must be redis:// with REPLICAS=${replicas}: page buttons, digest claims and subscriptions must be shared by every process`,
      );
    }
  }
  if (set("DISCORD_TOKEN") && !set("DISCORD_APPLICATION_ID")) {
    errors.push(
      "DISCORD_APPLICATION_ID is missing: it is needed with DISCORD_TOKEN to register slash commands (Developer Portal → General Information → Application ID)",
    );
  }
  return errors;
}

function telegramConfig(raw: Raw): TelegramConfig | undefined {
  if (!raw.TELEGRAM_BOT_TOKEN) return undefined;
  const telegram: TelegramConfig = { token: raw.TELEGRAM_BOT_TOKEN };
  if (raw.TELEGRAM_API_ROOT) telegram.apiRoot = raw.TELEGRAM_API_ROOT.replace(/\/+$/, "");
  if (raw.TELEGRAM_WEBHOOK_URL) {
    telegram.webhook = {
      url: raw.TELEGRAM_WEBHOOK_URL,
      port: Number(raw.TELEGRAM_WEBHOOK_PORT ?? 8080),
      // Without a configured secret, a fresh one per start still lets the listener refuse forged updates.
      secret: raw.TELEGRAM_WEBHOOK_SECRET ?? randomBytes(24).toString("base64url"),
    };
    if (raw.TELEGRAM_WEBHOOK_HOST) telegram.webhook.host = raw.TELEGRAM_WEBHOOK_HOST;
  }
  return telegram;
}

function discordConfig(raw: Raw): DiscordConfig | undefined {
  if (!raw.DISCORD_TOKEN || !raw.DISCORD_APPLICATION_ID) return undefined;
  const discord: DiscordConfig = { token: raw.DISCORD_TOKEN, applicationId: raw.DISCORD_APPLICATION_ID };
  if (raw.DISCORD_GUILD_ID) discord.guildId = raw.DISCORD_GUILD_ID;
  if (raw.DISCORD_API_ROOT) discord.apiRoot = raw.DISCORD_API_ROOT;
  if (raw.DISCORD_PREFER_VIETNAMESE !== undefined) discord.preferVietnamese = raw.DISCORD_PREFER_VIETNAMESE;
  return discord;
}

/** Values that must never reach a log line. */
export function secretsOf(config: Config): string[] {
  return [
    config.telegram?.token,
    config.telegram?.webhook?.secret,
    config.discord?.token,
    passwordOf(config.storeUrl),
  ].filter((s): s is string => typeof s === "string" && s.length > 0);
}

/** The password in redis://user:password@host, if any. */
function passwordOf(storeUrl: string): string | undefined {
  try {
    const u = new URL(storeUrl);
    return u.password ? decodeURIComponent(u.password) : undefined;
  } catch {
    return undefined;
  }
}
