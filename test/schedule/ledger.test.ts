// The delivery ledger alone, on a real SQLite store: claims in batches, the ownership check before a send,
// conditional records, and what an overdue period becomes.
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { DeliveryLedger } from "../../src/schedule/ledger";
import { periodAt } from "../../src/schedule/period";
import { at, storeOnClock, sub } from "./helpers";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const { clock, store, cleanup } = await storeOnClock(at("2027-07-15 08:00"));
  cleanups.push(cleanup);
  const ledger = (ownerId: string, leaseMs = 60_000) =>
    new DeliveryLedger({ store, ownerId, leaseMs, clock, catchUp: "same-day", log: pino({ level: "silent" }) });
  return { clock, store, ledger };
}

describe("the delivery ledger", () => {
  it("claims a batch in one call and holds what it got", async () => {
    const { store, ledger } = await setup();
    await store.claimDelivery("digest:b:2027-07-15", "other", 60_000);
    const a = ledger("a");
    const claims = await a.claim(["digest:a:2027-07-15", "digest:b:2027-07-15"]);
    expect([...claims.values()]).toEqual(["claimed", "held-by-other"]);
    expect(a.holding).toEqual(["digest:a:2027-07-15"]);
    expect(a.isBusy("digest:a:2027-07-15")).toBe(true);
  });

  it("stops a send whose claim another process took over, and renews one it still holds", async () => {
    const { clock, store, ledger } = await setup();
    const a = ledger("a");
    await a.claim(["digest:x:2027-07-15", "digest:y:2027-07-15"]);
    expect(await a.confirm("digest:x:2027-07-15")).toBe(true); // fresh lease: known without asking the store
    clock.advance(60_000);
    expect(await store.claimDelivery("digest:x:2027-07-15", "b", 60_000)).toBe("claimed");
    expect(await a.confirm("digest:x:2027-07-15")).toBe(false);
    expect(await a.confirm("digest:y:2027-07-15")).toBe(true); // lapsed but untouched: renewed
    expect(await store.getDelivery("digest:y:2027-07-15")).toMatchObject({
      owner: "a",
      leaseUntil: clock.now().getTime() + 60_000,
    });
  });

  it("renews every held claim in one batch, so none lapses while sends wait", async () => {
    const { clock, store, ledger } = await setup();
    const a = ledger("a");
    const keys = Array.from({ length: 30 }, (_, i) => `digest:${i}:2027-07-15`);
    await a.claim(keys);
    clock.advance(50_000);
    await a.renewAll();
    clock.advance(50_000);
    expect(await store.claimDeliveries(keys, "b", 60_000)).toEqual(keys.map(() => "held-by-other"));
  });

  it("a late record after a takeover is reported as a possible duplicate, not written over the new owner", async () => {
    const { clock, store, ledger } = await setup();
    const a = ledger("a");
    await a.claim(["digest:z:2027-07-15"]);
    clock.advance(60_000);
    await store.claimDelivery("digest:z:2027-07-15", "b", 60_000);
    await a.recordSent("digest:z:2027-07-15");
    expect(await store.getDelivery("digest:z:2027-07-15")).toMatchObject({ state: "claimed", owner: "b" });
  });

  it("settles an overdue period: missed when nothing was started, late when a claim outlived its window", async () => {
    const { clock, store, ledger } = await setup();
    const s = sub("telegram:1", { time: "23:50" });
    const yesterday = periodAt(s, at("2027-07-14 23:55"));
    const a = ledger("a", 10 * 60_000);
    clock.set(at("2027-07-15 00:05"));
    expect(await a.overdue(yesterday)).toBe("missed");

    const t = sub("telegram:2", { time: "23:50" });
    const period = periodAt(t, at("2027-07-14 23:55"));
    clock.set(at("2027-07-14 23:58"));
    await store.claimDelivery(period.key, "died", 10 * 60_000);
    clock.set(at("2027-07-15 00:05"));
    expect(await a.overdue(period)).toBe("held");
    clock.set(at("2027-07-15 00:09"));
    expect(await a.overdue(period)).toBe("late");
    // Not for ever: past one more window (and a lease), it is missed.
    clock.set(at("2027-07-16 00:11"));
    expect(await a.overdue(period)).toBe("missed");
  });
});
