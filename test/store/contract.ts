// One behaviour contract for every StateStore backend: the SQLite and Redis test files both run it.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { StateStore, Subscription } from "../../src/core/services";

export interface StoreHarness {
  /** A store on the backend, on a fresh (empty) database, its clock read from `clock.now`. */
  open(): Promise<StateStore>;
  /** Another connection to the same database as the last `open()`: a second bot process. */
  openSibling(): Promise<StateStore>;
  clock: { now: number };
  cleanup(): Promise<void>;
}

export function subscription(chatId: string, overrides: Partial<Subscription> = {}): Subscription {
  return {
    chatId,
    platform: "telegram",
    time: "08:00",
    cadence: "daily",
    lang: "vi",
    zone: "Asia/Ho_Chi_Minh",
    createdBy: "telegram:1",
    createdAt: "2027-07-01T00:00:00.000Z",
    ...overrides,
  };
}

export function storeContract(name: string, harness: () => Promise<StoreHarness>): void {
  describe(`StateStore contract: ${name}`, () => {
    let h: StoreHarness;
    let store: StateStore;
    const opened: StateStore[] = [];
    const track = (s: StateStore): StateStore => {
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      h ??= await harness();
      h.clock.now = Date.parse("2027-07-18T01:00:00Z");
      store = track(await h.open());
    });

    afterAll(async () => {
      for (const s of opened) await s.close().catch(() => {});
      await h?.cleanup();
    });

    it("stores, reads, updates and deletes a subscription", async () => {
      expect(await store.getSubscription("telegram:-1001")).toBeUndefined();
      await store.setSubscription(subscription("telegram:-1001"));
      expect(await store.getSubscription("telegram:-1001")).toEqual(subscription("telegram:-1001"));
      await store.setSubscription(
        subscription("telegram:-1001", { time: "07:30", lang: "en", cadence: "weekly", weekday: 5 }),
      );
      expect(await store.getSubscription("telegram:-1001")).toMatchObject({ time: "07:30", lang: "en", weekday: 5 });
      expect(await store.deleteSubscription("telegram:-1001")).toBe(true);
      expect(await store.deleteSubscription("telegram:-1001")).toBe(false);
      expect(await store.getSubscription("telegram:-1001")).toBeUndefined();
    });

    it("lists every subscription written concurrently, and none deleted", async () => {
      const ids = Array.from({ length: 60 }, (_, i) => (i % 2 ? `telegram:-100${i}` : `discord:guild${i}:chan${i}`));
      await Promise.all(ids.map((id) => store.setSubscription(subscription(id))));
      await Promise.all(ids.slice(0, 10).map((id) => store.deleteSubscription(id)));
      const listed = (await store.listSubscriptions()).map((s) => s.chatId).sort();
      expect(listed).toEqual(ids.slice(10).sort());
      // Other kinds of record (languages, deliveries, audit) never show up as subscriptions.
      await store.setUserLang("telegram:5", "en");
      await store.claimDelivery(`digest:${ids[20]}:2027-07-18`, "a", 1000);
      expect((await store.listSubscriptions()).length).toBe(50);
    });

    it("moves a chat's subscription and delivery records to its new id (group → supergroup)", async () => {
      await store.setSubscription(subscription("telegram:-42"));
      await store.claimDelivery("digest:telegram:-42:2027-07-18", "a", 60_000);
      await store.markSent("digest:telegram:-42:2027-07-18", "a");
      // Another chat whose id starts the same is left alone.
      await store.setSubscription(subscription("telegram:-421"));
      expect(await store.moveChat("telegram:-42", "telegram:-10042")).toBe(true);
      expect(await store.getSubscription("telegram:-42")).toBeUndefined();
      expect(await store.getSubscription("telegram:-10042")).toEqual(subscription("telegram:-10042"));
      expect(await store.getSubscription("telegram:-421")).toEqual(subscription("telegram:-421"));
      // The period already sent to the old id counts as sent to the new one: no second digest today.
      expect(await store.claimDelivery("digest:telegram:-10042:2027-07-18", "b", 60_000)).toBe("already-sent");
      expect(await store.moveChat("telegram:-42", "telegram:-10042")).toBe(false);
    });

    it("keeps page tokens for every process sharing the store", async () => {
      const inv = { command: "timeline", text: "son la", lang: "en" as const };
      await store.savePage("tok_123", inv, 60_000);
      const sibling = track(await h.openSibling());
      expect(await sibling.loadPage("tok_123")).toEqual(inv);
      expect(await sibling.loadPage("unknown")).toBeUndefined();
    });

    it("keeps several page tokens written at once", async () => {
      const entries = [
        { token: "tok_a", invocation: { command: "timeline", text: "son la", lang: "en" as const } },
        {
          token: "tok_b",
          invocation: { command: "province", text: "Sơn La", lang: "vi" as const, view: "quotes" as const },
        },
        { token: "tok_a", invocation: { command: "timeline", text: "son la", lang: "vi" as const } },
      ];
      await store.savePages?.(entries, 60_000);
      const sibling = track(await h.openSibling());
      // A token written twice keeps its last invocation.
      expect(await sibling.loadPage("tok_a")).toEqual(entries[2]?.invocation);
      expect(await sibling.loadPage("tok_b")).toEqual(entries[1]?.invocation);
    });

    it("refuses to store an invalid subscription", async () => {
      await expect(store.setSubscription(subscription("telegram:-1", { time: "25:00" }))).rejects.toThrow(/time/);
      await expect(store.setSubscription(subscription("telegram:-1", { zone: "Mars/Olympus" }))).rejects.toThrow(
        /zone/,
      );
      expect(await store.getSubscription("telegram:-1")).toBeUndefined();
    });

    it("keeps per-user language preferences", async () => {
      expect(await store.getUserLang("telegram:42")).toBeUndefined();
      await store.setUserLang("telegram:42", "en");
      await store.setUserLang("discord:42", "vi");
      expect(await store.getUserLang("telegram:42")).toBe("en");
      expect(await store.getUserLang("discord:42")).toBe("vi");
      await store.setUserLang("telegram:42", "vi");
      expect(await store.getUserLang("telegram:42")).toBe("vi");
    });

    it("claims a delivery once; a sent one stays sent", async () => {
      const key = "digest:telegram:-1:2027-07-18";
      expect(await store.claimDelivery(key, "p1", 60_000)).toBe("claimed");
      expect(await store.claimDelivery(key, "p2", 60_000)).toBe("held-by-other");
      expect(await store.claimDelivery(key, "p1", 60_000)).toBe("held-by-other");
      expect(await store.getDelivery(key)).toMatchObject({ key, state: "claimed", owner: "p1" });
      await store.markSent(key, "p1");
      expect(await store.getDelivery(key)).toMatchObject({ state: "sent", owner: "p1" });
      h.clock.now += 365 * 24 * 3600_000;
      expect(await store.claimDelivery(key, "p2", 60_000)).toBe("already-sent");
    });

    it("lets another owner take a claim over only after its lease ends", async () => {
      const key = "digest:telegram:-2:2027-07-18";
      expect(await store.claimDelivery(key, "crashed", 60_000)).toBe("claimed");
      h.clock.now += 59_999;
      expect(await store.claimDelivery(key, "p2", 60_000)).toBe("held-by-other");
      h.clock.now += 1;
      expect(await store.claimDelivery(key, "p2", 60_000)).toBe("claimed");
      expect(await store.getDelivery(key)).toMatchObject({ state: "claimed", owner: "p2" });
      expect(await store.claimDelivery(key, "p3", 60_000)).toBe("held-by-other");
    });

    it("gives a contested claim to exactly one of many concurrent claimants on separate connections", async () => {
      const sibling = track(await h.openSibling());
      const key = "digest:telegram:-3:2027-07-18";
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? store : sibling).claimDelivery(key, `owner-${i}`, 60_000)),
      );
      expect(results.filter((r) => r === "claimed")).toHaveLength(1);
      expect(results.filter((r) => r === "held-by-other")).toHaveLength(39);
    });

    it("claims many deliveries in one call, each as claimDelivery would", async () => {
      const keys = Array.from({ length: 450 }, (_, i) => `digest:telegram:-4${i}:2027-07-18`);
      await store.claimDelivery(keys[0] ?? "", "other", 60_000);
      await store.claimDelivery(keys[1] ?? "", "p1", 60_000);
      await store.markSent(keys[1] ?? "", "p1");
      await store.markMissed(keys[2] ?? "");
      const results = await store.claimDeliveries(keys, "p1", 60_000);
      expect(results.slice(0, 4)).toEqual(["held-by-other", "already-sent", "missed", "claimed"]);
      expect(results.filter((r) => r === "claimed")).toHaveLength(447);
      expect(await store.getDelivery(keys[449] ?? "")).toMatchObject({ state: "claimed", owner: "p1" });
      expect(await store.claimDeliveries([], "p1", 60_000)).toEqual([]);
    });

    it("renews only the claims the owner still holds, and keeps them from being taken over", async () => {
      const [mine, lapsed, theirs] = ["digest:x:2027-07-18", "digest:y:2027-07-18", "digest:z:2027-07-18"];
      await store.claimDeliveries([mine, lapsed], "p1", 60_000);
      await store.claimDelivery(theirs, "p2", 60_000);
      h.clock.now += 60_000;
      expect(await store.claimDelivery(lapsed, "p2", 60_000)).toBe("claimed"); // p1's lease ran out: taken over
      expect(await store.renewClaims([mine, lapsed, theirs], "p1", 60_000)).toEqual([true, false, false]);
      h.clock.now += 59_999;
      expect(await store.claimDelivery(mine, "p2", 60_000)).toBe("held-by-other");
      expect(await store.getDelivery(mine)).toMatchObject({ owner: "p1", leaseUntil: h.clock.now - 59_999 + 60_000 });
      expect(await store.getDelivery(lapsed)).toMatchObject({ state: "claimed", owner: "p2" });
    });

    it("records a send only while the sender still holds the claim", async () => {
      const key = "digest:telegram:-5:2027-07-18";
      await store.claimDelivery(key, "slow", 60_000);
      h.clock.now += 60_000;
      expect(await store.claimDelivery(key, "p2", 60_000)).toBe("claimed");
      expect(await store.markSent(key, "slow")).toBe(false);
      expect(await store.getDelivery(key)).toMatchObject({ state: "claimed", owner: "p2" });
      expect(await store.markSent(key, "p2")).toBe(true);
      expect(await store.markSent(key, "p2")).toBe(false); // sent is final
      expect(await store.getDelivery(key)).toMatchObject({ state: "sent", owner: "p2" });
      // A lease that ran out while nobody took the claim over still lets its owner record the send.
      const late = "digest:telegram:-6:2027-07-18";
      await store.claimDelivery(late, "p1", 1_000);
      h.clock.now += 5_000;
      expect(await store.markSent(late, "p1")).toBe(true);
      expect(await store.markSent("digest:never-claimed:2027-07-18", "p1")).toBe(false);
    });

    it("decides contested renewals and records atomically across connections", async () => {
      const sibling = track(await h.openSibling());
      const key = "digest:telegram:-7:2027-07-18";
      await store.claimDelivery(key, "p1", 1_000);
      h.clock.now += 1_000;
      // The old owner records its send while a second process takes the lapsed claim over: one of them wins.
      const [sent, taken] = await Promise.all([store.markSent(key, "p1"), sibling.claimDelivery(key, "p2", 60_000)]);
      expect([sent, taken === "claimed"].filter(Boolean)).toHaveLength(1);
      expect((await store.getDelivery(key))?.state).toBe(sent ? "sent" : "claimed");
    });

    it("records a missed period without overriding a sent one or a live claim", async () => {
      await store.markMissed("digest:a:2027-07-17");
      expect(await store.getDelivery("digest:a:2027-07-17")).toMatchObject({ state: "missed" });
      expect(await store.claimDelivery("digest:a:2027-07-17", "p1", 1000)).toBe("missed");

      await store.claimDelivery("digest:b:2027-07-17", "p1", 1000);
      await store.markSent("digest:b:2027-07-17", "p1");
      await store.markMissed("digest:b:2027-07-17");
      expect(await store.getDelivery("digest:b:2027-07-17")).toMatchObject({ state: "sent" });

      await store.claimDelivery("digest:c:2027-07-17", "p1", 1000);
      await store.markMissed("digest:c:2027-07-17");
      expect(await store.getDelivery("digest:c:2027-07-17")).toMatchObject({ state: "claimed" });
      h.clock.now += 1000;
      await store.markMissed("digest:c:2027-07-17");
      expect(await store.getDelivery("digest:c:2027-07-17")).toMatchObject({ state: "missed" });
    });

    it("sees another connection's writes (state is shared, not cached)", async () => {
      const sibling = track(await h.openSibling());
      await sibling.setSubscription(subscription("telegram:-77"));
      await sibling.claimDelivery("digest:telegram:-77:2027-07-18", "p9", 60_000);
      await sibling.markSent("digest:telegram:-77:2027-07-18", "p9");
      expect(await store.getSubscription("telegram:-77")).toBeDefined();
      expect(await store.claimDelivery("digest:telegram:-77:2027-07-18", "p1", 60_000)).toBe("already-sent");
    });

    it("appends audit entries and lists the newest first", async () => {
      for (let i = 0; i < 5; i++) {
        await store.appendAudit({
          at: new Date(Date.UTC(2027, 6, 18, 1, i)).toISOString(),
          who: `telegram:${i}`,
          where: "telegram:-1",
          what: "/subscribe",
          result: i === 2 ? "refused" : "ok",
        });
      }
      const listed = await store.listAudit(3);
      expect(listed.map((e) => e.who)).toEqual(["telegram:4", "telegram:3", "telegram:2"]);
      expect(listed[2]?.result).toBe("refused");
      expect(await store.listAudit(100)).toHaveLength(5);
    });

    it("lists entries written in the same millisecond in the order they were written", async () => {
      const at = new Date(Date.UTC(2027, 6, 18, 2, 0)).toISOString();
      for (let i = 0; i < 20; i++) {
        await store.appendAudit({ at, who: `telegram:${i}`, where: "telegram:-1", what: "/reload", result: "ok" });
      }
      const listed = await store.listAudit(20);
      expect(listed.map((e) => e.who)).toEqual(Array.from({ length: 20 }, (_, i) => `telegram:${19 - i}`));
    });

    it("answers ping, and rejects (never answers undefined) once closed", async () => {
      await store.ping();
      await store.setSubscription(subscription("telegram:-9"));
      await store.close();
      await expect(store.getSubscription("telegram:-9")).rejects.toThrow();
      await expect(store.listSubscriptions()).rejects.toThrow();
      await expect(store.claimDelivery("digest:telegram:-9:2027-07-18", "p1", 1000)).rejects.toThrow();
      await expect(store.ping()).rejects.toThrow();
    });

    it("keeps its state across a restart", async () => {
      await store.setSubscription(subscription("telegram:-55", { lang: "en" }));
      await store.claimDelivery("digest:telegram:-55:2027-07-18", "p1", 60_000);
      await store.markSent("digest:telegram:-55:2027-07-18", "p1");
      await store.close();
      const again = track(await h.openSibling());
      expect(await again.getSubscription("telegram:-55")).toMatchObject({ lang: "en" });
      expect(await again.getDelivery("digest:telegram:-55:2027-07-18")).toMatchObject({ state: "sent" });
    });
  });
}
