// Redis backend: @keyv/redis over a node-redis client we configure ourselves, so that a lost connection fails
// commands at once (no offline queue) instead of hanging or answering `undefined`. The delivery compare-and-set
// is a Lua script: Redis runs it atomically, so two bot processes sharing one Redis never both claim a digest.

import KeyvRedis, { createClient } from "@keyv/redis";
import Keyv from "keyv";
import type { DeliveryRecord } from "../core/services";
import { noAnswerWithin, within } from "../core/within";
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

export const SEPARATOR = "::";

/**
 * Conditional writes of delivery records, all in one atomic script. KEYS = record keys; ARGV[1] = now (ms);
 * ARGV[2] = "free" | "owned"; ARGV[2 + i] = the new stored value of KEYS[i]. Returns {written, previous or ""}
 * per key. "free": no record, or a claim whose lease has ended; "owned": a claim held by the new value's owner.
 */
const PUT_DELIVERIES_IF = `
local out = {}
local now = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  local current = redis.call('GET', key)
  local record
  if current then
    local ok, data = pcall(cjson.decode, current)
    if ok and type(data) == 'table' and type(data.value) == 'table' then record = data.value end
  end
  local write = false
  if ARGV[2] == 'free' then
    write = (not current) or (record ~= nil and record.state == 'claimed' and tonumber(record.leaseUntil or 0) <= now)
  else
    local ok, next = pcall(cjson.decode, ARGV[2 + i])
    write = record ~= nil and record.state == 'claimed' and ok and record.owner == next.value.owner
  end
  if write then redis.call('SET', key, ARGV[2 + i]) end
  out[i] = {write and 1 or 0, current or ''}
end
return out
`;

/** Keys per script call: one round trip each, short enough not to stall Redis for other clients. */
const BATCH = 500;

/** SCAN MATCH treats * ? [ ] \ as pattern characters. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}

export async function openRedisBackend(
  url: string,
  onError: (error: unknown) => void,
  connectTimeoutMs = 5_000,
): Promise<StoreBackend> {
  // Before the first connection, a refusal is final (a wrong URL should fail start-up at once); afterwards the
  // client keeps reconnecting while each command in the meantime rejects.
  let connected = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: connectTimeoutMs,
      reconnectStrategy: (retries, cause) => (connected ? Math.min(100 * 2 ** retries, 2_000) : cause),
    },
  });
  client.on("error", onError);
  client.on("ready", () => {
    connected = true;
  });
  try {
    await within(client.connect(), connectTimeoutMs, noAnswerWithin(connectTimeoutMs));
  } catch (error) {
    if (client.isOpen) client.destroy();
    throw new Error(`cannot connect to Redis at ${redact(url)}: ${(error as Error).message}`, { cause: error });
  }
  const adapter = new KeyvRedis(client, {
    namespace: NAMESPACE,
    keyPrefixSeparator: SEPARATOR,
    throwOnErrors: true,
    throwOnConnectError: true,
  });
  // The adapter adds the namespace itself; keyv must not add a second prefix.
  const keyv = new Keyv({ store: adapter, namespace: NAMESPACE, useKeyPrefix: false, throwOnErrors: true });
  keyv.on("error", onError);
  // From here keyv forwards the client's errors (through the adapter): one report per error, not two.
  client.off("error", onError);
  const raw = (key: string): string => `${NAMESPACE}${SEPARATOR}${key}`;

  const backend: StoreBackend = {
    name: "redis",
    keyv,
    async scan(prefix) {
      const out: Array<[string, unknown]> = [];
      const keys: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: `${globEscape(raw(prefix))}*`, COUNT: 500 })) {
        keys.push(...batch);
      }
      keys.sort();
      for (let i = 0; i < keys.length; i += 500) {
        const chunk = keys.slice(i, i + 500);
        const values = await client.mGet(chunk);
        for (const [j, key] of chunk.entries()) {
          const value = values[j];
          if (value === null || value === undefined) continue; // deleted between SCAN and MGET
          const data = await decodeStored(keyv, value);
          if (!data || (typeof data.expires === "number" && data.expires < Date.now())) continue;
          out.push([key.slice(NAMESPACE.length + SEPARATOR.length), data.value]);
        }
      }
      return out;
    },
    async putDeliveryIf(key: string, next: DeliveryRecord, now: number): Promise<PutIfResult> {
      const [result] = await backend.putDeliveriesIf([{ key, next }], now, "free");
      if (!result) throw new Error("no answer from the delivery script");
      return result;
    },
    async putDeliveriesIf(writes: readonly DeliveryWrite[], now: number, condition: DeliveryCondition) {
      const out: PutIfResult[] = [];
      for (let i = 0; i < writes.length; i += BATCH) {
        const chunk = writes.slice(i, i + BATCH);
        const values = await Promise.all(chunk.map((w) => storedForm(keyv, w.next)));
        const reply = (await client.eval(PUT_DELIVERIES_IF, {
          keys: chunk.map((w) => raw(w.key)),
          arguments: [String(now), condition, ...values],
        })) as Array<[number, string]>;
        for (const [j, w] of chunk.entries()) {
          const [written, before] = reply[j] ?? [0, ""];
          const previous = parseStoredDelivery(before, w.key);
          out.push(previous ? { written: Number(written) === 1, previous } : { written: Number(written) === 1 });
        }
      }
      return out;
    },
    async ping() {
      await client.ping();
    },
    async close() {
      if (!client.isOpen) return;
      // close() waits for every reply: a hung Redis never gives them, so the connection is dropped after a bound.
      const closed = client.close().then(() => "closed" as const);
      closed.catch(() => {});
      const outcome = await within(closed, 2_000, () => "cut" as const);
      if (outcome === "cut" && client.isOpen) client.destroy();
    },
  };
  return backend;
}

/** A Redis URL without its password, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}
