// Backing up and restoring the bot's state while it runs.
//   SQLite: VACUUM INTO writes a consistent copy of the whole database as of one instant, through SQLite's own
//           locking, while the bot goes on writing (never copy bot.sqlite with cp: a copy taken mid-write is
//           torn, and the newest writes may still be in bot.sqlite-wal).
//   Redis:  every record of the bot (keys under the namespace) exported as JSON lines with SCAN, which returns
//           every key that exists for the whole scan; optionally BGSAVE first, for Redis's own RDB snapshot.
// A restore reads either kind of backup into either kind of store (so a backup also moves a SQLite bot to Redis).
import { existsSync } from "node:fs";
import { mkdir, open as openFile, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { createClient } from "@keyv/redis";
import { NAMESPACE } from "./backend";
import { sqlitePath } from "./open";
import { SEPARATOR } from "./redis-backend";
import { SqliteKeyv } from "./sqlite-keyv";

const TABLE = "keyv";

/** One stored record: its key without the namespace, and the value as keyv stored it (JSON text). */
export interface RawRecord {
  key: string;
  value: string;
}

export type Counts = Record<"subscriptions" | "languages" | "deliveries" | "audit" | "other", number>;

export interface BackupResult {
  file: string;
  format: "sqlite" | "jsonl";
  counts: Counts;
  /** Redis only, with `bgsave`: where Redis wrote its RDB snapshot (on the Redis host). */
  rdb?: string;
}

export function countRecords(records: Iterable<{ key: string }>): Counts {
  const counts: Counts = { subscriptions: 0, languages: 0, deliveries: 0, audit: 0, other: 0 };
  for (const { key } of records) {
    const kind = key.slice(0, key.indexOf(":") + 1);
    if (kind === "sub:") counts.subscriptions++;
    else if (kind === "lang:") counts.languages++;
    else if (kind === "delivery:") counts.deliveries++;
    else if (kind === "audit:") counts.audit++;
    else counts.other++;
  }
  return counts;
}

const isRedis = (url: string) => url.startsWith("redis://") || url.startsWith("rediss://");

/** Backs up the store at `url` into `file` (.sqlite for a SQLite store, .jsonl for Redis or when asked). */
export async function backupStore(
  url: string,
  file: string,
  options: { cwd?: string; bgsave?: boolean } = {},
): Promise<BackupResult> {
  await mkdir(dirname(file), { recursive: true });
  if (isRedis(url)) {
    const { records, rdb } = await readRedis(url, options.bgsave ?? false);
    await writeFile(file, records.map((r) => `${JSON.stringify(r)}\n`).join(""), { flag: "wx" });
    return { file, format: "jsonl", counts: countRecords(records), ...(rdb ? { rdb } : {}) };
  }
  const source = sqlitePath(url, options.cwd);
  if (source === ":memory:") throw new Error("an in-memory store has nothing to back up");
  if (!existsSync(source)) throw new Error(`there is no store at ${source} (has the bot run with this STORE_URL?)`);
  if (file.endsWith(".jsonl")) {
    const records = readSqliteFile(source);
    await writeFile(file, records.map((r) => `${JSON.stringify(r)}\n`).join(""), { flag: "wx" });
    return { file, format: "jsonl", counts: countRecords(records) };
  }
  const db = new SqliteKeyv({ file: source, table: TABLE });
  try {
    db.query("VACUUM INTO ?", file);
  } finally {
    await db.disconnect();
  }
  // Check the copy before calling it a backup.
  const records = readSqliteFile(file);
  return { file, format: "sqlite", counts: countRecords(records) };
}

/** The bot's records in a SQLite file (a backup or a stopped bot's database), after an integrity check. */
export function readSqliteFile(file: string): RawRecord[] {
  const db = new SqliteKeyv({ file, table: TABLE, readonly: true });
  try {
    const check = db.query<{ integrity_check: string }>("PRAGMA integrity_check");
    if (check[0]?.integrity_check !== "ok") {
      throw new Error(`${file} fails SQLite's integrity check: ${check.map((c) => c.integrity_check).join("; ")}`);
    }
    const prefix = `${NAMESPACE}:`;
    return db
      .query<RawRecord>(
        `SELECT key, value FROM ${TABLE} WHERE substr(key, 1, length(?)) = ? ORDER BY key`,
        prefix,
        prefix,
      )
      .map((row) => ({ key: row.key.slice(prefix.length), value: row.value }));
  } finally {
    void db.disconnect();
  }
}

async function readRedis(url: string, bgsave: boolean): Promise<{ records: RawRecord[]; rdb?: string }> {
  const client = createClient({ url, disableOfflineQueue: true });
  client.on("error", () => {});
  await client.connect();
  try {
    let rdb: string | undefined;
    if (bgsave) rdb = await redisSnapshot(client);
    const prefix = `${NAMESPACE}${SEPARATOR}`;
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
    keys.sort();
    const records: RawRecord[] = [];
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      const values = await client.mGet(chunk);
      for (const [j, key] of chunk.entries()) {
        const value = values[j];
        if (typeof value === "string") records.push({ key: key.slice(prefix.length), value });
      }
    }
    return rdb ? { records, rdb } : { records };
  } finally {
    client.destroy();
  }
}

