// 1,000 subscribers through the real grammY client (the Telegram adapter's send, built with the options
// src/main.ts uses) against the local Bot API server: all delivered, none twice, never faster than the
// configured ceiling, and a 429 honoured by the delivery queue for everyone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../src/core/corpus";
import type { StateStore } from "../../src/core/services";
import type { TelegramAdapter } from "../../src/platforms/telegram/adapter";
import { createScheduler } from "../../src/schedule/scheduler";
import type { SendFailure } from "../../src/schedule/send-errors";
import { parseTelegramHtml, startTelegramServer, type TelegramServer } from "../support/telegram-server";
import { at, realCorpus, sendOnlyTelegramAdapter, sub, type TempStore, tempSqlite } from "./helpers";

const CEILING = 200; // messages per second (DIGEST_RATE_PER_SECOND), for the test; production uses Telegram's 30
const N = 1000;
const DAY = "2027-07-15";

let server: TelegramServer;
let adapter: TelegramAdapter;
let temp: TempStore;
let store: StateStore;
let corpus: Corpus;

beforeAll(async () => {
  server = await startTelegramServer();
  corpus = await realCorpus();
  // Exactly what production runs: the digest path has no grammY retry or throttler of its own.
  adapter = sendOnlyTelegramAdapter(server, corpus);
  temp = await tempSqlite();
  store = await temp.open();
});

afterAll(async () => {
  await store?.close();
  await temp?.remove();
  await server?.close();
});

/** The most grants inside any window of `ms` milliseconds. */
function busiestWindow(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while ((sorted[to] ?? 0) - (sorted[from] ?? 0) >= ms) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

describe("fan-out to 1,000 subscribers over grammY", () => {
  it("delivers every digest once, within the rate ceiling, pausing everyone for a 429's retry_after", async () => {
    // Half private chats, half groups; alternate languages.
    const ids = Array.from({ length: N }, (_, i) => (i % 2 ? 10_000 + i : -1_000_000 - i));
    const createdAt = at(`${DAY} 07:00`).toISOString();
    for (const [i, id] of ids.entries()) {
      await store.setSubscription(sub(`telegram:${id}`, { lang: i % 3 ? "vi" : "en", createdAt }));
    }
    const throttled = ids[300] as number;
    server.failNext("sendMessage", { status: 429, retry_after: 1, chat_id: throttled });

    const grants: number[] = [];
    const retries: { chatId: string; failure: SendFailure; waitMs: number; at: number }[] = [];
    const scheduler = createScheduler({
      store,
      corpus: () => corpus,
      senders: { telegram: (chatId, reply) => adapter.send(chatId, reply) },
      queue: {
        perSecond: CEILING,
        onSend: (_, grantedAt) => grants.push(grantedAt),
        onRetry: (chatId, failure, waitMs, decidedAt) => retries.push({ chatId, failure, waitMs, at: decidedAt }),
      },
    });

    const report = await scheduler.tick(at(`${DAY} 08:00`));
    expect(report.sent).toHaveLength(N);
    expect(report.failed).toEqual([]);

    // All delivered, none twice.
    const delivered = server.calls("sendMessage").map((c) => String(c.params.chat_id));
    expect(delivered).toHaveLength(N);
    expect(new Set(delivered).size).toBe(N);
    expect(new Set(delivered)).toEqual(new Set(ids.map(String)));
    const first = server.calls("sendMessage").find((c) => c.params.chat_id === ids[0]);
    expect(parseTelegramHtml(first?.params.text)).toMatch(/^Hữu Nghị briefing — 15\/07\/2027/);
    const second = server.calls("sendMessage").find((c) => c.params.chat_id === ids[1]);
    expect(parseTelegramHtml(second?.params.text)).toMatch(/^Bản tin Hữu Nghị — 15\/07\/2027/);

    // Never above the ceiling, counting every attempt the queue let through (the 429'd one too).
    expect(grants).toHaveLength(N + 1);
    expect(busiestWindow(grants, 1000)).toBeLessThanOrEqual(CEILING);

    // The 429 was honoured: that chat was retried no sooner than retry_after, and nobody was sent to meanwhile.
    const refused = server.attempts.filter((c) => c.status === 429);
    expect(refused.map((c) => c.params.chat_id)).toEqual([throttled]);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ chatId: `telegram:${throttled}`, waitMs: 1000 });
    const retried = server.calls("sendMessage").find((c) => c.params.chat_id === throttled);
    expect(retried?.at).toBeGreaterThanOrEqual((refused[0]?.at ?? 0) + 1000);
    const pausedFrom = retries[0]?.at ?? 0;
    // (A grant in the very millisecond the 429 came back may precede the hold.)
    expect(grants.filter((g) => g > pausedFrom && g < pausedFrom + 1000)).toEqual([]);

    // A second run in the same period sends nothing.
    const again = await scheduler.tick(at(`${DAY} 08:01`));
    expect(again.sent).toEqual([]);
    expect(server.calls("sendMessage")).toHaveLength(N);
  }, 60_000);
});
