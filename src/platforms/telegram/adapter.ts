// The Telegram PlatformAdapter: long polling through @grammyjs/runner by default, a webhook server when
// configured; `send` posts digests and reports chats that are gone.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type RunnerHandle, run } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Lang } from "../../core/i18n";
import type { Reply } from "../../core/reply";
import type { AdapterDeps, PlatformAdapter } from "../adapter";
import { ALLOWED_UPDATES, type BotOptions, createBot } from "./bot";
import { telegramChatId } from "./caller";
import { setCommandMenu } from "./menu";
import { asChatGone, sendReply } from "./send";
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
  /** `lang` picks the labels ("Sources", "Page"); digests pass the subscription's language. */
  send(chatId: string, reply: Reply, lang?: Lang): Promise<void>;
}

export function createTelegramAdapter(options: TelegramAdapterOptions, deps: AdapterDeps): TelegramAdapter {
  const bot = createBot(options, deps);
  const log = deps.logger.child({ platform: "telegram" });
  let runner: RunnerHandle | undefined;
  let server: Server | undefined;
  let lastPollOk = false;
  let lastUpdateId = 0;

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
    async send(chatId, reply, lang = "vi") {
      const id = telegramChatId(chatId);
      if (id === undefined) throw new Error(`not a Telegram chat id: ${chatId}`);
      try {
        await sendReply(bot.api, id, reply, lang);
      } catch (error) {
        throw asChatGone(id, error);
      }
    },
  };
}
