// The delivery scenarios, each through the real grammY client (the Telegram adapter's send) against the
// local Bot API server, with a controllable clock: what reaches "Telegram" is what is asserted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../src/core/corpus";
import type { StateStore } from "../../src/core/services";
import type { TelegramAdapter } from "../../src/platforms/telegram/adapter";
import { ManualClock } from "../../src/schedule/clock";
import { createScheduler, type Scheduler } from "../../src/schedule/scheduler";
import { parseTelegramHtml, startTelegramServer, type TelegramServer } from "../support/telegram-server";
import { at, realCorpus, sendOnlyTelegramAdapter, sub, type TempStore, tempSqlite } from "./helpers";

let server: TelegramServer;
let adapter: TelegramAdapter;
let corpus: Corpus;

beforeAll(async () => {
  server = await startTelegramServer();
  corpus = await realCorpus();
  adapter = sendOnlyTelegramAdapter(server, corpus);
});
afterAll(async () => {
  await server?.close();
});

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

let nextChat = -100_500;
/** A fresh group chat, its store (one SQLite file = one bot's state) and a way to start a bot process. */
async function scenario(start: string, lang: "vi" | "en" = "vi") {
  const chat = nextChat--;
  const temp: TempStore = await tempSqlite();
  const clock = new ManualClock(at(start));
  const stores: StateStore[] = [];
  cleanups.push(async () => {
    for (const s of stores) await s.close().catch(() => {});
    await temp.remove();
  });
  const openProcess = async (): Promise<{ store: StateStore; scheduler: Scheduler }> => {
    const store = await temp.open(() => clock.now().getTime());
    stores.push(store);
    const scheduler = createScheduler({
      store,
      corpus: () => corpus,
      clock,
      senders: { telegram: (chatId, reply) => adapter.send(chatId, reply) },
      queue: { perSecond: 1000, perChatMs: 0, perGroupPerMinute: 60_000 },
    });
    return { store, scheduler };
  };
  const first = await openProcess();
  await first.store.setSubscription(sub(`telegram:${chat}`, { lang, createdAt: at(start).toISOString() }));
  const posts = () =>
    server
      .calls("sendMessage")
      .filter((c) => c.params.chat_id === chat)
      .map((c) => parseTelegramHtml(c.params.text));
  const tickAt = async (s: Scheduler, local: string) => {
    clock.set(at(local));
    return s.tick();
  };
  return { chat, clock, first, openProcess, posts, tickAt };
}

describe("digest delivery scenarios over grammY", () => {
  it("a subscription set at 08:00 gets exactly one digest, at 08:00 local time, in its language", async () => {
    const { first, posts, tickAt } = await scenario("2027-07-15 06:00", "en");
    for (const t of ["07:00", "07:59"]) await tickAt(first.scheduler, `2027-07-15 ${t}`);
    expect(posts()).toEqual([]);
    await tickAt(first.scheduler, "2027-07-15 08:00");
    expect(posts()).toHaveLength(1);
    expect(posts()[0]).toMatch(/^Hữu Nghị briefing — 15\/07\/2027[\s\S]*50th anniversary/);
    for (const t of ["08:01", "12:00", "23:59"]) await tickAt(first.scheduler, `2027-07-15 ${t}`);
    expect(posts()).toHaveLength(1);
  });

  it("restart right after posting: no second post", async () => {
    const { first, openProcess, posts, tickAt } = await scenario("2027-07-15 06:00");
    await tickAt(first.scheduler, "2027-07-15 08:00");
    expect(posts()).toHaveLength(1);
    await first.store.close();
    const restarted = await openProcess();
    await tickAt(restarted.scheduler, "2027-07-15 08:01");
    await tickAt(restarted.scheduler, "2027-07-15 08:02");
    expect(posts()).toHaveLength(1);
    expect(posts()[0]).toMatch(/^Bản tin Hữu Nghị — 15\/07\/2027/);
  });

  it("crash between claim and send: posted once, after the lease", async () => {
    const { chat, first, openProcess, posts, tickAt, clock } = await scenario("2027-07-15 06:00");
    clock.set(at("2027-07-15 08:00"));
    // The crashed process got as far as the claim.
    expect(await first.store.claimDelivery(`digest:telegram:${chat}:2027-07-15`, "crashed", 10 * 60_000)).toBe(
      "claimed",
    );
    await first.store.close();
    const restarted = await openProcess();
    await tickAt(restarted.scheduler, "2027-07-15 08:01");
    await tickAt(restarted.scheduler, "2027-07-15 08:09");
    expect(posts()).toEqual([]);
    await tickAt(restarted.scheduler, "2027-07-15 08:10");
    await tickAt(restarted.scheduler, "2027-07-15 08:11");
    expect(posts()).toHaveLength(1);
  });

  it("down over 08:00 and back at 09:00: posted once at start", async () => {
    const { openProcess, first, posts, tickAt, clock } = await scenario("2027-07-15 06:00");
    await tickAt(first.scheduler, "2027-07-15 07:30");
    await first.store.close();
    clock.set(at("2027-07-15 09:00"));
    const back = await openProcess();
    back.scheduler.start();
    const deadline = Date.now() + 5_000;
    // start() runs its catch-up tick at the clock's time.
    while (posts().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await back.scheduler.stop();
    expect(posts()).toHaveLength(1);
    await tickAt(back.scheduler, "2027-07-15 09:01");
    expect(posts()).toHaveLength(1);
  }, 10_000);

  it("down over 08:00 and back the next day: recorded missed, not posted", async () => {
    const { chat, openProcess, first, posts, tickAt } = await scenario("2027-07-15 06:00");
    await tickAt(first.scheduler, "2027-07-15 07:30");
    await first.store.close();
    const back = await openProcess();
    const report = await tickAt(back.scheduler, "2027-07-16 07:00");
    expect(report.missed).toEqual([`digest:telegram:${chat}:2027-07-15`]);
    expect(await back.store.getDelivery(`digest:telegram:${chat}:2027-07-15`)).toMatchObject({ state: "missed" });
    expect(posts()).toEqual([]);
    await tickAt(back.scheduler, "2027-07-16 08:00");
    expect(posts()).toHaveLength(1);
    expect(posts()[0]).toMatch(/^Bản tin Hữu Nghị — 16\/07\/2027/);
  });
});
