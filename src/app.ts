// The platform-free part of the composition root: corpus, commands, dispatch. Used by main, ask and tests.
import { resolve } from "node:path";
import type { Logger } from "pino";
import { commands as allCommands } from "../commands/index";
import type { Command } from "./core/command";
import { type DispatchEnv, dispatch, type Invocation } from "./core/dispatch";
import { PageTokens } from "./core/paging";
import type { Reply } from "./core/reply";
import type { Services } from "./core/services";
import { DEFAULT_ZONE, todayIn } from "./core/today";
import { CorpusHolder } from "./corpus/holder";

export interface CoreOptions {
  dataDir?: string;
  /** Fixed "today" (YYYY-MM-DD), for `--date` and tests; otherwise the clock in `zone`. */
  today?: string | (() => string);
  zone?: string;
  services?: Services;
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

export async function createCore(options: CoreOptions = {}): Promise<Core> {
  const holder = await CorpusHolder.load(options.dataDir ?? DEFAULT_DATA_DIR);
  const commands = options.commands ?? allCommands;
  const zone = options.zone ?? DEFAULT_ZONE;
  const fixed = options.today;
  const today = typeof fixed === "function" ? fixed : fixed ? () => fixed : () => todayIn(zone);
  const services: Services = {
    reload: () => holder.reload(),
    zone,
    ...options.services,
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
