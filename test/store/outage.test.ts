// A store that is there but does not help: a hung Redis (accepts connections, never answers), a read-only or a
// locked SQLite file. Every call fails within its bound as "store unavailable", naming the cause.
import { spawnSync } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkReadiness } from "../../src/ops/readiness";
import { StoreUnavailableError } from "../../src/store/errors";
import { openStore } from "../../src/store/open";
import { type RedisServer, startRedis } from "../support/redis";
import { subscription } from "./contract";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "huunghi-outage-"));
});
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ready = (store: Awaited<ReturnType<typeof openStore>>) =>
  checkReadiness({ corpusVersion: () => "v1", store, platforms: () => [] });

describe("a hung Redis", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("fails every call within the bound as store unavailable, and answers again once Redis does", async () => {
    const store = await openStore(redis.url, { timeoutMs: 300, failFastMs: 100 });
    cleanups.push(() => store.close());
    await store.setUserLang("telegram:1", "en");
    redis.hang();
    cleanups.push(() => redis.resume());
    await expect(store.getUserLang("telegram:1")).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.getSubscription("telegram:-1")).rejects.toThrow(/store unavailable \(getSubscription\)/);
    await expect(store.claimDeliveries(["digest:a:2027-07-18"], "p1", 60_000)).rejects.toThrow(/unavailable/);
    await expect(store.ping()).rejects.toThrow(/no answer within 300 ms/);
    expect((await ready(store)).checks.store.ok).toBe(false);
    redis.resume();
    await new Promise((r) => setTimeout(r, 150));
    expect(await store.getUserLang("telegram:1")).toBe("en");
  });

  it("closes within its bound while Redis is hung", async () => {
    const store = await openStore(redis.url, { timeoutMs: 300 });
    redis.hang();
    cleanups.push(() => redis.resume());
    await expect(store.ping()).rejects.toThrow();
    await store.close();
    await expect(store.ping()).rejects.toThrow(/closed/);
  });
});

describe("an SQLite file that cannot be written", () => {
  it("makes readiness fail when the file is read-only", async () => {
    const file = join(dir, "ro.sqlite");
    const writable = await openStore(`sqlite://${file}`);
    await writable.setSubscription(subscription("telegram:-1"));
    expect((await ready(writable)).ready).toBe(true);
    await writable.close();
    await chmod(file, 0o444);
    // root ignores file modes; the immutable flag stops root too (ext4 and most Linux file systems).
    const immutable = process.getuid?.() === 0 && spawnSync("chattr", ["+i", file]).status === 0;
    cleanups.push(() => {
      if (immutable) spawnSync("chattr", ["-i", file]);
    });
    const store = await openStore(`sqlite://${file}`);
    cleanups.push(() => store.close());
    expect(await store.getSubscription("telegram:-1")).toBeDefined();
    const report = await ready(store);
    expect(report.ready).toBe(false);
    expect(report.checks.store.detail).toMatch(/read-only/);
    await expect(store.setUserLang("telegram:1", "en")).rejects.toThrow(/read-only/);
  });

  it("fails with a clear message when another process holds the file locked, and does not wait again at once", async () => {
    const file = join(dir, "locked.sqlite");
    const store = await openStore(`sqlite://${file}`, { failFastMs: 60_000 });
    cleanups.push(() => store.close());
    await store.setSubscription(subscription("telegram:-1"));
    // Another process's connection (a backup, a second bot) holding the write lock.
    const other = new Database(file);
    other.exec("BEGIN EXCLUSIVE");
    cleanups.push(() => {
      other.exec("ROLLBACK");
      other.close();
    });
    const first = await store.setUserLang("telegram:1", "en").catch((e: unknown) => e);
    expect(first).toBeInstanceOf(StoreUnavailableError);
    expect((first as Error).message).toMatch(/locked by another process/);
    // Within the fail-fast window the next calls are refused without touching the file (no second busy wait).
    const second = await store.getSubscription("telegram:-1").catch((e: unknown) => e);
    expect((second as Error).message).toMatch(/store unavailable \(getSubscription\): .*locked by another process/);
    expect((second as Error).cause).toBeUndefined();
  });
});
