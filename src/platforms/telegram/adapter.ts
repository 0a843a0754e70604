// The Telegram PlatformAdapter: long polling through @grammyjs/runner by default, a webhook server when
// configured; `send` posts digests and reports chats that are gone.
//
// Digests go through their own grammY Api (same token and API root) with neither auto-retry nor the throttler:
// the delivery queue alone paces them and handles 429 / 5xx, so a 429 reaches the queue, which holds every
// chat for retry_after, and a failure is retried once, by the queue, not grammY's attempts × the queue's.
// Interactive replies keep auto-retry and the throttler (src/platforms/telegram/bot.ts).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { Api, type Bot } from "grammy";
import type { Reply } from "../../core/reply";
import type { AdapterDeps, PlatformAdapter } from "../adapter";
import { ALLOWED_UPDATES, type BotOptions, clientOptions, createBot } from "./bot";
import { telegramChatId } from "./caller";
import { setCommandMenu } from "./menu";
import { renderReply } from "./render";
import { asChatGone, sendParts } from "./send";
import { closeServer, listenForWebhook, type WebhookOptions } from "./webhook";

export interface TelegramAdapterOptions extends BotOptions {
  /** Webhook mode when set; long polling otherwise. */
  webhook?: WebhookOptions;
  /** getUpdates long-polling timeout in seconds (default 30). */
  pollingTimeoutSeconds?: number;
}

export interface TelegramAdapter extends PlatformAdapter {
  readonly name: "telegram";
  readonly bot: Bot;
  /** The port the webhook server listens on (useful with port 0), when in webhook mode and started. */
  webhookPort(): number | undefined;
  /**
   * The labels ("Sources", "Page") follow the reply's language. A long reply goes out in several messages; when one fails, calling `send` again with the same reply object and chat
   * resumes at the part that failed, so the parts already delivered are not posted twice.
   */
  send(chatId: string, reply: Reply): Promise<void>;
}

/**
 * The options the bot runs with (src/main.ts), from its Telegram settings: grammY's retry and throttling at
 * their defaults. The digest tests and the fan-out benchmark build their adapter with this too, so what they
 * exercise is what production runs.
 */
export function telegramAdapterOptions(settings: {
  token: string;
  apiRoot?: string;
  webhook?: WebhookOptions;
}): TelegramAdapterOptions {
  const options: TelegramAdapterOptions = { token: settings.token };
  if (settings.apiRoot) options.apiRoot = settings.apiRoot;
  if (settings.webhook) options.webhook = settings.webhook;
  return options;
}

export function createTelegramAdapter(options: TelegramAdapterOptions, deps: AdapterDeps): TelegramAdapter {
  const bot = createBot(options, deps);
  const log = deps.logger.child({ platform: "telegram" });
  let runner: RunnerHandle | undefined;
  let server: Server | undefined;
  let lastPollOk = false;
  let lastUpdateId = 0;
  // No transformers on this one: see the top of the file.
  const digestApi = new Api(options.token, clientOptions(options));
  /** Parts delivered so far of a reply whose send failed partway, per chat; forgotten with the reply. */
  const partsDelivered = new WeakMap<Reply, Map<string, number>>();

  // Health (whether the last poll succeeded) and the newest update fetched, to confirm it on a graceful stop.
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (method === "getUpdates") {
        lastPollOk = result.ok;
        if (result.ok)
          for (const u of result.result as { update_id: number }[]) lastUpdateId = Math.max(lastUpdateId, u.update_id);
      }
      return result;
    } catch (error) {
      if (method === "getUpdates" && !signal?.aborted) lastPollOk = false;
      throw error;
    }
  });

  return {
    name: "telegram",
    bot,
    async start() {
      await bot.init();
      log.info({ username: bot.botInfo.username }, "telegram: signed in");
      await setCommandMenu(bot.api, deps.commands).catch((error: unknown) =>
        log.warn({ err: error }, "telegram: could not set the command menu"),
      );
      if (options.webhook) {
        server = await listenForWebhook(bot, options.webhook, log);
        await bot.api.setWebhook(options.webhook.url, {
          secret_token: options.webhook.secret,
          allowed_updates: [...ALLOWED_UPDATES],
        });
        return;
      }
      // A webhook left over from an earlier deployment would make getUpdates fail with 409.
      await bot.api.deleteWebhook();
      lastPollOk = true;
      runner = run(bot, {
        runner: {
          fetch: { timeout: options.pollingTimeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES] },
        },
      });
    },
    async stop() {
      if (runner?.isRunning()) {
        // Waits for the updates being handled (every fetched update is being handled).
        await runner.stop();
        // Confirm them to Telegram so a restart does not handle them again.
        if (lastUpdateId > 0) {
          await bot.api
            .getUpdates({ offset: lastUpdateId + 1, limit: 1, timeout: 0 })
            .catch((error: unknown) => log.warn({ err: error }, "telegram: could not confirm the last update"));
        }
      }
      runner = undefined;
      if (server) await closeServer(server);
      server = undefined;
    },
    connected() {
      if (server) return server.listening;
      return runner?.isRunning() === true && lastPollOk;
    },
    webhookPort() {
      return server?.listening ? (server.address() as AddressInfo).port : undefined;
    },
    async send(chatId, reply) {
      const id = telegramChatId(chatId);
      if (id === undefined) throw new Error(`not a Telegram chat id: ${chatId}`);
      const progress = partsDelivered.get(reply) ?? new Map<string, number>();
      partsDelivered.set(reply, progress);
      const where = `${reply.lang}:${chatId}`; // the parts depend on the labels' language
      try {
        await sendParts(digestApi, id, renderReply(reply), {
          from: progress.get(where) ?? 0,
          onPart: (index) => progress.set(where, index + 1),
        });
        // Complete: a later send of the same reply posts it again from the start.
        progress.delete(where);
      } catch (error) {
        throw asChatGone(id, error);
      }
    },
  };
}