/** The few commands a snapshot needs (node-redis's client type is too generic to name here). */
interface SnapshotClient {
  lastSave(): Promise<number>;
  bgSave(): Promise<unknown>;
  configGet(parameter: string): Promise<Record<string, string>>;
}

/** BGSAVE, then wait until LASTSAVE moves on; returns the RDB file's path on the Redis host when Redis says it. */
async function redisSnapshot(client: SnapshotClient, timeoutMs = 60_000): Promise<string> {
  const before = Number(await client.lastSave());
  try {
    await client.bgSave();
  } catch (error) {
    // A save already running (ours or Redis's own schedule) will do: wait for it.
    if (!/already in progress/i.test((error as Error).message)) throw error;
  }
  const started = Date.now();
  while (Number(await client.lastSave()) <= before) {
    if (Date.now() - started > timeoutMs) throw new Error(`Redis did not finish BGSAVE within ${timeoutMs} ms`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  try {
    const dir = (await client.configGet("dir")).dir;
    const name = (await client.configGet("dbfilename")).dbfilename;
    return `${dir}/${name}`;
  } catch {
    return "(CONFIG GET is not allowed on this Redis: ask its operator where the RDB file is)";
  }
}

/** Reads a backup file: a SQLite database (from VACUUM INTO, or a stopped bot's bot.sqlite) or JSON lines. */
export async function readBackup(file: string): Promise<RawRecord[]> {
  const handle = await openFile(file, "r");
  const header = Buffer.alloc(16);
  try {
    await handle.read(header, 0, 16, 0);
  } finally {
    await handle.close();
  }
  if (header.toString("latin1") === "SQLite format 3\0") return readSqliteFile(file);
  const records: RawRecord[] = [];
  for (const [i, line] of (await readFile(file, "utf8")).split("\n").entries()) {
    if (!line.trim()) continue;
    let record: Partial<RawRecord>;
    try {
      record = JSON.parse(line) as Partial<RawRecord>;
    } catch {
      throw new Error(`${file} line ${i + 1}: not JSON`);
    }
    if (typeof record.key !== "string" || typeof record.value !== "string") {
      throw new Error(`${file} line ${i + 1}: not a {"key", "value"} record`);
    }
    records.push({ key: record.key, value: record.value });
  }
  return records;
}

/** When a stored value expires (keyv writes `expires` in ms since the epoch), if it does. */
function expiresAt(record: RawRecord): number | undefined {
  try {
    const expires = (JSON.parse(record.value) as { expires?: unknown }).expires;
    return typeof expires === "number" ? expires : undefined;
  } catch {
    throw new Error(`the backup's record ${record.key} is not keyv JSON`);
  }
}

/**
 * Writes a backup's records into the store at `url`. A store that already holds records is refused unless
 * `replace` (then the bot's records there are removed first). Stop the bot while restoring.
 */
export async function restoreStore(
  url: string,
  file: string,
  options: { cwd?: string; replace?: boolean; now?: number } = {},
): Promise<{ counts: Counts; skippedExpired: number }> {
  const now = options.now ?? Date.now();
  const all = await readBackup(file);
  const live = all.filter((record) => (expiresAt(record) ?? Number.POSITIVE_INFINITY) > now);
  const refuse = (n: number) =>
    new Error(
      `the store already holds ${n} records of the bot: stop the bot, and pass --replace to overwrite them with the backup`,
    );
  if (isRedis(url)) {
    const client = createClient({ url, disableOfflineQueue: true });
    client.on("error", () => {});
    await client.connect();
    try {
      const prefix = `${NAMESPACE}${SEPARATOR}`;
      const existing: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) existing.push(...batch);
      if (existing.length > 0 && !options.replace) throw refuse(existing.length);
      const multi = client.multi();
      for (let i = 0; i < existing.length; i += 500) multi.unlink(existing.slice(i, i + 500));
      for (const record of live) {
        const expires = expiresAt(record);
        multi.set(prefix + record.key, record.value, expires ? { PX: Math.max(1, expires - now) } : {});
      }
      await multi.exec();
    } finally {
      client.destroy();
    }
  } else {
    const target = sqlitePath(url, options.cwd);
    if (target !== ":memory:") await mkdir(dirname(target), { recursive: true });
    const db = new SqliteKeyv({ file: target, table: TABLE });
    try {
      const prefix = `${NAMESPACE}:`;
      const write = db.db.transaction(() => {
        const [{ n } = { n: 0 }] = db.query<{ n: number }>(
          `SELECT count(*) AS n FROM ${TABLE} WHERE substr(key, 1, length(?)) = ?`,
          prefix,
          prefix,
        );
        if (n > 0 && !options.replace) throw refuse(n);
        db.query(`DELETE FROM ${TABLE} WHERE substr(key, 1, length(?)) = ?`, prefix, prefix);
        for (const record of live) {
          db.query(`INSERT INTO ${TABLE} (key, value) VALUES (?, ?)`, prefix + record.key, record.value);
        }
      });
      write.immediate();
    } finally {
      await db.disconnect();
    }
  }
  return { counts: countRecords(live), skippedExpired: all.length - live.length };
}
