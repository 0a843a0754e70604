// Starts the real grammY-based adapter against the local Bot API server, over the real corpus.
import { Writable } from "node:stream";
import { commands as allCommands } from "../../../commands/index";
import { type Core, createCore } from "../../../src/app";
import type { Command } from "../../../src/core/command";
import type { Invocation } from "../../../src/core/dispatch";
import type { Lang } from "../../../src/core/i18n";
import { createLogger } from "../../../src/log";
import type { AdapterDeps } from "../../../src/platforms/adapter";
import { createTelegramAdapter, type TelegramAdapter } from "../../../src/platforms/telegram/adapter";
import { startTelegramServer, type TelegramServer } from "../../support/telegram-server";

export const TODAY = "2026-11-24";

export interface Harness {
  server: TelegramServer;
  adapter: TelegramAdapter;
  core: Core;
  /** Log lines (JSON) written by the adapter. */
  logs: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  webhook?: boolean;
  /** Extra commands for tests (long replies, paging). */
  extraCommands?: Command[];
  userLang?: (userId: string) => Promise<Lang | undefined>;
  /** The data directory (default the repo's data/): a temp copy where a test writes (the /ingest inbox). */
  dataDir?: string;
  /** Platform-prefixed user ids treated as bot admins (ADMIN_IDS). */
  admins?: string[];
  /** The state store given to commands (/subscribe) and to chatMoved. */
  store?: import("../../../src/core/services").StateStore;
  /** Told when a chat got a new id (default with a store: the store's moveChat). */
  chatMoved?: AdapterDeps["chatMoved"];
  /** Pauses between sign-in attempts and polling restarts (short in tests). */
  reconnect?: { firstMs: number; maxMs: number };
  /** An already running local Bot API (a second bot process on the same token); closed by its owner. */
  server?: TelegramServer;
  /** Page tokens (default: the core's, in memory). */
  pages?: import("../../../src/core/paging").PageTokens;
  /** Runs on the server before the adapter starts (an unreachable API at start-up). */
  beforeStart?: (server: TelegramServer) => void;
  /** Wraps the core's handle, e.g. to fail outside dispatch. */
  wrapHandle?: (handle: (inv: Invocation) => Promise<import("../../../src/core/reply").Reply>) => AdapterDeps["handle"];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const server = options.server ?? (await startTelegramServer());
  const admins = new Set(options.admins ?? []);
  const core = await createCore({
    today: TODAY,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    commands: [...allCommands, ...(options.extraCommands ?? [])],
    services: { isAdmin: (userId) => admins.has(userId), ...(options.store ? { store: options.store } : {}) },
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: "info", secrets: [server.token], destination });
  const deps: AdapterDeps = {
    commands: core.commands,
    handle: options.wrapHandle ? options.wrapHandle(core.handle) : core.handle,
    corpus: () => core.holder.get(),
    pages: options.pages ?? core.pages,
    logger,
    ...(options.userLang ? { userLang: options.userLang } : {}),
  };
  const store = options.store;
  if (options.chatMoved) deps.chatMoved = options.chatMoved;
  else if (store) deps.chatMoved = async (from, to) => void (await store.moveChat(from, to));
  const adapter = createTelegramAdapter(
    {
      token: server.token,
      apiRoot: server.apiRoot,
      // Short so the retry tests stay fast; the real waits are still honoured.
      retry: { maxRetryAttempts: 3, maxDelaySeconds: 5 },
      // The throttler stays in the chain, without limits, so tests run at full speed.
      throttle: { global: {}, group: {}, out: {} },
      ...(options.reconnect ? { reconnect: options.reconnect } : {}),
      ...(options.webhook
        ? { webhook: { url: "https://bot.example.org/tg-hook", port: 0, host: "127.0.0.1", secret: "s3cret_Token-1" } }
        : {}),
    },
    deps,
  );
  options.beforeStart?.(server);
  await adapter.start();
  return {
    server,
    adapter,
    core,
    logs,
    async close() {
      await adapter.stop();
      if (!options.server) await server.close();
    },
  };
}
