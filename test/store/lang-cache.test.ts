// The user's language, cached: one store read per user, not one per update, and a lookup that never waits on a
// store that hangs (real Redis, frozen with SIGSTOP).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StateStore } from "../../src/core/services";
import { UserLangCache, withLangCache } from "../../src/store/lang-cache";
import { openStore } from "../../src/store/open";
import { type RedisServer, startRedis } from "../support/redis";

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  redis?.resume();
  await redis?.stop();
});

/** The store, counting its language reads. */
function counted(store: StateStore) {
  const reads = { count: 0 };
  const proxy = new Proxy(store, {
    get(target, property) {
      if (property === "getUserLang") {
        return (userId: string) => {
          reads.count++;
          return target.getUserLang(userId);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { proxy, reads };
}

describe("the user-language cache", () => {
  it("reads each user's language once, remembers 'no preference' too, and writes /lang through", async () => {
    const store = await openStore(redis.url);
    await store.setUserLang("telegram:1", "en");
    const { proxy, reads } = counted(store);
    const cache = new UserLangCache(proxy);
    const cached = withLangCache(proxy, cache);
    for (let i = 0; i < 50; i++) {
      expect(await cache.lookup("telegram:1")).toBe("en");
      expect(await cache.lookup("telegram:2")).toBeUndefined();
    }
    expect(reads.count).toBe(2);
    await cached.setUserLang("telegram:2", "vi");
    expect(await cache.lookup("telegram:2")).toBe("vi");
    expect(await store.getUserLang("telegram:2")).toBe("vi");
    expect(reads.count).toBe(2);
    await store.close();
  });

  it("answers from memory while the store hangs, and without waiting on it for users it does not know", async () => {
    const store = await openStore(redis.url, { timeoutMs: 60_000 });
    await store.setUserLang("telegram:7", "en");
    await store.setUserLang("telegram:8", "en");
    const cache = new UserLangCache(store, { waitMs: 50 });
    expect(await cache.lookup("telegram:7")).toBe("en");
    redis.hang();
    try {
      expect(await cache.lookup("telegram:7")).toBe("en");
      // Unknown here: the client's language is used at once (undefined), the store's answer fills the cache later.
      expect(await cache.lookup("telegram:8")).toBeUndefined();
    } finally {
      redis.resume();
    }
    await expect.poll(() => cache.lookup("telegram:8"), { timeout: 5_000 }).toBe("en");
    await store.close();
  });

  it("expires entries, so a change made by another process is seen after the TTL", async () => {
    const store = await openStore(redis.url);
    const clock = { now: 0 };
    const cache = new UserLangCache(store, { ttlMs: 1_000, now: () => clock.now });
    await store.setUserLang("telegram:9", "vi");
    expect(await cache.lookup("telegram:9")).toBe("vi");
    await store.setUserLang("telegram:9", "en"); // another process's /lang
    expect(await cache.lookup("telegram:9")).toBe("vi");
    clock.now += 1_000;
    expect(await cache.lookup("telegram:9")).toBe("en");
    await store.close();
  });
});
