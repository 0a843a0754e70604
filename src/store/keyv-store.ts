// StateStore over keyv. Keys live under one namespace with a prefix per kind:
//   sub:<chatId>          a chat's subscription
//   lang:<userId>         a user's /lang preference
//   page:<token>          the invocation behind a page button (expires), shared by every process
//   delivery:<key>        a digest delivery record (claimed → sent, or missed)
//   audit:<iso>:<seq>:<nonce>   one audit entry (one key each, so concurrent appends never overwrite one another)
// Listing reads by key prefix straight from the backend, so there is no separate index to drift out of step.
import { randomUUID } from "node:crypto";
import type { Lang } from "../core/i18n";
import type { PagedInvocation, PageEntry } from "../core/paging";
import type { AuditEntry, ClaimResult, DeliveryRecord, StateStore, Subscription } from "../core/services";
import { within } from "../core/within";
import type { DeliveryWrite, StoreBackend } from "./backend";
import { describeStoreFailure, StoreUnavailableError } from "./errors";
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
  /**
   * How long one store call may take before it fails as "store unavailable" (default 2 s): a hung Redis or a
   * locked SQLite file must not hold a command, a digest tick or a stop for longer.
   */
  timeoutMs?: number;
  /** After a call timed out, calls fail at once for this long instead of waiting again (2 s; three times that after a lock). */
  failFastMs?: number;
}

const SUB = "sub:";
const LANG = "lang:";
const PAGE = "page:";
const DELIVERY = "delivery:";
const AUDIT = "audit:";

let auditSequence = 0;

export class KeyvStateStore implements StateStore {
  private readonly now: () => number;
  private readonly auditTtlMs: number;
  private readonly onCorrupt: (error: CorruptRecordError) => void;
  private readonly timeoutMs: number;
  private readonly failFastMs: number;
  /** Until when (ms) calls fail at once, and why. */
  private failingUntil = 0;
  private failing = "";

