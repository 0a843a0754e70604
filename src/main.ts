// The composition root (`npm start`, in production `node dist/main.js`): configuration → logger → store → core →
// platforms → scheduler → ops HTTP server → signals. With no bot token it runs the interactive console instead.
//
//   npm start -- [--watch-data] [--data-dir <dir>] [--lang vi|en] [--version] [--help]
import { parseArgs } from "node:util";
import dotenv from "dotenv";
import pino, { type Logger } from "pino";
import { commands as allCommands } from "../commands/index";
import { createCore, DEFAULT_CACHE_DIR, DEFAULT_DATA_DIR } from "./app";
import { type Config, loadConfig, secretsOf } from "./config";
import { findCommand, type Invocation } from "./core/dispatch";
import { isLang, type Lang } from "./core/i18n";
import { PageTokens } from "./core/paging";
import type { StateStore } from "./core/services";
import { CorpusHolder } from "./corpus/holder";
import { createLogger, redactUrlPassword } from "./log";
import { collectLoadGarbage } from "./ops/collect-garbage";
import { watchData } from "./ops/data-watch";
import { startOpsServer } from "./ops/http";
import { InFlight } from "./ops/inflight";
import { instrumentStore } from "./ops/instrument-store";
import { createMetrics } from "./ops/metrics";
import { checkReadiness } from "./ops/readiness";
import { countedReload, reloadFromOps, serialTrigger } from "./ops/reload";
import { allSettledOrThrow, createShutdown, handleStopSignals, type ShutdownStep } from "./ops/shutdown";
import { createStatus, nextDigestText } from "./ops/status";
import type { AdapterDeps } from "./platforms/adapter";
import { createConsoleAdapter } from "./platforms/console/console";
import { PlatformRegistry } from "./platforms/registry";
import { createScheduler } from "./schedule/scheduler";
import { UserLangCache, withLangCache } from "./store/lang-cache";
import { openStore } from "./store/open";
import { versionLine } from "./version";

const USAGE = "usage: npm start -- [--watch-data] [--data-dir <dir>] [--lang vi|en] [--version] [--help]";

const HELP = `${versionLine()}
Hữu Nghị: cited briefings on Vietnam–Laos cooperation, on Telegram and Discord.

${USAGE}
   (in production: node dist/main.js [options], after npm run build)

  --watch-data        reload the corpus when files in the data directory change (WATCH_DATA=true)
  --data-dir <dir>    the corpus directory (DATA_DIR; default: data/ beside the program)
  --lang vi|en        the console's language when no platform token is set (default vi)
  -v, --version       print the version and exit
  -h, --help          print this help and exit

Configuration comes from the environment and an optional .env file (every variable: .env.example).
With neither TELEGRAM_BOT_TOKEN nor DISCORD_TOKEN set, the bot answers at this terminal instead.
Running it as a service: docs/deploy.md.`;

interface Flags {
  watchData: boolean;
  dataDir?: string;
  /** Only when given: an explicit --lang wins over a language saved in the store. */
  lang?: Lang;
}

