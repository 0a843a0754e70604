// Webhook mode: a plain node:http server on the configured port. Telegram's secret header is checked by
// grammY's webhookCallback (wrong or missing → 401, the update is never handled).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Bot, webhookCallback } from "grammy";
import type { Logger } from "pino";

export interface WebhookOptions {
  /** Public HTTPS URL Telegram posts to; its path is the only one served. */
  url: string;
  port: number;
  /** Echoed by Telegram in X-Telegram-Bot-Api-Secret-Token; 1–256 of A–Z a–z 0–9 _ -. */
  secret: string;
  /** Interface to listen on (default all). */
  host?: string;
}

export async function listenForWebhook(bot: Bot, options: WebhookOptions, logger: Logger): Promise<Server> {
  const path = new URL(options.url).pathname || "/";
  // Answer Telegram within its timeout even for a slow command, so it does not resend the update.
  const handle = webhookCallback(bot, "http", {
    secretToken: options.secret,
    onTimeout: "return",
    timeoutMilliseconds: 8_000,
  });
  const server = createServer((req, res) => {
    if (req.method !== "POST" || (req.url ?? "").split("?")[0] !== path) {
      res.writeHead(404).end();
      return;
    }
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, "telegram: webhook request failed");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
  logger.info({ port: (server.address() as AddressInfo).port, path }, "telegram: webhook server listening");
  return server;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