  constructor(
    readonly backend: StoreBackend,
    options: KeyvStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.auditTtlMs = options.auditTtlMs ?? 180 * 24 * 3600 * 1000;
    this.timeoutMs = options.timeoutMs ?? 2_000;
    this.failFastMs = options.failFastMs ?? 2_000;
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

  /**
   * Runs one store call within the time bound. A failure of the backend becomes a StoreUnavailableError naming
   * the call and the cause; a corrupt record stays a CorruptRecordError. A timeout or a lock makes the next calls
   * fail at once for `failFastMs`, so one command does not wait out the bound several times in series.
   */
  private async run<T>(operation: string, work: () => Promise<T>, probe = false): Promise<T> {
    this.ensureOpen();
    if (!probe && Date.now() < this.failingUntil) throw new StoreUnavailableError(operation, this.failing);
    const call = work();
    try {
      return await within(call, this.timeoutMs, () => {
        throw new StoreTimeout(this.timeoutMs);
      });
    } catch (error) {
      if (error instanceof CorruptRecordError || error instanceof StoreUnavailableError) throw error;
      const reason = describeStoreFailure(error);
      if (error instanceof StoreTimeout || /locked/.test(reason)) {
        call.catch(() => {}); // the call may still fail later; it is no one's to handle any more
        // A lock is waited for synchronously (the whole process stands still), so it is not retried as soon.
        this.failingUntil = Date.now() + (error instanceof StoreTimeout ? this.failFastMs : this.failFastMs * 3);
        this.failing = reason;
      }
      throw new StoreUnavailableError(operation, reason, { cause: error });
    }
  }

  async getSubscription(chatId: string): Promise<Subscription | undefined> {
    const value: unknown = await this.run("getSubscription", () => this.keyv.get(SUB + chatId));
    return value === undefined ? undefined : readSubscription(SUB + chatId, value);
  }

  async setSubscription(sub: Subscription): Promise<void> {
    const checked = readSubscription(SUB + sub.chatId, sub);
    await this.run("setSubscription", () => this.keyv.set(SUB + sub.chatId, checked));
  }

  async deleteSubscription(chatId: string): Promise<boolean> {
    return this.run("deleteSubscription", () => this.keyv.delete(SUB + chatId));
  }

  async moveChat(from: string, to: string): Promise<boolean> {
    const sub = await this.getSubscription(from);
    // Delivery keys are "digest:<chatId>:<period>" (src/schedule/period.ts); records move before the
    // subscription, so the new id never has a subscription without its history.
    const prefix = `${DELIVERY}digest:${from}:`;
    for (const [key, value] of await this.run("moveChat", () => this.backend.scan(prefix))) {
      const record = value as DeliveryRecord;
      const movedKey = `digest:${to}:${key.slice(prefix.length)}`;
      await this.run("moveChat", () => this.keyv.set(DELIVERY + movedKey, { ...record, key: movedKey }));
    }
    if (!sub) return false;
    await this.setSubscription({ ...sub, chatId: to });
    await this.run("moveChat", () => this.keyv.delete(SUB + from));
    return true;
  }

  async listSubscriptions(): Promise<Subscription[]> {
    const out: Subscription[] = [];
    this.ensureOpen();
    for (const [key, value] of await this.run("listSubscriptions", () => this.backend.scan(SUB))) {
      try {
        out.push(readSubscription(key, value));
      } catch (error) {
        if (!(error instanceof CorruptRecordError)) throw error;
        this.onCorrupt(error);
      }
    }
    return out;
  }

  async savePage(token: string, invocation: PagedInvocation, ttlMs: number): Promise<void> {
    await this.run("savePage", () => this.keyv.set(PAGE + token, invocation, ttlMs));
  }

  async savePages(entries: readonly PageEntry[], ttlMs: number): Promise<void> {
    const rows = entries.map((e) => ({ key: PAGE + e.token, value: e.invocation, ttl: ttlMs }));
    await this.run("savePages", () => this.keyv.setMany(rows));
  }

  async loadPage(token: string): Promise<PagedInvocation | undefined> {
    const value: unknown = await this.run("loadPage", () => this.keyv.get(PAGE + token));
    if (value === undefined) return undefined;
    const inv = value as PagedInvocation;
    if (typeof inv?.command !== "string" || (inv.lang !== "vi" && inv.lang !== "en")) {
      throw new CorruptRecordError(PAGE + token, "not a paged invocation");
    }
    return inv;
  }

  async getUserLang(userId: string): Promise<Lang | undefined> {
    const value: unknown = await this.run("getUserLang", () => this.keyv.get(LANG + userId));
    if (value === undefined) return undefined;
    if (value !== "vi" && value !== "en")
      throw new CorruptRecordError(LANG + userId, `unknown language ${String(value)}`);
    return value;
  }

  async setUserLang(userId: string, lang: Lang): Promise<void> {
    await this.run("setUserLang", () => this.keyv.set(LANG + userId, lang));
  }

  async claimDelivery(key: string, owner: string, leaseMs: number): Promise<ClaimResult> {
    const [result] = await this.claimDeliveries([key], owner, leaseMs);
    if (!result) throw new Error("the store gave no claim result");
    return result;
  }

  /** Claims many deliveries in one round trip per few hundred keys; results in the order of `keys`. */
  async claimDeliveries(keys: readonly string[], owner: string, leaseMs: number): Promise<ClaimResult[]> {
    const now = this.now();
    const writes = keys.map((key) => ({ key: DELIVERY + key, next: this.claimRecord(key, owner, now, leaseMs) }));
    const results = await this.run("claimDeliveries", () => this.backend.putDeliveriesIf(writes, now, "free"));
    return results.map((result) => {
      if (result.written) return "claimed";
      switch (result.previous?.state) {
        case "sent":
          return "already-sent";
        case "missed":
          return "missed";
        default:
          return "held-by-other";
      }
    });
  }

  /** Extends the lease of claims `owner` still holds; false for each one it no longer holds. */
  async renewClaims(keys: readonly string[], owner: string, leaseMs: number): Promise<boolean[]> {
    const now = this.now();
    const writes: DeliveryWrite[] = keys.map((key) => ({
      key: DELIVERY + key,
      next: this.claimRecord(key, owner, now, leaseMs),
    }));
    const results = await this.run("renewClaims", () => this.backend.putDeliveriesIf(writes, now, "owned"));
    return results.map((r) => r.written);
  }

  private claimRecord(key: string, owner: string, now: number, leaseMs: number): DeliveryRecord {
    return { key, state: "claimed", owner, leaseUntil: now + leaseMs, at: new Date(now).toISOString() };
  }

  /**
   * Records a send as done, only while `owner` still holds the claim (its lease may have run out meanwhile, as
   * long as nobody took it over). False when another process holds or finished it: the send may be a duplicate.
   */
  async markSent(key: string, owner: string): Promise<boolean> {
    const record: DeliveryRecord = { key, state: "sent", owner, at: new Date(this.now()).toISOString() };
    const [result] = await this.run("markSent", () =>
      this.backend.putDeliveriesIf([{ key: DELIVERY + key, next: record }], this.now(), "owned"),
    );
    return result?.written === true;
  }

  /** Records a period as missed unless it was sent or is being sent (an unexpired claim). */
  async markMissed(key: string): Promise<void> {
    const now = this.now();
    const missed: DeliveryRecord = { key, state: "missed", at: new Date(now).toISOString() };
    await this.run("markMissed", () => this.backend.putDeliveryIf(DELIVERY + key, missed, now));
  }

  async getDelivery(key: string): Promise<DeliveryRecord | undefined> {
    const value = (await this.run("getDelivery", () => this.keyv.get(DELIVERY + key))) as DeliveryRecord | undefined;
    if (value !== undefined && !["claimed", "sent", "missed"].includes(value?.state)) {
      throw new CorruptRecordError(DELIVERY + key, "unknown delivery state");
    }
    return value;
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    const checked = readAudit(AUDIT, entry);
    // The ISO time first makes keys sort by time; the sequence keeps this process's entries of one millisecond
    // in the order they were written, and the nonce keeps other processes' entries apart.
    auditSequence += 1;
    const key = `${AUDIT}${checked.at}:${String(auditSequence).padStart(10, "0")}:${randomUUID().slice(0, 8)}`;
    await this.run("appendAudit", () => this.keyv.set(key, checked, this.auditTtlMs));
  }

  async listAudit(limit: number): Promise<AuditEntry[]> {
    this.ensureOpen();
    const entries = await this.run("listAudit", () => this.backend.scan(AUDIT));
    return entries
      .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
      .slice(0, Math.max(0, limit))
      .map(([key, value]) => readAudit(key, value));
  }

  async ping(): Promise<void> {
    await this.run("ping", () => this.backend.ping(), true);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.backend.close();
  }
}

class StoreTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = "StoreTimeout";
  }
}
