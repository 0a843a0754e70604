// A crash near midnight: the process sending a fan-out dies at 23:58 with most of it still queued; its claims
// hold until their lease ends, after midnight. Those digests were owed while the bot was up, so the restarted
// process delivers them late; `missed` is only for periods the bot was down for.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../src/core/corpus";
import { createScheduler, type Sender } from "../../src/schedule/scheduler";
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
const CHATS = 100;
const LEASE = 10 * 60_000;

describe("a crash at 23:58 in the middle of a fan-out", () => {
  it("loses none of the 100 digests: the dead process's claims are delivered late after midnight", async () => {
    const { clock, store, cleanup } = await storeOnClock(at("2027-07-14 23:58"));
    cleanups.push(cleanup);
    const ids = Array.from({ length: CHATS }, (_, i) => `telegram:${30_000 + i}`);
    for (const id of ids) {
      await store.setSubscription(sub(id, { time: "23:50", createdAt: at("2027-07-14 20:00").toISOString() }));
    }
    // The first process gets 47 out, then dies: its other sends never complete, nothing more is recorded.
    const delivered = new Map<string, number>();
    const count = (chatId: string) => delivered.set(chatId, (delivered.get(chatId) ?? 0) + 1);
    let sends = 0;
    const dying: Sender = (chatId) => {
      if (++sends > 47) return new Promise<void>(() => {});
      count(chatId);
      return Promise.resolve();
    };
    const first = createScheduler({ store, corpus: () => corpus, senders: { telegram: dying }, clock, queue: FAST });
    void first.tick(clock.now());
    await expect.poll(() => sends, { timeout: 10_000 }).toBeGreaterThan(47);
    await first.stop(0); // what SIGKILL leaves: claims in the store, no more renewals

    // Restarted at midnight: the claims still hold; once their lease ends (00:08) they are delivered, late.
    const restarted = recordingSender();
    const second = createScheduler({
      store,
      corpus: () => corpus,
      senders: { telegram: restarted },
      clock,
      queue: FAST,
      leaseMs: LEASE,
    });
    clock.set(at("2027-07-15 00:00"));
    const atMidnight = await second.tick(clock.now());
    expect(atMidnight.missed).toEqual([]);
    clock.set(at("2027-07-15 00:09"));
    const after = await second.tick(clock.now());
    for (const s of restarted.sent) count(s.chatId);

    expect(after.missed).toEqual([]);
    expect(after.sent).toHaveLength(CHATS - 47);
    expect([...delivered.keys()].sort()).toEqual([...ids].sort());
    expect([...delivered.values()].every((n) => n === 1)).toBe(true);
    // Yesterday's digest, as it would have gone out yesterday.
    expect(restarted.sent[0]?.reply).toBeDefined();
    for (const id of ids.slice(0, 5)) {
      expect(await store.getDelivery(`digest:${id}:2027-07-14`)).toMatchObject({ state: "sent" });
    }
    // Today's period is untouched (still due at 23:50 tonight).
    expect(await store.getDelivery(`digest:${ids[0]}:2027-07-15`)).toBeUndefined();
    await second.stop();
  });

  it("still records missed a day the bot was down for", async () => {
    const { clock, store, cleanup } = await storeOnClock(at("2027-07-15 00:09"));
    cleanups.push(cleanup);
    await store.setSubscription(sub("telegram:1", { time: "23:50", createdAt: at("2027-07-10 08:00").toISOString() }));
    // A claim that ran out before the day ended (its process died at 09:00 and nobody was up until midnight).
    clock.set(at("2027-07-14 23:51"));
    await store.claimDelivery("digest:telegram:1:2027-07-14", "died-earlier", 60_000);
    clock.set(at("2027-07-15 00:09"));
    const sender = recordingSender();
    const s = createScheduler({ store, corpus: () => corpus, senders: { telegram: sender }, clock, queue: FAST });
    const report = await s.tick(clock.now());
    expect(report.missed).toContain("digest:telegram:1:2027-07-14");
    expect(sender.sent).toEqual([]);
    await s.stop();
  });
});
