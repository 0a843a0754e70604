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
import { ALLOWED_UPDATES, type BotOptions, clientOptions, createBot, updatesHandled, updatesInHandling } from "./bot";
import { chatIdOf, isTelegramGroup, telegramIds, telegramTarget } from "./caller";
import { backoff, isConflict, isTokenRefused, type RetryDelays, signIn } from "./lifecycle";
import { setCommandMenu } from "./menu";
import { renderReply } from "./render";
import { asChatGone, isTopicClosed, migratedTo, sendParts } from "./send";
import { closeServer, listenForWebhook, type WebhookOptions } from "./webhook";

export interface TelegramAdapterOptions extends BotOptions {
  /** Webhook mode when set; long polling otherwise. */
  webhook?: WebhookOptions;
  /** getUpdates long-polling timeout in seconds (default 30). */
  pollingTimeoutSeconds?: number;
  /** Pauses between getMe attempts at start-up and between polling restarts (default 1 s doubling to 60 s). */
  reconnect?: RetryDelays;
}

export interface TelegramAdapter extends PlatformAdapter {
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
  /** Aborted by stop(): ends a sign-in still retrying and a pending polling restart. */
  const stopping = new AbortController();
  const restartPause = backoff(options.reconnect);
  let restartTimer: NodeJS.Timeout | undefined;
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
        if (result.ok) {
          restartPause.reset();
          for (const u of result.result as { update_id: number }[]) lastUpdateId = Math.max(lastUpdateId, u.update_id);
        }
      }
      return result;
    } catch (error) {
      if (method === "getUpdates" && !signal?.aborted) {
        lastPollOk = false;
        // 401 and 409 end the runner and are logged where it ends; the rest the runner retries itself.
        if (!isTokenRefused(error) && !isConflict(error))
          log.warn({ err: error }, "telegram: getUpdates failed; polling retries");
      }
      throw error;
    }
  });

  function startPolling(): void {
    runner = run(bot, {
      runner: {
        fetch: { timeout: options.pollingTimeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES] },
        // Failures are logged here, through the bot's logger, not on the console.
        silent: true,
      },
    });
    // The runner rejects its task on 401 and 409 (and after long failures): handled, never left unhandled.
    runner.task()?.catch((error: unknown) => pollingEnded(error));
  }

  function pollingEnded(error: unknown): void {
    if (stopping.signal.aborted) return;
    if (isTokenRefused(error)) {
      log.error(
        { err: error },
        "telegram: the Bot API refused the token (401 Unauthorized): it was revoked or replaced in @BotFather. Telegram has stopped; the other platforms and digests carry on. Set the new TELEGRAM_BOT_TOKEN and restart the bot.",
      );
      return;
    }
    const retryInMs = restartPause.next();
    const seconds = Math.round(retryInMs / 1000);
    log.error(
      { err: error, retryInMs },
      isConflict(error)
        ? `telegram: 409 Conflict: another process is polling with this bot token (a second instance, a rolling deploy, someone running the production token); polling again in ${seconds} s`
        : `telegram: polling stopped on an error; polling again in ${seconds} s`,
    );
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (!stopping.signal.aborted) void confirmThenPoll();
    }, retryInMs);
  }

  /** A new runner starts from offset 0: confirm what the last one handled first, so nothing is handled twice. */
  async function confirmThenPoll(): Promise<void> {
    if (lastUpdateId > 0) {
      try {
        await bot.api.getUpdates({ offset: lastUpdateId + 1, limit: 1, timeout: 0 });
      } catch (error) {
        pollingEnded(error);
        return;
      }
    }
    if (!stopping.signal.aborted) startPolling();
  }

  async function beginTakingUpdates(): Promise<void> {
    await setCommandMenu(bot.api, deps.commands).catch((error: unknown) =>
      log.warn({ err: error }, "telegram: could not set the command menu"),
    );
    if (stopping.signal.aborted) return;
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
    if (!stopping.signal.aborted) startPolling();
  }

  /** Posts `parts`; a group that became a supergroup is followed to its new id, once. */
  async function post(chatId: string, parts: string[], progress: Map<string, number>, where: string): Promise<void> {
    const target = telegramTarget(chatId);
    if (target === undefined) throw new Error(`not a Telegram chat id: ${chatId}`);
    try {
      await sendParts(digestApi, target.chat, parts, {
        ...(target.thread ? { threadId: target.thread } : {}),
        from: progress.get(where) ?? 0,
        onPart: (index) => progress.set(where, index + 1),
      });
    } catch (error) {
      const moved = migratedTo(error);
      if (moved !== undefined) {
        const to = chatIdOf(moved, target.thread);
        log.warn({ from: chatId, to }, "telegram: the group became a supergroup; its subscription moves to the new id");
        if (deps.chatMoved) {
          await deps
            .chatMoved(chatId, to)
            .catch((moveError: unknown) =>
              log.error({ err: moveError, from: chatId, to }, "telegram: could not move the chat's subscription"),
            );
        }
        return post(to, parts, progress, where);
      }
      if (isTopicClosed(error)) {
        log.warn(
          { chatId, err: error },
          "telegram: the forum topic is closed; nothing is posted there until an admin reopens it",
        );
      }
      throw asChatGone(target.chat, error);
    }
  }

  /**
   * No new updates (polling stops, the webhook server stops accepting connections), then waits for the updates
   * being handled, replies waiting out a 429 or a 5xx included: the runner has already confirmed them to Telegram,
   * so a reply dropped here would be lost. The caller bounds the wait (the shutdown step).
   */
  async function stopIntake(): Promise<void> {
    stopping.abort(new Error("the Telegram adapter is stopping"));
    clearTimeout(restartTimer);
    if (runner?.isRunning()) await runner.stop(); // stops fetching; does not wait for the updates in hand
    server?.close();
    const pending = updatesInHandling(bot);
    if (pending > 0) log.info({ updates: pending }, "telegram: stopping; waiting for the replies under way");
    await updatesHandled(bot);
  }

  return {
    name: telegramIds.platform,
    bot,
    // Digests keep the queue's default limits: Telegram's.
    isGroupChat: isTelegramGroup,
    /**
     * Resolves once signed in and taking updates, or once the first getMe attempt failed to reach Telegram:
     * then sign-in goes on in the background (each attempt logged) and the rest of the bot starts meanwhile.
     * Rejects when Telegram refuses the token: retrying cannot fix that.
     */
    async start() {
      let firstFailure: () => void = () => {};
      const retrying = new Promise<"retrying">((resolve) => {
        firstFailure = () => resolve("retrying");
      });
      const connecting = signIn(digestApi, log, stopping.signal, { ...options.reconnect, onRetry: firstFailure }).then(
        async (me) => {
          bot.botInfo = me;
          log.info({ username: me.username }, "telegram: signed in");
          await beginTakingUpdates();
        },
      );
      try {
        if ((await Promise.race([connecting.then(() => "started" as const), retrying])) === "started") return;
      } catch (error) {
        if (stopping.signal.aborted) return; // stopped while still starting
        throw error;
      }
      connecting.catch((error: unknown) => {
        if (!stopping.signal.aborted)
          log.error({ err: error }, "telegram: could not start; Telegram stays off, the other platforms carry on");
      });
    },
    async stopIntake() {
      await stopIntake();
    },
    async stop() {
      const polled = runner !== undefined;
      await stopIntake();
      runner = undefined;
      // Confirm what was fetched to Telegram so a restart does not handle it again.
      if (polled && lastUpdateId > 0) {
        await bot.api
          .getUpdates({ offset: lastUpdateId + 1, limit: 1, timeout: 0 })
          .catch((error: unknown) => log.warn({ err: error }, "telegram: could not confirm the last update"));
      }
      if (server) await closeServer(server);
      server = undefined;
      // The buttons of the last replies work on the next process too.
      await deps.pages.flushed();
    },
    connected() {
      if (server) return server.listening;
      return runner?.isRunning() === true && lastPollOk;
    },
    webhookPort() {
      return server?.listening ? (server.address() as AddressInfo).port : undefined;
    },
    async send(chatId, reply) {
      if (telegramTarget(chatId) === undefined) throw new Error(`not a Telegram chat id: ${chatId}`);
      const progress = partsDelivered.get(reply) ?? new Map<string, number>();
      partsDelivered.set(reply, progress);
      const where = `${reply.lang}:${chatId}`; // the parts depend on the labels' language
      await post(chatId, renderReply(reply), progress, where);
      // Complete: a later send of the same reply posts it again from the start.
      progress.delete(where);
    },
  };
}
