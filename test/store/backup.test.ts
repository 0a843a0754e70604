// Backups taken while a digest fan-out is writing delivery records restore with every subscription and every
// delivery record that existed when the backup began, on SQLite (VACUUM INTO) and Redis (SCAN export, RDB).
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../src/core/corpus";
import type { DeliveryRecord } from "../../src/core/services";
import { createScheduler } from "../../src/schedule/scheduler";
import { type BackupResult, backupStore, readBackup, restoreStore } from "../../src/store/backup";
import type { KeyvStateStore } from "../../src/store/keyv-store";
import { openStore } from "../../src/store/open";
import { at, realCorpus, recordingSender, sub } from "../schedule/helpers";
import { type RedisServer, startRedis } from "../support/redis";

const N = 120;
const DAY = "2027-07-15";
const RANK: Record<DeliveryRecord["state"], number> = { claimed: 1, missed: 2, sent: 2 };

let corpus: Corpus;
let dir: string;
let redis: RedisServer;

beforeAll(async () => {
  corpus = await realCorpus();
  dir = await mkdtemp(join(tmpdir(), "huunghi-backup-"));
  redis = await startRedis();
});

afterAll(async () => {
  await redis?.stop();
  await rm(dir, { recursive: true, force: true });
});

const chats = Array.from({ length: N }, (_, i) => `telegram:-100${i}`);

async function deliveries(store: KeyvStateStore): Promise<Map<string, DeliveryRecord>> {
  return new Map((await store.backend.scan("delivery:")) as Array<[string, DeliveryRecord]>);
}

/**
 * Subscribes N chats, runs the real scheduler's 08:00 fan-out, and halfway through takes `backup` while the
 * sends go on. Returns the delivery records as they were just before and just after the backup.
 */
async function backupDuringFanOut(url: string, backup: () => Promise<BackupResult>) {
  const store = (await openStore(url)) as KeyvStateStore;
  const createdAt = at(`${DAY} 07:00`).toISOString();
  for (const chat of chats) await store.setSubscription(sub(chat, { createdAt }));
  let taken:
    | Promise<{ before: Map<string, DeliveryRecord>; result: BackupResult; after: Map<string, DeliveryRecord> }>
    | undefined;
  const sender = recordingSender((_, call) => {
    if (call === N / 2) {
      taken = (async () => {
        const before = await deliveries(store);
        const result = await backup();
        return { before, result, after: await deliveries(store) };
      })();
    }
    return undefined;
  });
  const slowSender: typeof sender = Object.assign(
    async (...args: Parameters<typeof sender>) => {
      await new Promise((r) => setTimeout(r, 2));
      return sender(...args);
    },
    { sent: sender.sent },
  );
  const scheduler = createScheduler({
    store,
    corpus: () => corpus,
    senders: { telegram: slowSender },
    queue: { perSecond: 400 },
  });
  const report = await scheduler.tick(at(`${DAY} 08:00`));
  expect(report.sent).toHaveLength(N);
  const snapshot = await (taken as NonNullable<typeof taken>);
  // The backup really began mid-way: some sends were recorded before it, others were still to come (the
  // snapshot of the records is read at the 60th send, while the sends go on).
  const sentBefore = [...snapshot.before.values()].filter((r) => r.state === "sent").length;
  expect(sentBefore).toBeGreaterThan(0);
  expect(sentBefore).toBeLessThan(N);
  await store.close();
  return { ...snapshot, sentDuring: sender.sent.map((s) => s.chatId) };
}

/** Opens a restored store and checks it against what the live store held just before and after the backup. */
async function expectRestored(
  url: string,
  before: Map<string, DeliveryRecord>,
  after: Map<string, DeliveryRecord>,
): Promise<Map<string, DeliveryRecord>> {
  const restored = (await openStore(url)) as KeyvStateStore;
  try {
    expect((await restored.listSubscriptions()).map((s) => s.chatId).sort()).toEqual([...chats].sort());
    const records = await deliveries(restored);
    // Every delivery record that existed when the backup began is in it, at least as far along as it was then…
    for (const [key, then] of before) {
      const back = records.get(key);
      expect(back, key).toBeDefined();
      expect(RANK[back?.state ?? "claimed"], key).toBeGreaterThanOrEqual(RANK[then.state]);
    }
    // …and nothing is in it that the live store did not hold by the time the backup ended.
    for (const [key, back] of records) {
      expect(after.get(key), key).toBeDefined();
      expect(RANK[back.state], key).toBeLessThanOrEqual(RANK[after.get(key)?.state ?? "claimed"]);
    }
    return records;
  } finally {
    await restored.close();
  }
}

