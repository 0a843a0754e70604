// The scheduler with a controllable clock, a real SQLite store and a recording sender. The same guarantees
// over the real grammY client and Redis are in fanout.test.ts and two-processes.test.ts.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../src/core/corpus";
import { digestContent, isEmptyDigest } from "../../src/core/digest";
import type { StateStore } from "../../src/core/services";
import { ChatGoneError } from "../../src/platforms/adapter";
import { createScheduler, type SchedulerOptions, type Sender } from "../../src/schedule/scheduler";
import { at, NO_WAIT, realCorpus, recordingSender, storeOnClock, sub } from "./helpers";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await realCorpus();
});

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const FAST = NO_WAIT;

/** The first day from `from` on which the corpus has nothing for a digest. */
function firstQuietDay(c: Corpus, from: string): string {
  for (let d = new Date(`${from}T00:00:00Z`), i = 0; i < 366; i++, d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    if (isEmptyDigest(digestContent(c, { today: day, lang: "vi" }))) return day;
  }
  throw new Error("no quiet day in a year");
}

async function setup(start: Date) {
  const { clock, store, open, cleanup } = await storeOnClock(start);
  cleanups.push(cleanup);
  const sender = recordingSender();
  const scheduler = (overrides: Partial<SchedulerOptions> = {}, s: StateStore = store) =>
    createScheduler({
      store: s,
      corpus: () => corpus,
      senders: { telegram: sender },
      clock,
      queue: FAST,
      ...overrides,
    });
  return { clock, store, open, sender, scheduler };
}

