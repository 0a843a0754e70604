// Shared pieces of the scheduler tests: the real corpus, a SQLite store in a temp dir, a recording sender.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { DEFAULT_DATA_DIR } from "../../src/app";
import type { Corpus } from "../../src/core/corpus";
import type { Lang } from "../../src/core/i18n";
import { PageTokens } from "../../src/core/paging";
import type { Reply } from "../../src/core/reply";
import type { StateStore } from "../../src/core/services";
import { CorpusHolder } from "../../src/corpus/holder";
import {
  createTelegramAdapter,
  type TelegramAdapter,
  telegramAdapterOptions,
} from "../../src/platforms/telegram/adapter";
import { ManualClock } from "../../src/schedule/clock";
import type { Sender } from "../../src/schedule/scheduler";
import { openStore } from "../../src/store/open";
import type { TelegramServer } from "../support/telegram-server";

let corpus: Corpus | undefined;
export async function realCorpus(): Promise<Corpus> {
  corpus ??= (await CorpusHolder.load(DEFAULT_DATA_DIR)).get();
  return corpus;
}

export interface TempStore {
  url: string;
  open(now?: () => number): Promise<StateStore>;
  remove(): Promise<void>;
}

export async function tempSqlite(): Promise<TempStore> {
  const dir = await mkdtemp(join(tmpdir(), "huunghi-sched-"));
  const url = `sqlite://${join(dir, "bot.sqlite")}`;
  return {
    url,
    open: (now) => openStore(url, now ? { now } : {}),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Queue limits that never make a test wait: no pacing to speak of, and a quick back-off. */
export const NO_WAIT = { perSecond: 1000, perChatMs: 0, perGroupPerMinute: 60_000, backoffBaseMs: 5, backoffMaxMs: 20 };

/**
 * A SQLite store in a temporary directory whose clock (lease times) is a ManualClock starting at `start`; `open`
 * gives another connection to it (a second process). Everything is closed and removed by the returned cleanup.
 */
export async function storeOnClock(start: Date) {
  const temp = await tempSqlite();
  const clock = new ManualClock(start);
  const stores: StateStore[] = [];
  const open = async () => {
    const store = await temp.open(() => clock.now().getTime());
    stores.push(store);
    return store;
  };
  const store = await open();
  const cleanup = async () => {
    for (const s of stores) await s.close().catch(() => {});
    await temp.remove();
  };
  return { clock, store, open, cleanup };
}

export interface Sent {
  chatId: string;
  reply: Reply;
  lang: Lang;
}

/** A sender that records what it was given; `fail` decides, per call, to throw instead. */
export function recordingSender(fail?: (chatId: string, call: number) => unknown): Sender & { sent: Sent[] } {
  const sent: Sent[] = [];
  let calls = 0;
  const sender = async (chatId: string, reply: Reply) => {
    calls++;
    const error = fail?.(chatId, calls);
    if (error) throw error;
    sent.push({ chatId, reply, lang: reply.lang });
  };
  return Object.assign(sender, { sent });
}

/** A daily 08:00 Vietnamese subscription, as the store contract suite uses. */
export { subscription as sub } from "../store/contract";

/** An instant given as local wall time in a zone: at("2027-07-15 08:00") in Vietnam (UTC+7). */
export function at(local: string, zone = "Asia/Ho_Chi_Minh"): Date {
  const offsets: Record<string, string> = { "Asia/Ho_Chi_Minh": "+07:00", "Europe/Paris": "+02:00" };
  return new Date(`${local.replace(" ", "T")}:00${offsets[zone] ?? "Z"}`);
}

/**
 * The real Telegram adapter, built exactly as production builds it (telegramAdapterOptions), for tests that only
 * send digests through it: it answers no commands.
 */
export function sendOnlyTelegramAdapter(server: TelegramServer, corpus: Corpus): TelegramAdapter {
  return createTelegramAdapter(telegramAdapterOptions({ token: server.token, apiRoot: server.apiRoot }), {
    commands: [],
    handle: () => Promise.reject(new Error("send only: this test answers no commands")),
    corpus: () => corpus,
    pages: new PageTokens(),
    logger: pino({ level: "silent" }),
  });
}
