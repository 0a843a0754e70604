// The platform-free part of the composition root: corpus, commands, services, dispatch. Used by main, ask and
// tests. The services are completed here, once: whatever a caller does not give gets its one default.
import { resolve } from "node:path";
import type { Logger } from "pino";
import { commands as allCommands } from "../commands/index";
import type { Command } from "./core/command";
import { composeDigest } from "./core/digest";
import { type DispatchEnv, dispatch, type Invocation } from "./core/dispatch";
import { PageTokens } from "./core/paging";
import type { Reply } from "./core/reply";
import { NO_STORE, type Services } from "./core/services";
import { DEFAULT_ZONE, todayIn } from "./core/today";
import { CorpusHolder } from "./corpus/holder";
import { inboxPort } from "./ingest/port";
import { createStatus } from "./ops/status";
import { nextDue } from "./schedule/period";

/** The services a caller may give; `commands` always comes from the core. */
export type ServiceOptions = Partial<Omit<Services, "commands">>;

export interface CoreOptions {
  dataDir?: string;
  /** An already loaded corpus (src/main.ts loads it first); otherwise `dataDir` is loaded. */
  holder?: CorpusHolder;
  /** Where validated corpus snapshots are kept (see src/corpus/load.ts); none: every load parses the YAML. */
  cacheDir?: string;
  /** Fixed "today" (YYYY-MM-DD), for `--date` and tests; otherwise the clock in `zone`. */
  today?: string | (() => string);
  /** The bot's time zone (BOT_TIMEZONE); the default zone of everything else. */
  zone?: string;
  services?: ServiceOptions;
  logger?: Logger;
  commands?: readonly Command[];
}

export interface Core {
  holder: CorpusHolder;
  commands: readonly Command[];
  env: DispatchEnv;
  pages: PageTokens;
  handle(inv: Invocation): Promise<Reply>;
}

export const DEFAULT_DATA_DIR = resolve(import.meta.dirname, "..", "data");
/** The snapshot cache of the bot and `npm run ask` unless CORPUS_CACHE_DIR says otherwise (gitignored). */
export const DEFAULT_CACHE_DIR = resolve(import.meta.dirname, "..", "var", "cache");

export async function createCore(options: CoreOptions = {}): Promise<Core> {
  const holder =
    options.holder ??
    (await CorpusHolder.load(
      options.dataDir ?? DEFAULT_DATA_DIR,
      options.cacheDir ? { cacheDir: options.cacheDir } : {},
    ));
  const commands = options.commands ?? allCommands;
  const zone = options.zone ?? DEFAULT_ZONE;
  const fixed = options.today;
  const today = typeof fixed === "function" ? fixed : fixed ? () => fixed : () => todayIn(zone);
  const given = options.services ?? {};
  const store = given.store ?? NO_STORE;
  const services: Services = {
    store,
    zone,
    digestZone: zone,
    isAdmin: () => false,
    reload: () => holder.reload(),
    status: createStatus({ startedAt: Date.now(), corpus: () => holder.get(), platforms: () => [], store }),
    nextDigestDue: (sub) => nextDue(sub, new Date()).toJSDate(),
    previewDigest: async (_chatId, lang) => composeDigest(holder.get(), { today: today(), lang }),
    reportError: (error, what) => options.logger?.warn({ err: error }, what),
    ingest: inboxPort(
      holder.dataDir,
      () => holder.get(),
      () => services.reload(),
    ),
    ...given,
    commands,
  };
  const env: DispatchEnv = {
    commands,
    corpus: () => holder.get(),
    services,
    today,
    onError: (error, inv) => options.logger?.error({ err: error, invocation: inv }, "command failed"),
  };
  return { holder, commands, env, pages: new PageTokens(), handle: (inv) => dispatch(inv, env) };
}