function readFlags(argv: string[]): Flags {
  const { values } = parseArgs({
    args: argv,
    options: {
      "watch-data": { type: "boolean" },
      "data-dir": { type: "string" },
      lang: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  if (values.version) {
    console.log(versionLine());
    process.exit(0);
  }
  const lang = values.lang;
  if (lang !== undefined && !isLang(lang)) throw new Error(`--lang must be vi or en, not "${lang}"`);
  const flags: Flags = { watchData: values["watch-data"] ?? false };
  if (lang !== undefined) flags.lang = lang;
  if (values["data-dir"]) flags.dataDir = values["data-dir"];
  return flags;
}

async function main(): Promise<void> {
  let flags: Flags;
  try {
    flags = readFlags(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  // An optional .env next to the working directory; variables already set in the environment win.
  dotenv.config({ quiet: true });
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(
      `Cấu hình không hợp lệ · Invalid configuration (see .env.example):\n${loaded.errors.map((e) => `  - ${e}`).join("\n")}`,
    );
    process.exit(2);
  }
  const config: Config = loaded.config;
  const consoleMode = !config.telegram && !config.discord;
  // In console mode stdout belongs to the conversation; logs go to stderr. At an interactive prompt only warnings
  // and errors are logged unless LOG_LEVEL asks for more, so log lines do not land on the prompt.
  const atPrompt = consoleMode && process.stdin.isTTY === true;
  const logger: Logger = createLogger({
    level: atPrompt && !process.env.LOG_LEVEL ? "warn" : config.logLevel,
    secrets: secretsOf(config),
    ...(consoleMode ? { destination: pino.destination(2) } : {}),
  });
  const startedAt = Date.now();

  const shutdownSteps: ShutdownStep[] = [];
  const shutdown = createShutdown({ steps: shutdownSteps, timeoutMs: config.shutdownTimeoutMs, logger });
  handleStopSignals(shutdown, logger);
  // Whatever escapes every handler is logged and stops the bot through the same orderly stop (exit 1), so
  // the store is still flushed and closed and the digests being sent are recorded.
  process.on("unhandledRejection", (reason) => {
    logger.fatal({ err: reason }, "unhandled promise rejection; stopping");
    void shutdown("unhandled rejection", 1);
  });
  process.on("uncaughtException", (error) => {
    logger.fatal({ err: error }, "uncaught exception; stopping");
    void shutdown("uncaught exception", 1);
  });

  const holder = await loadCorpusOrExit(flags.dataDir ?? config.dataDir ?? DEFAULT_DATA_DIR, logger);
  const metrics = createMetrics({ knownCommands: allCommands.map((c) => c.name) });
  // The user's language is read once and kept (src/store/lang-cache.ts): no store round trip per update.
  const opened = await openStoreOrExit(config, logger, metrics);
  const langs = new UserLangCache(opened);
  const store = withLangCache(opened, langs);

  // The platforms are started last, but the services and the scheduler are built complete before them:
  // what those need from the platforms (the senders, who is connected) is read through these two.
  const registry = new PlatformRegistry();
  const { adapters } = registry;
  const platforms = () => registry.status();

  const scheduler = createScheduler({
    store,
    corpus: () => holder.get(),
    senders: registry.senders,
    queues: registry.queues,
    logger,
    zone: config.digest.zone,
    catchUp: config.digest.settings.catchUp,
    leaseMs: config.digest.settings.leaseMs,
    postEmpty: config.digest.settings.postEmpty,
    digest: config.digest.settings.digest,
    onDelivery: (outcome) => metrics.digest(outcome),
  });
  const reload = countedReload(() => holder.reload(), metrics);
  const core = await createCore({
    holder,
    zone: config.zone,
    logger,
    services: {
      store,
      digestZone: config.digest.zone,
      isAdmin: (userId) =>
        config.adminIds.has(userId) || (config.consoleAdmin && consoleMode && userId === "console:local"),
      reload,
      status: createStatus({
        startedAt,
        corpus: () => holder.get(),
        platforms,
        store,
        nextDigest: nextDigestText({
          enabled: config.digest.enabled,
          zone: config.zone,
          nextRun: () => scheduler.nextRun(),
        }),
      }),
      previewDigest: (chatId, lang) => scheduler.preview(chatId, lang),
      reportError: (error, what) => logger.warn({ err: error }, what),
    },
  });
  // Counted under the command's own name, whichever alias was typed ("/tinh" counts as province).
  core.env.onDone = (inv, outcome, ms) =>
    metrics.commandDone(findCommand(core.commands, inv.command)?.name ?? inv.command, outcome, ms);

  // Every command goes through here, so shutdown can wait for the ones still being answered.
  const inFlight = new InFlight();
  const handle = (inv: Invocation) => inFlight.track(core.handle(inv));
  const deps: AdapterDeps = {
    commands: core.commands,
    handle,
    corpus: () => core.holder.get(),
    // Page tokens live in the store too, so a button works after a restart and on any replica.
    pages: new PageTokens(10_000, store, (error) => logger.warn({ err: error }, "page token store failed")),
    logger,
    userLang: (userId) => langs.lookup(userId),
    chatMoved: async (from, to) => {
      if (await store.moveChat(from, to)) logger.info({ from, to }, "subscription moved to the chat's new id");
    },
  };

  // A platform joins the bot in one line, register(…): started and stopped with it, and its chats get their
  // digests through it (src/platforms/registry.ts).
  const register = registry.register.bind(registry);
  // Each platform's client library is loaded only when that platform is configured (discord.js alone is tens of
  // megabytes of memory). A platform is one line here.
  if (config.telegram) {
    const { createTelegramAdapter, telegramAdapterOptions } = await import("./platforms/telegram/adapter");
    // The DIGEST_RATE_* limits are Telegram's; the other platforms keep their own.
    register(createTelegramAdapter(telegramAdapterOptions(config.telegram), deps), config.digest.settings.queue);
  }
  if (config.discord) {
    const { token, applicationId, guildId, apiRoot, preferVietnamese } = config.discord;
    const { createDiscordAdapter } = await import("./platforms/discord/adapter");
    const discord = createDiscordAdapter(
      {
        token,
        applicationId,
        ...(guildId ? { guildId } : {}),
        ...(apiRoot ? { apiRoot } : {}),
        ...(preferVietnamese !== undefined ? { preferVietnamese } : {}),
      },
      deps,
    );
    register(discord);
  }
  if (consoleMode) {
    const terminal = createConsoleAdapter(
      {
        input: process.stdin,
        output: process.stdout,
        ...(flags.lang ? { lang: flags.lang } : {}),
        onEnd: () => void shutdown("end of input"),
      },
      deps,
    );
    register(terminal);
  }

  // Reloads from outside a chat: SIGHUP, and --watch-data / WATCH_DATA.
  const opsReload = (who: string) => serialTrigger(() => reloadFromOps({ reload, who, store, logger }));
  const onSighup = opsReload("system:sighup");
  const sighup = () => void onSighup();
  process.on("SIGHUP", sighup);
  const watcher =
    flags.watchData || config.watchData
      ? watchData(core.holder.dataDir, opsReload("system:data-watch"), { logger })
      : undefined;

  const http = config.http
    ? await startOpsServer({
        host: config.http.host,
        port: config.http.port,
        metrics,
        logger,
        readiness: () => checkReadiness({ corpusVersion: () => core.holder.get().version, store, platforms }),
      })
    : undefined;
  if (http) logger.info({ url: http.url }, `ops http server listening on ${http.url}`);

  // Stop order (docs/operations.md, "Stopping"): no new reloads; no new updates, interactions or digest ticks;
  // the commands being answered and the digests being sent finish (the platforms can still post); the
  // platforms disconnect; the ops server closes; last, the store is flushed and closed. Each step has a share
  // of SHUTDOWN_TIMEOUT_SECONDS it must be over by, so a hung one is left behind and the store still closes.
  let finishing: Promise<unknown>[] = [];
  const share = (fraction: number) => Math.max(0, Math.floor(config.shutdownTimeoutMs * fraction));
  shutdownSteps.push(
    {
      name: "stop reload triggers",
      by: 0.05,
      run: () => {
        process.off("SIGHUP", sighup);
        watcher?.close();
      },
    },
    {
      name: "stop taking updates",
      by: 0.1,
      run: () => {
        // Each platform stops its intake at once; what it is still handling is awaited in the next step.
        // An adapter without stopIntake (Telegram, console) keeps sending after stop(), so stop() does here.
        finishing = adapters.map((a) => (a.stopIntake ? a.stopIntake() : a.stop()));
        // The digest clock stops now; sends under way get until 60% of the bound, then queued ones are dropped
        // (their claims expire and a later start retries them).
        finishing.push(scheduler.stop(share(0.6)));
        // Failures are reported by the next step, which awaits these; until then they are not "unhandled".
        for (const work of finishing) work.catch(() => {});
      },
    },
    {
      name: "finish commands and digests in flight",
      by: 0.7,
      run: () => allSettledOrThrow([inFlight.drain(), ...finishing]),
    },
    {
      name: "disconnect platforms",
      by: 0.8,
      run: () => allSettledOrThrow(adapters.filter((a) => a.stopIntake).map((a) => a.stop())),
    },
    { name: "close ops http server", by: 0.85, run: () => http?.close() },
    {
      name: "close store",
      run: async () => {
        // The page tokens issued last are written with the others first (src/core/paging.ts).
        await deps.pages.flushed();
        await store.close();
      },
    },
  );

  // The platforms start side by side. One that cannot reach its API yet keeps trying in the background (each
  // attempt logged) and holds up neither the others nor the digests; one that cannot start at all (a refused
  // token) stops the bot with exit 1 (docs/operations.md, "Exit codes").
  try {
    await Promise.all(adapters.map((adapter) => adapter.start()));
    if (config.digest.enabled) scheduler.start();
  } catch (error) {
    logger.fatal({ err: error }, "a platform failed to start");
    await shutdown("startup failed", 1);
    return;
  }
  logger.info(
    {
      platforms: adapters.map((a) => a.name),
      corpusVersion: core.holder.get().version,
      counts: core.holder.get().counts(),
      store: redactUrlPassword(config.storeUrl),
      admins: config.adminIds.size,
      watchData: watcher !== undefined,
    },
    "huunghi-bot started",
  );
}

async function loadCorpusOrExit(dataDir: string, logger: Logger): Promise<CorpusHolder> {
  try {
    // A validated snapshot of unchanged data skips parsing and validation (src/corpus/load.ts).
    const holder = await CorpusHolder.load(dataDir, {
      cacheDir: process.env.CORPUS_CACHE_DIR?.trim() || DEFAULT_CACHE_DIR,
    });
    collectLoadGarbage();
    return holder;
  } catch (error) {
    logger.fatal({ err: error }, "the corpus could not be loaded");
    console.error((error as Error).message);
    process.exit(1);
  }
}

async function openStoreOrExit(
  config: Config,
  logger: Logger,
  metrics: ReturnType<typeof createMetrics>,
): Promise<StateStore> {
  try {
    const store = await openStore(config.storeUrl, {
      onBackendError: (error) => logger.error({ err: error }, "store backend error"),
      onCorrupt: (error) => logger.error({ err: error }, "corrupt record skipped"),
    });
    return instrumentStore(store, (operation, error) => {
      metrics.storeError(operation);
      logger.warn({ err: error, operation }, "store operation failed");
    });
  } catch (error) {
    logger.fatal({ err: error, store: redactUrlPassword(config.storeUrl) }, "the store could not be opened");
    process.exit(1);
  }
}

await main();
