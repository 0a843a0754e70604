// Fan-out benchmark: one scheduler tick delivering a digest to N chats through the delivery queue and the real
// grammY client (the Telegram adapter's send, built with the options src/main.ts uses) against the local Bot API
// server. Prints the achieved send rate as a fraction of the configured ceiling.
//   npx tsx bench/fanout.ts [--chats 1000] [--ceiling 100]
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { DEFAULT_DATA_DIR } from "../src/app";
import { PageTokens } from "../src/core/paging";
import { CorpusHolder } from "../src/corpus/holder";
import { createTelegramAdapter, telegramAdapterOptions } from "../src/platforms/telegram/adapter";
import { createScheduler } from "../src/schedule/scheduler";
import { openStore } from "../src/store/open";
import { startTelegramServer } from "../test/support/telegram-server";

const { values } = parseArgs({
  options: { chats: { type: "string", default: "1000" }, ceiling: { type: "string", default: "100" } },
});
const chats = Number(values.chats);
const ceiling = Number(values.ceiling);
if (!(chats > 1) || !(ceiling > 0)) throw new Error("--chats must be > 1 and --ceiling > 0");

const dir = await mkdtemp(join(tmpdir(), "huunghi-bench-"));
const server = await startTelegramServer();
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
  const scheduler = createScheduler({
    store,
    corpus: () => corpus,
    senders: { telegram: (chatId, reply) => adapter.send(chatId, reply) },
    queue: { perSecond: ceiling, onSend: (_, at) => grants.push(at) },
  });
  const started = performance.now();
  // 15/07/2027 08:00 in Vietnam: a day with a digest to send.
  const report = await scheduler.tick(new Date("2027-07-15T01:00:00Z"));
  const elapsed = (performance.now() - started) / 1000;

  const arrivals = server.calls("sendMessage").map((c) => c.at);
  const span = (ts: number[]) => ((ts.at(-1) ?? 0) - (ts[0] ?? 0)) / 1000;
  const sendRate = (grants.length - 1) / span(grants);
  const arrivalRate = (arrivals.length - 1) / span(arrivals);
  let busiest = 0;
  for (let from = 0, to = 0; to < grants.length; to++) {
    while ((grants[to] ?? 0) - (grants[from] ?? 0) >= 1000) from++;
    busiest = Math.max(busiest, to - from + 1);
  }
  console.log(`chats                  ${chats}`);
  console.log(
    `delivered              ${report.sent.length} (failed ${report.failed.length}, duplicates ${arrivals.length - new Set(server.calls("sendMessage").map((c) => c.params.chat_id)).size})`,
  );
  console.log(`ceiling                ${ceiling} msg/s`);
  console.log(`tick wall time         ${elapsed.toFixed(2)} s (store claims, composing, sending, marking sent)`);
  console.log(
    `achieved send rate     ${sendRate.toFixed(2)} msg/s = ${(sendRate / ceiling).toFixed(3)} of the ceiling`,
  );
  console.log(
    `rate seen by server    ${arrivalRate.toFixed(2)} msg/s = ${(arrivalRate / ceiling).toFixed(3)} of the ceiling`,
  );
  console.log(`busiest 1-s window     ${busiest} sends (ceiling ${Math.floor(ceiling)})`);
  if (report.sent.length !== chats || busiest > ceiling) process.exitCode = 1;
} finally {
  await store.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
