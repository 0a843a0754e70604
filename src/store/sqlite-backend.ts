// SQLite backend: keyv over libsql (./sqlite-keyv) on a file. The delivery compare-and-set is one
// INSERT … ON CONFLICT … WHERE statement, which SQLite runs atomically even when several processes share the file.
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import Keyv from "keyv";
import type { DeliveryRecord } from "../core/services";
import {
  type DeliveryCondition,
  type DeliveryWrite,
  decodeStored,
  NAMESPACE,
  type PutIfResult,
  parseStoredDelivery,
  type StoreBackend,
  storedForm,
} from "./backend";
import { SqliteKeyv } from "./sqlite-keyv";

const TABLE = "keyv";
/** Delivery writes per statement (two parameters each, well under SQLite's limit). */
const BATCH = 400;
/**
 * How long a statement waits for another process's lock. libsql waits synchronously, holding the event loop, so
 * this stays short (long enough for another writer's transaction on a busy machine): a lock held longer (a long
 * backup, a stuck process) fails as "store unavailable", and the keyv store then refuses calls at once for a while
 * instead of waiting again (keyv-store.ts).
 */
const BUSY_TIMEOUT_MS = 2_000;

interface Row {
  key: string;
  value: string;
}

export async function openSqliteBackend(file: string, onError: (error: unknown) => void): Promise<StoreBackend> {
  if (file !== ":memory:") await mkdir(dirname(file), { recursive: true });
  const adapter = new SqliteKeyv({ file, table: TABLE, busyTimeoutMs: BUSY_TIMEOUT_MS });
  const keyv = new Keyv({ store: adapter, namespace: NAMESPACE, throwOnErrors: true });
  // Errors are thrown to the caller; the listener only keeps an asynchronous adapter error from going unseen.
  keyv.on("error", onError);
  const raw = (key: string): string => `${NAMESPACE}:${key}`;
  const query = async (sql: string, ...params: unknown[]): Promise<Row[]> => adapter.query<Row>(sql, ...params);

  const backend: StoreBackend = {
    name: "sqlite",
    keyv,
    async scan(prefix) {
      const start = raw(prefix);
      const rows = await query(
        `SELECT key, value FROM ${TABLE} WHERE substr(key, 1, length(?)) = ? ORDER BY key`,
        start,
        start,
      );
      const out: Array<[string, unknown]> = [];
      for (const row of rows) {
        const data = await decodeStored(keyv, row.value);
        if (!data) continue;
        if (typeof data.expires === "number" && data.expires < Date.now()) continue;
        out.push([row.key.slice(NAMESPACE.length + 1), data.value]);
      }
      return out;
    },
    async putDeliveryIf(key: string, next: DeliveryRecord, now: number): Promise<PutIfResult> {
      const [result] = await backend.putDeliveriesIf([{ key, next }], now, "free");
      if (!result) throw new Error("no answer from the delivery statement");
      return result;
    },
    async putDeliveriesIf(writes: readonly DeliveryWrite[], now: number, condition: DeliveryCondition) {
      const out: PutIfResult[] = [];
      for (let i = 0; i < writes.length; i += BATCH) {
        const chunk = writes.slice(i, i + BATCH);
        const params: unknown[] = [];
        for (const w of chunk) params.push(raw(w.key), await storedForm(keyv, w.next));
        const rows = "(?, ?), ".repeat(chunk.length).slice(0, -2);
        // One statement, so SQLite applies the whole chunk atomically; RETURNING names the rows written.
        const written =
          condition === "free"
            ? await query(
                `INSERT INTO ${TABLE} (key, value) VALUES ${rows}
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value
                 WHERE json_extract(${TABLE}.value, '$.value.state') = 'claimed'
                   AND json_extract(${TABLE}.value, '$.value.leaseUntil') <= ?
                 RETURNING key`,
                ...params,
                now,
              )
            : await query(
                `WITH next(k, v) AS (VALUES ${rows})
                 UPDATE ${TABLE} SET value = (SELECT v FROM next WHERE k = ${TABLE}.key)
                 WHERE key IN (SELECT k FROM next)
                   AND json_extract(value, '$.value.state') = 'claimed'
                   AND json_extract(value, '$.value.owner') =
                       json_extract((SELECT v FROM next WHERE k = ${TABLE}.key), '$.value.owner')
                 RETURNING key`,
                ...params,
              );
        const done = new Set(written.map((r) => r.key));
        const missing = chunk.filter((w) => !done.has(raw(w.key))).map((w) => raw(w.key));
        const before = new Map<string, string>();
        if (missing.length > 0) {
          const found = await query(
            `SELECT key, value FROM ${TABLE} WHERE key IN (${"?, ".repeat(missing.length).slice(0, -2)})`,
            ...missing,
          );
          for (const row of found) before.set(row.key, row.value);
        }
        for (const w of chunk) {
          if (done.has(raw(w.key))) {
            out.push({ written: true });
            continue;
          }
          const previous = parseStoredDelivery(before.get(raw(w.key)), w.key);
          out.push(previous ? { written: false, previous } : { written: false });
        }
      }
      return out;
    },
    async ping() {
      // A write, not a read: a read-only file answers SELECT but can keep no subscription (readiness must fail).
      await query(
        `INSERT INTO ${TABLE} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        raw("ping"),
        await storedForm(keyv, Date.now()),
      );
    },
    async close() {
      await adapter.disconnect();
    },
  };
  return backend;
}