/** The store, except that markSent fails while `down()` says so (an outage right after a send). */
function markSentFailingWhile(store: StateStore, down: () => boolean): StateStore & { refused: number } {
  const refused = { count: 0 };
  const wrapped = new Proxy(store, {
    get(target, prop) {
      if (prop === "refused") return refused.count;
      if (prop === "markSent") {
        return (key: string, owner: string) => {
          if (!down()) return target.markSent(key, owner);
          refused.count++;
          return Promise.reject(new Error("store unreachable"));
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return wrapped as StateStore & { refused: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// 15/07/2027: the Treaty's 50th anniversary is three days away, so the digest has something to say.
const DAY = "2027-07-15";

describe("scheduled digests", () => {
  it("posts a subscription set at 08:00 exactly once, at 08:00 local time, in its language", async () => {
    const { store, sender, scheduler } = await setup(at(`${DAY} 07:00`));
    await store.setSubscription(sub("telegram:-1001", { lang: "en" }));
    await store.setSubscription(sub("telegram:-1002", { lang: "vi", time: "08:00", zone: "Europe/Paris" }));
    const s = scheduler();
    await s.tick(at(`${DAY} 07:59`));
    expect(sender.sent).toEqual([]);
    const report = await s.tick(at(`${DAY} 08:00`));
    expect(report.sent).toEqual([`digest:telegram:-1001:${DAY}`]);
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]).toMatchObject({ chatId: "telegram:-1001", lang: "en" });
    expect(sender.sent[0]?.reply.title).toBe("Hữu Nghị briefing — 15/07/2027");
    for (const time of ["08:01", "08:30", "12:00", "13:00"]) await s.tick(at(`${DAY} ${time}`));
    // 13:00 in Vietnam is 08:00 in Paris: the second chat gets its own, in Vietnamese.
    expect(sender.sent.map((x) => [x.chatId, x.lang])).toEqual([
      ["telegram:-1001", "en"],
      ["telegram:-1002", "vi"],
    ]);
    expect(sender.sent[1]?.reply.title).toBe("Bản tin Hữu Nghị — 15/07/2027");
    for (const time of ["13:01", "20:00", "23:59"]) await s.tick(at(`${DAY} ${time}`));
    expect(sender.sent).toHaveLength(2);
    expect(await store.getDelivery(`digest:telegram:-1001:${DAY}`)).toMatchObject({ state: "sent" });
  });

  it("does not post again after a restart right after posting", async () => {
    const { store, open, sender, scheduler } = await setup(at(`${DAY} 07:00`));
    await store.setSubscription(sub("telegram:-1", { createdAt: at(`${DAY} 07:00`).toISOString() }));
    await scheduler().tick(at(`${DAY} 08:00`));
    expect(sender.sent).toHaveLength(1);
    await store.close();
    // A new process: new owner id, a fresh connection to the same database file.
    const restarted = scheduler({}, await open());
    const report = await restarted.tick(at(`${DAY} 08:01`));
    expect(report.skipped).toEqual([`digest:telegram:-1:${DAY}`]);
    expect(sender.sent).toHaveLength(1);
  });

  it("after a crash between claim and send, posts once when the lease has run out", async () => {
    const { clock, store, sender, scheduler } = await setup(at(`${DAY} 08:00`));
    await store.setSubscription(sub("telegram:-1"));
    // What a process that died right after claiming leaves behind.
    expect(await store.claimDelivery(`digest:telegram:-1:${DAY}`, "dead-process", 10 * 60_000)).toBe("claimed");
    const s = scheduler({ leaseMs: 10 * 60_000 });
    clock.set(at(`${DAY} 08:05`));
    expect((await s.tick(clock.now())).skipped).toHaveLength(1);
    expect(sender.sent).toHaveLength(0);
    clock.set(at(`${DAY} 08:10`));
    expect((await s.tick(clock.now())).sent).toHaveLength(1);
    clock.set(at(`${DAY} 08:11`));
    await s.tick(clock.now());
    expect(sender.sent).toHaveLength(1);
  });

  it("a send that failed for good leaves the claim to its lease, then the next run retries it once", async () => {
    const { clock, store, scheduler } = await setup(at(`${DAY} 08:00`));
    await store.setSubscription(sub("telegram:-1"));
    const flaky = recordingSender((_, call) =>
      call === 1 ? Object.assign(new Error("Bad Gateway"), { error_code: 502 }) : undefined,
    );
    const s = scheduler({ senders: { telegram: flaky }, leaseMs: 60_000, queue: { ...FAST, maxAttempts: 1 } });
    expect((await s.tick(clock.now())).failed).toHaveLength(1);
    clock.set(new Date(at(`${DAY} 08:00`).getTime() + 30_000));
    expect((await s.tick(clock.now())).sent).toHaveLength(0);
    clock.set(at(`${DAY} 08:02`));
    expect((await s.tick(clock.now())).sent).toHaveLength(1);
    expect(flaky.sent).toHaveLength(1);
  });

  it("down over 08:00 and back at 09:00: posts once at start", async () => {
    const { store, sender, scheduler } = await setup(at(`${DAY} 07:00`));
    await store.setSubscription(sub("telegram:-1"));
    const s = scheduler();
    await s.tick(at(`${DAY} 07:58`));
    // … the bot is down from 07:59 to 09:00 …
    const report = await s.tick(at(`${DAY} 09:00`));
    expect(report.sent).toEqual([`digest:telegram:-1:${DAY}`]);
    await s.tick(at(`${DAY} 09:01`));
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]?.reply.title).toContain("15/07/2027");
  });

  it("back the next day: yesterday's digest is recorded missed, not posted; today's goes out on time", async () => {
    const { store, sender, scheduler } = await setup(at(`${DAY} 07:00`));
    const createdAt = at(`${DAY} 07:00`).toISOString();
    await store.setSubscription(sub("telegram:-1", { createdAt }));
    const s = scheduler();
    const early = await s.tick(at("2027-07-16 07:00"));
    expect(early.missed).toEqual([`digest:telegram:-1:${DAY}`]);
    expect(await store.getDelivery(`digest:telegram:-1:${DAY}`)).toMatchObject({ state: "missed" });
    expect(sender.sent).toEqual([]);
    await s.tick(at("2027-07-16 08:00"));
    expect(sender.sent.map((x) => x.reply.title)).toEqual(["Bản tin Hữu Nghị — 16/07/2027"]);

    // Back at 09:00 the next day instead: yesterday missed, today's posted once.
    const other = await setup(at(`${DAY} 07:00`));
    await other.store.setSubscription(sub("telegram:-2", { createdAt }));
    const report = await other.scheduler().tick(at("2027-07-16 09:00"));
    expect(report.missed).toEqual([`digest:telegram:-2:${DAY}`]);
    expect(report.sent).toEqual(["digest:telegram:-2:2027-07-16"]);
  });

  it("a send the store could not record is not sent again by this process, and is recorded when the store is back", async () => {
    const { clock, store, sender, scheduler } = await setup(at(`${DAY} 08:00`));
    const key = `digest:telegram:-1:${DAY}`;
    await store.setSubscription(sub("telegram:-1", { createdAt: at(`${DAY} 07:00`).toISOString() }));
    let down = true;
    const flaky = markSentFailingWhile(store, () => down);
    const s = scheduler({ leaseMs: 60_000 }, flaky);
    expect((await s.tick(clock.now())).sent).toEqual([key]);
    expect(sender.sent).toHaveLength(1);
    expect(flaky.refused).toBeGreaterThan(0);
    expect(await store.getDelivery(key)).toMatchObject({ state: "claimed", owner: s.ownerId });

    // Past the lease, the store still refusing "sent": the claim could be taken again, but not by this process.
    for (const time of ["08:05", "08:10"]) {
      clock.set(at(`${DAY} ${time}`));
      await s.tick(clock.now());
    }
    expect(sender.sent).toHaveLength(1);
    expect(await store.getDelivery(key)).toMatchObject({ state: "claimed" });

    down = false;
    clock.set(at(`${DAY} 08:11`));
    await s.tick(clock.now());
    expect(await store.getDelivery(key)).toMatchObject({ state: "sent", owner: s.ownerId });
    for (const time of ["08:12", "12:00"]) await s.tick(at(`${DAY} ${time}`));
    expect(sender.sent).toHaveLength(1);
  });

  it("down for days: each period since the subscription, a week back at most, is recorded missed once", async () => {
    const { store, open, sender, scheduler } = await setup(at("2027-07-01 07:00"));
    // Made on 01/07 (helpers' default), ticking first on 16/07 at 07:00: 09/07 … 15/07 are within the week
    // looked back on; 01/07 … 08/07 are older and left alone.
    await store.setSubscription(sub("telegram:-1"));
    // Made at 07:00 on 13/07, an hour before that day's digest: 13/07 … 15/07 only.
    await store.setSubscription(sub("telegram:-2", { createdAt: at("2027-07-13 07:00").toISOString() }));
    // Weekly on Thursdays, made 01/07: four weeks back from 16/07 are W25 … W28, of which W26 … W28 fell due
    // after it was made (W26's Thursday is 01/07 at 08:00).
    await store.setSubscription(sub("telegram:-3", { cadence: "weekly", weekday: 4 }));
    const days = (from: number, to: number, chat: string) =>
      Array.from(
        { length: to - from + 1 },
        (_, i) => `digest:telegram:${chat}:2027-07-${String(from + i).padStart(2, "0")}`,
      );
    const report = await scheduler().tick(at("2027-07-16 07:00"));
    expect(report.missed.sort()).toEqual(
      [
        ...days(9, 15, "-1"),
        ...days(13, 15, "-2"),
        "digest:telegram:-3:2027-W26",
        "digest:telegram:-3:2027-W27",
        "digest:telegram:-3:2027-W28",
      ].sort(),
    );
    for (const key of report.missed) expect(await store.getDelivery(key)).toMatchObject({ state: "missed" });
    expect(await store.getDelivery("digest:telegram:-1:2027-07-08")).toBeUndefined();
    expect(await store.getDelivery("digest:telegram:-2:2027-07-12")).toBeUndefined();
    expect(sender.sent).toEqual([]);

    // A restart finds them recorded: nothing reported missed twice, nothing posted late.
    const restarted = scheduler({}, await open());
    const again = await restarted.tick(at("2027-07-16 07:30"));
    expect(again.missed).toEqual([]);
    expect(again.skipped.sort()).toEqual(report.missed.sort());
    await restarted.tick(at("2027-07-16 08:00"));
    expect(sender.sent.map((x) => x.chatId).sort()).toEqual(["telegram:-1", "telegram:-2"]);
  });

  it("honours a catch-up window given in minutes", async () => {
    const { store, sender, scheduler } = await setup(at(`${DAY} 07:00`));
    const createdAt = at(`${DAY} 07:00`).toISOString();
    await store.setSubscription(sub("telegram:-1", { createdAt }));
    await store.setSubscription(sub("telegram:-2", { time: "08:45", createdAt }));
    const report = await scheduler({ catchUp: { minutes: 30 } }).tick(at(`${DAY} 09:00`));
    expect(report.missed).toEqual([`digest:telegram:-1:${DAY}`]);
    expect(report.sent).toEqual([`digest:telegram:-2:${DAY}`]);
    expect(sender.sent.map((x) => x.chatId)).toEqual(["telegram:-2"]);
  });

  it("posts weekly digests once per ISO week, on the chosen weekday", async () => {
    const { store, sender, scheduler } = await setup(at("2027-07-11 07:00"));
    await store.setSubscription(sub("telegram:-1", { cadence: "weekly", weekday: 4, time: "07:30" }));
    const s = scheduler();
    // Monday 12/07 … Sunday 18/07/2027; Thursday is the 15th.
    for (let d = 12; d <= 18; d++) {
      for (const time of ["07:29", "07:30", "19:00"]) await s.tick(at(`2027-07-${d} ${time}`));
    }
    expect(sender.sent).toHaveLength(1);
    expect(await store.getDelivery("digest:telegram:-1:2027-W28")).toMatchObject({ state: "sent" });
    expect(sender.sent[0]?.reply.title).toBe("Bản tin Hữu Nghị — 15/07/2027");
  });

  it("does not post a period whose time had passed before the subscription was made", async () => {
    const { store, sender, scheduler } = await setup(at(`${DAY} 10:00`));
    await store.setSubscription(sub("telegram:-1", { createdAt: at(`${DAY} 10:00`).toISOString() }));
    const s = scheduler();
    const report = await s.tick(at(`${DAY} 10:01`));
    expect(report).toMatchObject({ sent: [], missed: [] });
    await s.tick(at("2027-07-16 08:00"));
    expect(sender.sent).toHaveLength(1);
  });

  it("posts nothing on a day with nothing to say (or a short note when configured)", async () => {
    const quiet = firstQuietDay(corpus, "2027-01-01");
    const { store, sender, scheduler } = await setup(at(`${quiet} 07:00`));
    const createdAt = at(`${quiet} 07:00`).toISOString();
    await store.setSubscription(sub("telegram:-1", { createdAt }));
    const report = await scheduler().tick(at(`${quiet} 08:00`));
    expect(report.empty).toEqual([`digest:telegram:-1:${quiet}`]);
    expect(sender.sent).toEqual([]);
    expect(await store.getDelivery(`digest:telegram:-1:${quiet}`)).toMatchObject({ state: "sent" });

    const other = await setup(at(`${quiet} 07:00`));
    await other.store.setSubscription(sub("telegram:-2", { lang: "en", createdAt }));
    await other.scheduler({ postEmpty: true }).tick(at(`${quiet} 08:00`));
    expect(other.sender.sent[0]?.reply.blocks).toEqual([
      { kind: "text", line: { text: expect.stringMatching(/Nothing to report today/) } },
    ]);
  });

  it("unsubscribes and logs a chat that blocked the bot; everyone else still gets theirs", async () => {
    const { store, scheduler } = await setup(at(`${DAY} 07:00`));
    for (let i = 1; i <= 5; i++) await store.setSubscription(sub(`telegram:-${i}`));
    const sender = recordingSender((chatId) =>
      chatId === "telegram:-3"
        ? new ChatGoneError(chatId, new Error("Forbidden: bot was blocked by the user"))
        : undefined,
    );
    const report = await scheduler({ senders: { telegram: sender } }).tick(at(`${DAY} 08:00`));
    expect(report.gone).toEqual([`digest:telegram:-3:${DAY}`]);
    expect(sender.sent.map((x) => x.chatId).sort()).toEqual([
      "telegram:-1",
      "telegram:-2",
      "telegram:-4",
      "telegram:-5",
    ]);
    expect(await store.getSubscription("telegram:-3")).toBeUndefined();
    expect((await store.listAudit(5))[0]).toMatchObject({ where: "telegram:-3", what: "unsubscribe (chat gone)" });
  });

  it("retries 5xx and network errors with back-off until the send goes through", async () => {
    const { store, scheduler } = await setup(at(`${DAY} 07:00`));
    await store.setSubscription(sub("telegram:-1"));
    const sender = recordingSender((_, call) =>
      call === 1
        ? Object.assign(new Error("Internal Server Error"), { error_code: 500 })
        : call === 2
          ? Object.assign(new TypeError("fetch failed"), {
              cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }),
            })
          : undefined,
    );
    const report = await scheduler({ senders: { telegram: sender } }).tick(at(`${DAY} 08:00`));
    expect(report.sent).toHaveLength(1);
    expect(sender.sent).toHaveLength(1);
  });

  it("gives every attempt of a retried send the same reply object (the Telegram adapter resumes by it)", async () => {
    const { store, scheduler } = await setup(at(`${DAY} 07:00`));
    await store.setSubscription(sub("telegram:-1"));
    const given: unknown[] = [];
    const sender: Sender = async (_chatId, reply) => {
      given.push(reply);
      if (given.length < 3)
        throw Object.assign(new Error("Too Many Requests"), { error_code: 429, parameters: { retry_after: 0 } });
    };
    const report = await scheduler({ senders: { telegram: sender } }).tick(at(`${DAY} 08:00`));
    expect(report.sent).toHaveLength(1);
    expect(given).toHaveLength(3);
    expect(given[1]).toBe(given[0]);
    expect(given[2]).toBe(given[0]);
  });

  it("retries a send that failed for good, after the lease, with the same reply object", async () => {
    const { clock, store, scheduler } = await setup(at(`${DAY} 08:00`));
    await store.setSubscription(sub("telegram:-1", { createdAt: at(`${DAY} 07:00`).toISOString() }));
    const given: unknown[] = [];
    const sender: Sender = async (_chatId, reply) => {
      given.push(reply);
      if (given.length === 1) throw Object.assign(new Error("Bad Gateway"), { error_code: 502 });
    };
    const s = scheduler({ senders: { telegram: sender }, leaseMs: 60_000, queue: { ...FAST, maxAttempts: 1 } });
    expect((await s.tick(clock.now())).failed).toHaveLength(1);
    clock.set(at(`${DAY} 08:02`));
    expect((await s.tick(clock.now())).sent).toHaveLength(1);
    expect(given).toHaveLength(2);
    expect(given[1]).toBe(given[0]);
  });

  it("sends each platform's digests through its own sender, and leaves a platform without one unclaimed", async () => {
    const { store, sender, scheduler } = await setup(at(`${DAY} 07:00`));
    await store.setSubscription(sub("telegram:-1"));
    await store.setSubscription(sub("discord:10:20", { platform: "discord", lang: "en" }));
    await store.setSubscription(sub("console:local", { platform: "console" }));
    const discord = recordingSender();
    const report = await scheduler({ senders: { telegram: sender, discord } }).tick(at(`${DAY} 08:00`));
    expect(report.sent.sort()).toEqual([`digest:discord:10:20:${DAY}`, `digest:telegram:-1:${DAY}`]);
    expect(discord.sent.map((x) => [x.chatId, x.lang])).toEqual([["discord:10:20", "en"]]);
    expect(sender.sent.map((x) => x.chatId)).toEqual(["telegram:-1"]);
    expect(await store.getDelivery(`digest:console:local:${DAY}`)).toBeUndefined();
  });

  it("says when the next digest is due, and previews without recording", async () => {
    const { clock, store, scheduler } = await setup(at(`${DAY} 08:30`));
    const s = scheduler();
    expect(await s.nextRun()).toBeUndefined();
    await store.setSubscription(sub("telegram:-1"));
    await store.setSubscription(sub("telegram:-2", { time: "21:15" }));
    expect(await s.nextRun()).toEqual(at(`${DAY} 21:15`));
    clock.set(at(`${DAY} 22:00`));
    expect(await s.nextRun()).toEqual(at("2027-07-16 08:00"));
    const preview = await s.preview("telegram:-1", "en");
    expect(preview?.title).toBe("Hữu Nghị briefing — 15/07/2027");
    expect(await store.getDelivery(`digest:telegram:-1:${DAY}`)).toBeUndefined();
  });

  it("makes a store failure visible: the tick rejects instead of skipping subscribers", async () => {
    const { store, scheduler } = await setup(at(`${DAY} 07:00`));
    await store.setSubscription(sub("telegram:-1"));
    const s = scheduler();
    await store.close();
    await expect(s.tick(at(`${DAY} 08:00`))).rejects.toThrow(/closed/);
  });
});

describe("calendar edges", () => {
  async function tickEvery(s: { tick(now?: Date): Promise<unknown> }, from: Date, to: Date, stepMs: number) {
    for (let t = from.getTime(); t <= to.getTime(); t += stepMs) await s.tick(new Date(t));
  }

  it("posts once a day across both daylight-saving changes, even at a time that is skipped or repeated", async () => {
    const { store, sender, scheduler } = await setup(new Date("2027-03-26T00:00:00Z"));
    await store.setSubscription(
      sub("telegram:-1", { zone: "Europe/Paris", time: "02:30", createdAt: "2027-03-26T00:00:00Z" }),
    );
    const s = scheduler();
    // Spring: 28/03/2027 has no 02:30 in Paris. Autumn: 31/10/2027 has it twice.
    await tickEvery(s, new Date("2027-03-27T00:00:00Z"), new Date("2027-03-29T23:59:00Z"), 15 * 60_000);
    await tickEvery(s, new Date("2027-10-30T00:00:00Z"), new Date("2027-11-01T23:59:00Z"), 15 * 60_000);
    const days = await Promise.all(
      ["2027-03-27", "2027-03-28", "2027-03-29", "2027-10-30", "2027-10-31", "2027-11-01"].map((d) =>
        store.getDelivery(`digest:telegram:-1:${d}`),
      ),
    );
    // Each day is either sent or, if nothing to say, recorded as done; never twice.
    expect(days.every((d) => d?.state === "sent")).toBe(true);
    expect(new Set(sender.sent.map((x) => x.reply.title)).size).toBe(sender.sent.length);
  });

  it("keys weekly digests by ISO week across the turn of the year", async () => {
    const { store, scheduler } = await setup(new Date("2026-12-20T00:00:00Z"));
    await store.setSubscription(
      sub("telegram:-1", { cadence: "weekly", weekday: 1, createdAt: "2026-12-20T00:00:00Z" }),
    );
    const s = scheduler();
    await tickEvery(s, at("2026-12-27 08:00"), at("2027-01-05 08:00"), 60 * 60_000);
    expect(await store.getDelivery("digest:telegram:-1:2026-W53")).toMatchObject({ state: "sent" });
    expect(await store.getDelivery("digest:telegram:-1:2027-W01")).toMatchObject({ state: "sent" });
  });
});

describe("start and stop", () => {
  it("catches up at start, then stops cleanly", async () => {
    const { store, sender, scheduler } = await setup(at(`${DAY} 09:00`));
    await store.setSubscription(sub("telegram:-1"));
    const s = scheduler();
    s.start();
    const deadline = Date.now() + 5_000;
    while (sender.sent.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await s.stop();
    expect(sender.sent).toHaveLength(1);
    expect(await store.getDelivery(`digest:telegram:-1:${DAY}`)).toMatchObject({ state: "sent" });
  });

  it("stop() records a send the store refused during the tick, once the store answers again", async () => {
    const { clock, store, sender, scheduler } = await setup(at(`${DAY} 08:00`));
    const key = `digest:telegram:-1:${DAY}`;
    await store.setSubscription(sub("telegram:-1", { createdAt: at(`${DAY} 07:00`).toISOString() }));
    let down = true;
    const s = scheduler(
      {},
      markSentFailingWhile(store, () => down),
    );
    await s.tick(clock.now());
    expect(sender.sent).toHaveLength(1);
    expect(await store.getDelivery(key)).toMatchObject({ state: "claimed" });
    down = false;
    await s.stop();
    expect(await store.getDelivery(key)).toMatchObject({ state: "sent" });
  });

  it("stop() returns within its drain time while a send hangs, leaving the claim to its lease", async () => {
    const { clock, store, open, scheduler } = await setup(at(`${DAY} 08:00`));
    const key = `digest:telegram:-1:${DAY}`;
    await store.setSubscription(sub("telegram:-1", { createdAt: at(`${DAY} 07:00`).toISOString() }));
    let started = 0;
    const hanging: Sender = () => {
      started++;
      return new Promise<void>(() => {}); // a request that never comes back
    };
    const s = scheduler({ senders: { telegram: hanging }, leaseMs: 60_000 });
    void s.tick(clock.now());
    for (let i = 0; i < 500 && started === 0; i++) await sleep(10);
    expect(started).toBe(1);
    // Before, stop() waited for that send for ever (this test then timed out).
    await s.stop(50);
    expect(await store.getDelivery(key)).toMatchObject({ state: "claimed", owner: s.ownerId });

    // Another process takes it over once the lease has run out.
    const next = recordingSender();
    clock.set(at(`${DAY} 08:02`));
    const report = await scheduler({ senders: { telegram: next } }, await open()).tick(clock.now());
    expect(report.sent).toEqual([key]);
    expect(next.sent).toHaveLength(1);
  });
});
