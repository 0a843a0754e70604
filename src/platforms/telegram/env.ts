// Telegram settings from the environment, for the composition root (src/main.ts).
import { randomBytes } from "node:crypto";
import type { TelegramAdapterOptions } from "./adapter";

const SECRET = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * TELEGRAM_BOT_TOKEN (required, else undefined: Telegram is off), TELEGRAM_API_ROOT,
 * TELEGRAM_WEBHOOK_URL (webhook mode), TELEGRAM_WEBHOOK_PORT (default 8080),
 * TELEGRAM_WEBHOOK_SECRET (default: random per start), TELEGRAM_WEBHOOK_HOST (default 0.0.0.0).
 * Throws a readable error for a malformed value.
 */
export function telegramOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): TelegramAdapterOptions | undefined {
  const token = env.TELEGRAM_BOT_TOKEN?.trim();
  if (!token) return undefined;
  if (!/^\d+:[A-Za-z0-9_-]+$/.test(token)) {
    throw new Error("TELEGRAM_BOT_TOKEN does not look like a bot token (123456789:AA…); get one from @BotFather");
  }
  const options: TelegramAdapterOptions = { token };
  const apiRoot = env.TELEGRAM_API_ROOT?.trim();
  if (apiRoot) {
    if (!/^https?:\/\/\S+$/.test(apiRoot))
      throw new Error(`TELEGRAM_API_ROOT must be an http(s) URL, not "${apiRoot}"`);
    options.apiRoot = apiRoot.replace(/\/+$/, "");
  }
  const url = env.TELEGRAM_WEBHOOK_URL?.trim();
  if (url) {
    if (!/^https?:\/\/\S+$/.test(url)) throw new Error(`TELEGRAM_WEBHOOK_URL must be an https URL, not "${url}"`);
    const port = Number(env.TELEGRAM_WEBHOOK_PORT ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new Error(`TELEGRAM_WEBHOOK_PORT must be a port number, not "${env.TELEGRAM_WEBHOOK_PORT}"`);
    }
    const secret = env.TELEGRAM_WEBHOOK_SECRET?.trim() || randomBytes(24).toString("base64url");
    if (!SECRET.test(secret)) {
      throw new Error("TELEGRAM_WEBHOOK_SECRET may only use A–Z, a–z, 0–9, _ and - (1–256 characters)");
    }
    options.webhook = { url, port, secret };
    const host = env.TELEGRAM_WEBHOOK_HOST?.trim();
    if (host) options.webhook.host = host;
  }
  return options;
}
