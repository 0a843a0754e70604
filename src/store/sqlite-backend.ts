// SQLite backend: keyv over libsql (./sqlite-keyv) on a file. The delivery compare-and-set is one
// INSERT … ON CONFLICT … WHERE statement, which SQLite runs atomically even when several processes share the file.
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import Keyv from "keyv";
import type { DeliveryRecord } from "../core/services";
import {
  decodeStored,
  NAMESPACE,
  type PutIfResult,
  parseStoredDelivery,
  type StoreBackend,
  storedForm,
} from "./backend";
import { SqliteKeyv } from "./sqlite-keyv";

const TABLE = "keyv";

interface Row {
  key: string;
  value: string;
}

export async function openSqliteBackend(file: string, onError: (error: unknown) => void): Promise<StoreBackend> {
  if (file !== ":memory:") await mkdir(dirname(file), { recursive: true });
  const adapter = new SqliteKeyv({ file, table: TABLE, busyTimeoutMs: 5_000 });
  const keyv = new Keyv({ store: adapter, namespace: NAMESPACE, throwOnErrors: true });
  // Errors are thrown to the caller; the listener only keeps an asynchronous adapter error from going unseen.
  keyv.on("error", onError);
  const raw = (key: string): string => `${NAMESPACE}:${key}`;
  const query = async (sql: string, ...params: unknown[]): Promise<Row[]> => adapter.query<Row>(sql, ...params);

  return {
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
      // RETURNING yields a row only when the insert or the conditional update happened.
      const written = await query(
        `INSERT INTO ${TABLE} (key, value) VALUES (?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value
         WHERE json_extract(${TABLE}.value, '$.value.state') = 'claimed'
           AND json_extract(${TABLE}.value, '$.value.leaseUntil') <= ?
         RETURNING key`,
        raw(key),
        await storedForm(keyv, next),
        now,
      );
      if (written.length > 0) return { written: true };
      const rows = await query(`SELECT value FROM ${TABLE} WHERE key = ?`, raw(key));
      const previous = parseStoredDelivery(rows[0]?.value, key);
      return previous ? { written: false, previous } : { written: false };
    },
    async ping() {
      await query("SELECT 1");
    },
    async close() {
      await adapter.disconnect();
    },
  };
}
