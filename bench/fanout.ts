// Fan-out benchmark: one scheduler tick delivering a digest to N chats through the delivery queue and the real
// grammY client (the Telegram adapter's send, built with the options src/main.ts uses) against the local Bot API
// server, at Telegram's real ceiling (30 msg/s), with the server answering some sends 429 + retry_after.
// Prints the achieved rate as a fraction of the ceiling (over the time the queue was allowed to send: a
// retry_after holds everyone, as it must), the 429s received, duplicates and losses, the store round trips taken
// to claim the deliveries, and the event-loop delay meanwhile. `--check` exits 1 when a goal is missed
// (rate ≥ 0.95 of the ceiling, no duplicate, no loss, never above the ceiling in any second, at most one claim
// round trip per ten chats).
//   npx tsx bench/fanout.ts [--chats 1000] [--ceiling 30] [--too-many 0.005] [--retry-after 1] [--check]
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pino from "pino";
import { DEFAULT_DATA_DIR } from "../src/app";
import { PageTokens } from "../src/core/paging";
import type { StateStore } from "../src/core/services";
import { CorpusHolder } from "../src/corpus/holder";
import { createTelegramAdapter, telegramAdapterOptions } from "../src/platforms/telegram/adapter";
import { createScheduler } from "../src/schedule/scheduler";
import { openStore } from "../src/store/open";
import { startTelegramServer } from "../test/support/telegram-server";

const { values } = parseArgs({
  options: {
    chats: { type: "string", default: "1000" },
    ceiling: { type: "string", default: "30" },
    "too-many": { type: "string", default: "0.005" },
    "retry-after": { type: "string", default: "1" },
    check: { type: "boolean", default: false },
  },
});
const chats = Number(values.chats);
const ceiling = Number(values.ceiling);
const tooMany = Number(values["too-many"]);
const retryAfter = Number(values["retry-after"]);
if (!(chats > 1) || !(ceiling > 0) || !(tooMany >= 0 && tooMany < 1) || !(retryAfter >= 0)) {
  throw new Error("--chats must be > 1, --ceiling > 0, --too-many in [0, 1), --retry-after ≥ 0");
}

/** The store, counting the round trips that claim deliveries. */
function countingClaims(store: StateStore) {
  const counts = { roundTrips: 0 };
  const proxy = new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (property === "claimDelivery" || property === "claimDeliveries") {
        return (...args: unknown[]) => {
          counts.roundTrips++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
  return { proxy, counts };
}

const dir = await mkdtemp(join(tmpdir(), "huunghi-bench-"));
const server = await startTelegramServer({ faults: { tooManyRequests: tooMany, retryAfter, seed: 7 } });
const store = await openStore(`sqlite://${join(dir, "bench.sqlite")}`);
try {
  const corpus = (await CorpusHolder.load(DEFAULT_DATA_DIR)).get();
  const adapter = createTelegramAdapter(telegramAdapterOptions({ token: server.token, apiRoot: server.apiRoot }), {
    commands: [],
    handle: () => Promise.reject(new Error("send only")),
    corpus: () => corpus,
    pages: new PageTokens(),
    logger: pino({ level: "silent" }),
  });
  for (let i = 0; i < chats; i++) {
    await store.setSubscription({
      chatId: `telegram:${i % 2 ? 10_000 + i : -1_000_000 - i}`,
      platform: "telegram",
      time: "08:00",
      cadence: "daily",
      lang: i % 2 ? "en" : "vi",
      zone: "Asia/Ho_Chi_Minh",
      createdBy: "bench",
      createdAt: "2027-07-15T00:00:00Z",
    });
  }
  const grants: number[] = [];
  const holds: Array<[number, number]> = [];
  const { proxy, counts } = countingClaims(store);
  const scheduler = createScheduler({
    store: proxy,
    corpus: () => corpus,
    senders: { telegram: (chatId, reply) => adapter.send(chatId, reply) },
    // Private chats here: one message each, so only the global ceiling paces the fan-out.
    queue: {
      perSecond: ceiling,
      maxAttempts: 10,
      onSend: (_, at) => grants.push(at),
      onRetry: (_, failure, waitMs, at) => {
        if (failure.kind === "rate-limited") holds.push([at, at + waitMs]);
      },
    },
  });
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const started = performance.now();
  // 15/07/2027 08:00 in Vietnam: a day with a digest to send.
  const report = await scheduler.tick(new Date("2027-07-15T01:00:00Z"));
  const elapsed = (performance.now() - started) / 1000;
  lag.disable();
  await scheduler.stop();

  const first = grants[0] ?? 0;
  const last = grants.at(-1) ?? 0;
  // Time under a retry_after hold (overlapping holds merged), within the span of the grants.
  let heldMs = 0;
  let until = Number.NEGATIVE_INFINITY;
  for (const [from, to] of [...holds].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(from, until, first);
    const end = Math.min(to, last);
    if (end > start) heldMs += end - start;
    until = Math.max(until, to);
  }
  const spanS = (last - first) / 1000;
  const rawRate = (grants.length - 1) / spanS;
  const allowedRate = (grants.length - 1) / (spanS - heldMs / 1000);
  let busiest = 0;
  for (let from = 0, to = 0; to < grants.length; to++) {
    while ((grants[to] ?? 0) - (grants[from] ?? 0) >= 1000) from++;
    busiest = Math.max(busiest, to - from + 1);
  }
  const perChat = new Map<string, number>();
  for (const c of server.calls("sendMessage")) {
    perChat.set(String(c.params.chat_id), (perChat.get(String(c.params.chat_id)) ?? 0) + 1);
  }
  const duplicates = [...perChat.values()].reduce((sum, n) => sum + n - 1, 0);
  const lost = chats - perChat.size;
  const refused = server.attempts.filter((c) => c.method === "sendMessage" && c.status === 429).length;
  const ratio = allowedRate / ceiling;

  console.log(`chats                    ${chats}`);
  console.log(`ceiling                  ${ceiling} msg/s`);
  console.log(`delivered                ${report.sent.length} (failed ${report.failed.length})`);
  console.log(`duplicates / lost        ${duplicates} / ${lost}`);
  console.log(
    `429s received            ${refused} (retry_after ${retryAfter} s; ${(heldMs / 1000).toFixed(1)} s held)`,
  );
  console.log(`claim round trips        ${counts.roundTrips} (one per chat would be ${chats})`);
  console.log(`tick wall time           ${elapsed.toFixed(2)} s`);
  console.log(`achieved rate ÷ ceiling  ${ratio.toFixed(3)} while allowed to send (${allowedRate.toFixed(2)} msg/s)`);
  console.log(`  including 429 holds    ${(rawRate / ceiling).toFixed(3)} (${rawRate.toFixed(2)} msg/s)`);
  console.log(`busiest 1-s window       ${busiest} sends (ceiling ${Math.floor(ceiling)})`);
  console.log(
    `event-loop delay         p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`,
  );
  // Claims in batches: at most one store round trip per ten chats.
  const batched = counts.roundTrips * 10 <= chats;
  const missed = ratio < 0.95 || duplicates > 0 || lost > 0 || busiest > ceiling || !batched;
  if (missed) {
    console.log(
      "goal missed: rate ≥ 0.95 of the ceiling, 0 duplicates, 0 lost, never above the ceiling, claims in batches (≤ 1 round trip per 10 chats)",
    );
  }
  if (values.check && missed) process.exitCode = 1;
  if (report.sent.length !== chats || busiest > ceiling) process.exitCode = 1;
} finally {
  await store.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
