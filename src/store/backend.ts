// What the keyv state store needs from a backend beyond keyv's get/set/delete: listing by key prefix and one
// atomic compare-and-set for delivery records. keyv has neither, so each backend does them with its own
// connection (one SQL statement for SQLite, one Lua script for Redis), on the same keys keyv reads.
import type Keyv from "keyv";
import type { DeliveryRecord } from "../core/services";

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
  /** Rejects when the backend is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The namespace every key lives under, so one database or Redis can be shared with other data. */
export const NAMESPACE = "huunghi";

/** keyv's stored shape for a value without expiry; JSON-readable by SQL and Lua. */
export function storedForm(value: unknown): string {
  return JSON.stringify({ value, expires: null });
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
