// What the keyv state store needs from a backend beyond keyv's get/set/delete: listing by key prefix and one
// atomic compare-and-set for delivery records. keyv has neither, so each backend does them with its own
// connection (one SQL statement for SQLite, one Lua script for Redis), on the same keys keyv reads.
import type Keyv from "keyv";
import type { DeliveryRecord } from "../core/services";

/**
 * When a delivery record may be overwritten:
 *   "free"  there is no record yet, or it is a claim whose lease ended at or before `now` (a crashed sender's);
 *   "owned" it is a claim held by `next.owner` (renewing it, or recording the send it protected).
 */
export type DeliveryCondition = "free" | "owned";

export interface DeliveryWrite {
  key: string;
  next: DeliveryRecord;
}

export interface PutIfResult {
  /** Whether `next` was written. */
  written: boolean;
  /** The record that was there before (when not written: the one that stopped the write). */
  previous?: DeliveryRecord;
}

export interface StoreBackend {
  readonly name: "sqlite" | "redis";
  /** keyv with `throwOnErrors`: every failure rejects. Keys are given without the namespace. */
  readonly keyv: Keyv;
  /** Every live [key, value] whose key (without namespace) starts with `prefix`. */
  scan(prefix: string): Promise<Array<[string, unknown]>>;
  /**
   * Atomically writes `next` under `key` when there is no record yet, or the record is a claim whose lease ended
   * at or before `now` (a crashed sender's). Two processes racing for one key: exactly one writes.
   */
  putDeliveryIf(key: string, next: DeliveryRecord, now: number): Promise<PutIfResult>;
  /**
   * Many conditional writes in one round trip (one Lua script, one SQL statement), each atomic on its own key;
   * results in the order given. `owned` checks each record's owner against its `next.owner`.
   */
  putDeliveriesIf(writes: readonly DeliveryWrite[], now: number, condition: DeliveryCondition): Promise<PutIfResult[]>;
  /** Rejects when the backend is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The namespace every key lives under, so one database or Redis can be shared with other data. */
export const NAMESPACE = "huunghi";

/** keyv's stored shape for a value without expiry (written by keyv's own serializer); JSON for SQL and Lua. */
export async function storedForm(keyv: Keyv, value: unknown): Promise<string> {
  const encode = keyv.serialize;
  return encode ? await encode({ value }) : JSON.stringify({ value });
}

/** Reads a delivery record from keyv's stored JSON; anything else is a corrupt record, reported loudly. */
export function parseStoredDelivery(raw: string | null | undefined, key: string): DeliveryRecord | undefined {
  if (raw === null || raw === undefined || raw === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`corrupt delivery record at ${key}: not JSON`);
  }
  const value = (parsed as { value?: unknown } | null)?.value as DeliveryRecord | undefined;
  if (!value || typeof value !== "object" || !["claimed", "sent", "missed"].includes(value.state)) {
    throw new Error(`corrupt delivery record at ${key}`);
  }
  return value;
}

/** A stored value read the way keyv reads it (its deserializer undoes the escaping its serializer adds). */
export async function decodeStored(
  keyv: Keyv,
  raw: string,
): Promise<{ value?: unknown; expires?: number | null } | undefined> {
  const decode = keyv.deserialize;
  return (decode ? await decode(raw) : JSON.parse(raw)) as { value?: unknown; expires?: number | null } | undefined;
}
