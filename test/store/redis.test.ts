import { createClient } from "@keyv/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open";
import { type RedisServer, startRedis } from "../support/redis";
import { type StoreHarness, storeContract, subscription } from "./contract";

let server: RedisServer;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  await server?.stop();
});

storeContract("Redis (real redis-server)", async (): Promise<StoreHarness> => {
  const clock = { now: 0 };
  const admin = createClient({ url: server.url });
  await admin.connect();
  return {
    clock,
    async open() {
      await admin.flushDb();
      return openStore(server.url, { now: () => clock.now });
    },
    openSibling: () => openStore(server.url, { now: () => clock.now }),
    async cleanup() {
      await admin.close();
    },
  };
});

describe("Redis store failures", () => {
  it("rejects at once when Redis goes away, instead of answering undefined or hanging", async () => {
    const own = await startRedis();
    const errors: unknown[] = [];
    const store = await openStore(own.url, { onBackendError: (e) => errors.push(e) });
    await store.setSubscription(subscription("telegram:-1"));
    await own.stop();
    await expect(store.getSubscription("telegram:-1")).rejects.toThrow();
    await expect(store.listSubscriptions()).rejects.toThrow();
    await expect(store.claimDelivery("digest:telegram:-1:2027-07-18", "p", 1000)).rejects.toThrow();
    await expect(store.ping()).rejects.toThrow();
    expect(errors.length).toBeGreaterThan(0);
    await store.close().catch(() => {});
  });

  it("refuses to open when nothing listens at the URL", async () => {
    const own = await startRedis();
    const url = own.url;
    await own.stop();
    await expect(openStore(url)).rejects.toThrow(/cannot connect to Redis/);
  });
});
