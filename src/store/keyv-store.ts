// StateStore over keyv. Keys live under one namespace with a prefix per kind:
//   sub:<chatId>          a chat's subscription
//   lang:<userId>         a user's /lang preference
//   delivery:<key>        a digest delivery record (claimed → sent, or missed)
//   audit:<iso>:<nonce>   one audit entry (one key each, so concurrent appends never overwrite one another)
// Listing reads by key prefix straight from the backend, so there is no separate index to drift out of step.
import { randomUUID } from "node:crypto";
import type { Lang } from "../core/i18n";
import type { AuditEntry, ClaimResult, DeliveryRecord, StateStore, Subscription } from "../core/services";
import type { StoreBackend } from "./backend";
import { CorruptRecordError, readAudit, readSubscription } from "./records";

export interface KeyvStoreOptions {
  /** Milliseconds since the epoch; tests pass their controllable clock. */
  now?: () => number;
  /** Audit entries older than this are dropped when read (default 180 days). */
  auditTtlMs?: number;
  /**
   * A corrupt subscription met while listing: by default the listing throws (loud, but it stops every digest);
   * given a handler, the record is reported to it and skipped, and the other subscribers are still returned.
   */
  onCorrupt?: (error: CorruptRecordError) => void;
}

const SUB = "sub:";
const LANG = "lang:";
const DELIVERY = "delivery:";
const AUDIT = "audit:";

export class KeyvStateStore implements StateStore {
  private readonly now: () => number;
  private readonly auditTtlMs: number;
  private readonly onCorrupt: (error: CorruptRecordError) => void;

  constructor(
    readonly backend: StoreBackend,
    options: KeyvStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.auditTtlMs = options.auditTtlMs ?? 180 * 24 * 3600 * 1000;
    this.onCorrupt =
      options.onCorrupt ??
      ((error) => {
        throw error;
      });
  }

  private closed = false;

  /** After close() every call rejects: no adapter may quietly reconnect behind a closed store. */
  private get keyv() {
    this.ensureOpen();
    return this.backend.keyv;
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error("the state store is closed");
  }

  async getSubscription(chatId: string): Promise<Subscription | undefined> {
    const value: unknown = await this.keyv.get(SUB + chatId);
    return value === undefined ? undefined : readSubscription(SUB + chatId, value);
  }

  async setSubscription(sub: Subscription): Promise<void> {
    const checked = readSubscription(SUB + sub.chatId, sub);
    await this.keyv.set(SUB + sub.chatId, checked);
  }

  async deleteSubscription(chatId: string): Promise<boolean> {
    return this.keyv.delete(SUB + chatId);
  }

  async moveChat(from: string, to: string): Promise<boolean> {
    const sub = await this.getSubscription(from);
    // Delivery keys are "digest:<chatId>:<period>" (src/schedule/period.ts); records move before the
    // subscription, so the new id never has a subscription without its history.
    const prefix = `${DELIVERY}digest:${from}:`;
    for (const [key, value] of await this.backend.scan(prefix)) {
      const record = value as DeliveryRecord;
      const movedKey = `digest:${to}:${key.slice(prefix.length)}`;
      await this.keyv.set(DELIVERY + movedKey, { ...record, key: movedKey });
    }
    if (!sub) return false;
    await this.setSubscription({ ...sub, chatId: to });
    await this.keyv.delete(SUB + from);
    return true;
  }

  async listSubscriptions(): Promise<Subscription[]> {
    const out: Subscription[] = [];
    this.ensureOpen();
    for (const [key, value] of await this.backend.scan(SUB)) {
      try {
        out.push(readSubscription(key, value));
      } catch (error) {
        if (!(error instanceof CorruptRecordError)) throw error;
        this.onCorrupt(error);
      }
    }
    return out;
  }

  async getUserLang(userId: string): Promise<Lang | undefined> {
    const value: unknown = await this.keyv.get(LANG + userId);
    if (value === undefined) return undefined;
    if (value !== "vi" && value !== "en")
      throw new CorruptRecordError(LANG + userId, `unknown language ${String(value)}`);
    return value;
  }

  async setUserLang(userId: string, lang: Lang): Promise<void> {
    await this.keyv.set(LANG + userId, lang);
  }

  async claimDelivery(key: string, owner: string, leaseMs: number): Promise<ClaimResult> {
    this.ensureOpen();
    const now = this.now();
    const record: DeliveryRecord = {
      key,
      state: "claimed",
      owner,
      leaseUntil: now + leaseMs,
      at: new Date(now).toISOString(),
    };
    const result = await this.backend.putDeliveryIf(DELIVERY + key, record, now);
    if (result.written) return "claimed";
    switch (result.previous?.state) {
      case "sent":
        return "already-sent";
      case "missed":
        return "missed";
      default:
        return "held-by-other";
    }
  }

  /** Sent is final: whoever finished the send, the period is done. */
  async markSent(key: string, owner: string): Promise<void> {
    const record: DeliveryRecord = { key, state: "sent", owner, at: new Date(this.now()).toISOString() };
    await this.keyv.set(DELIVERY + key, record);
  }

  /** Records a period as missed unless it was sent or is being sent (an unexpired claim). */
  async markMissed(key: string): Promise<void> {
    this.ensureOpen();
    const now = this.now();
    await this.backend.putDeliveryIf(DELIVERY + key, { key, state: "missed", at: new Date(now).toISOString() }, now);
  }

  async getDelivery(key: string): Promise<DeliveryRecord | undefined> {
    const value = (await this.keyv.get(DELIVERY + key)) as DeliveryRecord | undefined;
    if (value !== undefined && !["claimed", "sent", "missed"].includes(value?.state)) {
      throw new CorruptRecordError(DELIVERY + key, "unknown delivery state");
    }
    return value;
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    const checked = readAudit(AUDIT, entry);
    // The ISO time first makes keys sort by time; the nonce keeps two entries in one millisecond apart.
    await this.keyv.set(`${AUDIT}${checked.at}:${randomUUID().slice(0, 8)}`, checked, this.auditTtlMs);
  }

  async listAudit(limit: number): Promise<AuditEntry[]> {
    this.ensureOpen();
    const entries = await this.backend.scan(AUDIT);
    return entries
      .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
      .slice(0, Math.max(0, limit))
      .map(([key, value]) => readAudit(key, value));
  }

  async ping(): Promise<void> {
    this.ensureOpen();
    await this.backend.ping();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.backend.close();
  }
}
