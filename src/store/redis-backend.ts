// Redis backend: @keyv/redis over a node-redis client we configure ourselves, so that a lost connection fails
// commands at once (no offline queue) instead of hanging or answering `undefined`. The delivery compare-and-set
// is a Lua script: Redis runs it atomically, so two bot processes sharing one Redis never both claim a digest.

import KeyvRedis, { createClient } from "@keyv/redis";
import Keyv from "keyv";
import type { DeliveryRecord } from "../core/services";
import { noAnswerWithin, within } from "../core/within";
import {
  decodeStored,
  NAMESPACE,
  type PutIfResult,
  parseStoredDelivery,
  type StoreBackend,
  storedForm,
} from "./backend";

const SEPARATOR = "::";

/** KEYS[1] = record key; ARGV[1] = new stored value; ARGV[2] = now (ms). Returns {written, previous or ""}. */
const PUT_DELIVERY_IF = `
local current = redis.call('GET', KEYS[1])
if not current then
  redis.call('SET', KEYS[1], ARGV[1])
  return {1, ''}
end
local ok, data = pcall(cjson.decode, current)
if ok and type(data) == 'table' and type(data.value) == 'table' and data.value.state == 'claimed'
   and tonumber(data.value.leaseUntil or 0) <= tonumber(ARGV[2]) then
  redis.call('SET', KEYS[1], ARGV[1])
  return {1, current}
end
return {0, current}
`;

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

  return {
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
      const reply = (await client.eval(PUT_DELIVERY_IF, {
        keys: [raw(key)],
        arguments: [await storedForm(keyv, next), String(now)],
      })) as [number, string];
      const previous = parseStoredDelivery(reply[1], key);
      const written = Number(reply[0]) === 1;
      return previous ? { written, previous } : { written };
    },
    async ping() {
      await client.ping();
    },
    async close() {
      if (client.isOpen) await client.close();
    },
  };
}

/** A Redis URL without its password, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}
