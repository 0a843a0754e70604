// Two bot processes on one Redis (two schedulers, each with its own store connection and delivery queue, as in
// two processes). The first claims a fan-out, then its queue is held by a 429 whose retry_after is longer than
// the lease. Its claims are renewed while they wait, so the second process finds them held and sends nothing;
// each chat gets one digest.
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../src/core/corpus";
import { createScheduler } from "../../src/schedule/scheduler";
import { openStore } from "../../src/store/open";
import { zoneAwayFromMidnight } from "../ops/support";
import { type RedisServer, startRedis } from "../support/redis";
import { startTelegramServer, type TelegramServer } from "../support/telegram-server";
import { realCorpus, sendOnlyTelegramAdapter, sub } from "./helpers";

const CHATS = 40;
const LEASE_MS = 1_500;
const RETRY_AFTER_S = 4;

let redis: RedisServer;
let server: TelegramServer;
let corpus: Corpus;
beforeAll(async () => {
  [redis, server, corpus] = await Promise.all([startRedis(), startTelegramServer(), realCorpus()]);
});
afterAll(async () => {
  await server?.close();
  await redis?.stop();
});

describe("a queue held longer than the lease", () => {
  it("keeps its claims: the second process sends none of them, and every chat gets one digest", async () => {
    const [storeA, storeB] = await Promise.all([openStore(redis.url), openStore(redis.url)]);
    const ids = Array.from({ length: CHATS }, (_, i) => 40_000 + i);
    // Due a minute ago in a zone far from midnight (the clocks are real here: leases run on real time).
    const zone = zoneAwayFromMidnight();
    const local = DateTime.now().setZone(zone);
    const today = local.toISODate();
    const time = local.minus({ minutes: 1 }).toFormat("HH:mm");
    const createdAt = local.minus({ hours: 3 }).toUTC().toISO() ?? "";
    for (const id of ids) await storeA.setSubscription(sub(`telegram:${id}`, { time, zone, createdAt }));

    const adapter = sendOnlyTelegramAdapter(server, corpus);
    const make = (store: typeof storeA) =>
      createScheduler({
        store,
        corpus: () => corpus,
        senders: { telegram: (chatId, reply) => adapter.send(chatId, reply) },
        leaseMs: LEASE_MS,
        queue: { perSecond: 200, perChatMs: 0, perGroupPerMinute: 60_000 },
      });
    const a = make(storeA);
    const b = make(storeB);
    // The very first send is refused with a retry_after well beyond the lease: A's whole queue waits for it.
    server.failNext("sendMessage", { status: 429, retry_after: RETRY_AFTER_S });
    const first = a.tick();
    await server.waitForArrival("sendMessage");
    await new Promise((r) => setTimeout(r, LEASE_MS * 1.5)); // A's original leases have run out by now
    const second = await b.tick();
    const firstReport = await first;

    expect(second.sent).toEqual([]);
    expect(firstReport.sent).toHaveLength(CHATS);
    const delivered = server.calls("sendMessage").map((c) => String(c.params.chat_id));
    expect(delivered).toHaveLength(CHATS);
    expect(new Set(delivered).size).toBe(CHATS);
    for (const id of ids.slice(0, 5)) {
      expect(await storeB.getDelivery(`digest:telegram:${id}:${today}`)).toMatchObject({ state: "sent" });
    }
    await Promise.all([a.stop(), b.stop()]);
    await Promise.all([storeA.close(), storeB.close()]);
  }, 60_000);
});