/** After a restore, the fan-out resumes: what the backup records as sent is never sent again. */
async function resumeSendsNothingTwice(url: string, records: Map<string, DeliveryRecord>) {
  const store = await openStore(url);
  const again = recordingSender();
  const scheduler = createScheduler({
    store,
    corpus: () => corpus,
    senders: { telegram: again },
    queue: { perSecond: 400 },
  });
  await scheduler.tick(at(`${DAY} 08:05`));
  await store.close();
  const sentInBackup = new Set([...records.values()].filter((r) => r.state === "sent").map((r) => r.key));
  for (const { chatId } of again.sent) {
    expect(
      [...sentInBackup].some((key) => key.includes(chatId)),
      chatId,
    ).toBe(false);
  }
}

describe("SQLite: VACUUM INTO while the bot writes", () => {
  it("restores every subscription and delivery record from a backup taken during a fan-out", async () => {
    const live = `sqlite://${join(dir, "live", "bot.sqlite")}`;
    const file = join(dir, "backups", "during-fanout.sqlite");
    const { before, after, result } = await backupDuringFanOut(live, () => backupStore(live, file));
    expect(result.format).toBe("sqlite");
    expect(result.counts.subscriptions).toBe(N);

    const target = `sqlite://${join(dir, "restored", "bot.sqlite")}`;
    const restored = await restoreStore(target, file);
    expect(restored.counts.subscriptions).toBe(N);
    const records = await expectRestored(target, before, after);
    await resumeSendsNothingTwice(target, records);

    // The same backup moves the bot to Redis.
    const db1 = `${redis.url}/1`;
    await restoreStore(db1, file);
    await expectRestored(db1, before, after);
  });

  it("refuses to restore over a store that holds records unless told to replace them", async () => {
    const file = join(dir, "backups", "during-fanout.sqlite");
    const target = `sqlite://${join(dir, "restored", "bot.sqlite")}`;
    await expect(restoreStore(target, file)).rejects.toThrow(/already holds \d+ records.*--replace/);
    await expect(restoreStore(target, file, { replace: true })).resolves.toMatchObject({
      counts: { subscriptions: N },
    });
  });

  it("rejects a file that is not a backup, and a torn copy of the database", async () => {
    const junk = join(dir, "junk.jsonl");
    await writeFile(junk, "not json\n");
    await expect(readBackup(junk)).rejects.toThrow(/line 1: not JSON/);
    const torn = join(dir, "torn.sqlite");
    const whole = join(dir, "backups", "during-fanout.sqlite");
    await copyFile(whole, torn);
    const { open } = await import("node:fs/promises");
    const handle = await open(torn, "r+");
    await handle.write(Buffer.alloc(4096, 0x5a), 0, 4096, 4096);
    await handle.close();
    await expect(readBackup(torn)).rejects.toThrow();
  });
});

describe("Redis: SCAN export and BGSAVE", () => {
  it("restores every subscription and delivery record from an export taken during a fan-out", async () => {
    const live = `${redis.url}/2`;
    const file = join(dir, "backups", "redis-during-fanout.jsonl");
    const { before, after, result } = await backupDuringFanOut(live, () => backupStore(live, file));
    expect(result.format).toBe("jsonl");
    expect(result.counts.subscriptions).toBe(N);

    const target = `${redis.url}/3`;
    await restoreStore(target, file);
    const records = await expectRestored(target, before, after);
    await resumeSendsNothingTwice(target, records);

    // And into SQLite.
    const sqlite = `sqlite://${join(dir, "from-redis", "bot.sqlite")}`;
    await restoreStore(sqlite, file);
    await expectRestored(sqlite, before, after);
  });

  it("has Redis write its RDB snapshot, which a new Redis loads with every record", async () => {
    const live = `${redis.url}/0`;
    const store = await openStore(live);
    for (const chat of chats) await store.setSubscription(sub(chat));
    await store.claimDelivery("digest:telegram:-1000:2027-07-15", "a", 60_000);
    await store.markSent("digest:telegram:-1000:2027-07-15", "a");
    await store.close();
    const result = await backupStore(live, join(dir, "backups", "with-rdb.jsonl"), { bgsave: true });
    expect(result.rdb).toBe(join(redis.dir, "dump.rdb"));

    // Restore the Redis way: a Redis started on a directory holding the copied dump.rdb.
    const copy = join(dir, "rdb-restore");
    await mkdir(copy, { recursive: true });
    await copyFile(result.rdb as string, join(copy, "dump.rdb"));
    const second = await startRedis({ dir: copy });
    try {
      const restored = await openStore(second.url);
      expect((await restored.listSubscriptions()).length).toBe(N);
      expect(await restored.getDelivery("digest:telegram:-1000:2027-07-15")).toMatchObject({ state: "sent" });
      await restored.close();
    } finally {
      await second.stop();
    }
  });
});
