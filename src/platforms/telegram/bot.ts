// The grammY bot: API transformers (retry on 429/5xx honouring retry_after, outgoing rate limits) and
// the update handlers (commands, page buttons, inline queries), with one error boundary. The transformers
// serve interactive replies only; digests use a plain Api of their own (see adapter.ts).
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { type APIThrottlerOptions, apiThrottler } from "@grammyjs/transformer-throttler";
import { type ApiClientOptions, Bot } from "grammy";
import type { AdapterDeps } from "../adapter";
import { createPipeline } from "../shared/pipeline";
import { commandHandler } from "./commands";
import { documentHandler } from "./documents";
import { errorHandler } from "./errors";
import { inlineQueryHandler } from "./inline";
import { pageButtonHandler } from "./pages";

export interface RetryOptions {
  /** Retries of one API call after a 429 or 5xx (default 5). */
  maxRetryAttempts?: number;
  /** A 429 asking to wait longer than this fails instead (default 60 s). */
  maxDelaySeconds?: number;
}

export interface BotOptions {
  token: string;
  /** Bot API root, default https://api.telegram.org (a self-hosted Bot API server, or a test server). */
  apiRoot?: string;
  retry?: RetryOptions;
  /** Outgoing rate limits (per chat and global); the plugin's defaults follow Telegram's guidance. */
  throttle?: APIThrottlerOptions | false;
}

/** The update kinds the bot handles; Telegram sends nothing else. */
export const ALLOWED_UPDATES = ["message", "channel_post", "callback_query", "inline_query"] as const;

/** The HTTP client settings of every grammY Api made for these options (the bot's, and the digest path's). */
export function clientOptions(options: Pick<BotOptions, "apiRoot">): ApiClientOptions {
  return options.apiRoot ? { apiRoot: options.apiRoot.replace(/\/+$/, "") } : {};
}

const inHandling = new WeakMap<Bot, Set<Promise<unknown>>>();

/**
 * Resolves once no update is being handled, including updates that arrive while waiting. The runner confirms an
 * update to Telegram by its next poll, long before a reply waiting out a 429 is sent: a stop must wait for this
 * (within its bound) or the reply is lost.
 */
export async function updatesHandled(bot: Bot): Promise<void> {
  const handling = inHandling.get(bot);
  while (handling && handling.size > 0) await Promise.allSettled([...handling]);
}

/** How many updates are being handled now. */
export function updatesInHandling(bot: Bot): number {
  return inHandling.get(bot)?.size ?? 0;
}

export function createBot(options: BotOptions, deps: AdapterDeps): Bot {
  const bot = new Bot(options.token, { client: clientOptions(options) });
  // Installed first = innermost: a retried call keeps its place in the throttler's per-chat queue,
  // so the parts of a long reply still arrive in order after a 429.
  bot.api.config.use(
    autoRetry({
      maxRetryAttempts: options.retry?.maxRetryAttempts ?? 5,
      maxDelaySeconds: options.retry?.maxDelaySeconds ?? 60,
    }),
  );
  if (options.throttle !== false) bot.api.config.use(apiThrottler(options.throttle ?? {}));
  // Outermost: every update is tracked until its handling (the reply, retries included) is over, so a stop can
  // wait for it (updatesHandled).
  const handling = new Set<Promise<unknown>>();
  inHandling.set(bot, handling);
  bot.use(async (_ctx, next) => {
    const work = next();
    handling.add(work);
    try {
      await work;
    } finally {
      handling.delete(work);
    }
  });
  // The runner handles updates concurrently; one chat's updates still run in order.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  // Telegram has no message only its reader sees: a private reply goes to the user's own chat.
  const pipeline = createPipeline(deps, { whispers: false });
  bot.on(["message:text", "channel_post:text"], commandHandler(deps, pipeline));
  bot.on("message:document", documentHandler(deps, pipeline));
  bot.on("callback_query:data", pageButtonHandler(deps, pipeline));
  bot.on("inline_query", inlineQueryHandler(deps));
  bot.catch(errorHandler(deps));
  return bot;
}
