// Ports: what commands may ask of the outside world. The core defines them; src/ implements them.

import type { IngestPort } from "../ingest/port";
import type { Command } from "./command";
import { UserError } from "./errors";
import { both, type Lang } from "./i18n";
import type { PagedInvocation, PageEntry } from "./paging";
import type { Reply } from "./reply";

export type Cadence = "daily" | "weekly";

export interface Subscription {
  /** Platform-prefixed chat id ("telegram:-100123", "discord:guild:channel"). */
  chatId: string;
  /** The platform that posts the digest (the adapter's `name`). */
  platform: string;
  /** Local time of day, HH:MM. */
  time: string;
  cadence: Cadence;
  /** ISO weekday 1 (Mon) … 7 (Sun), for weekly digests. */
  weekday?: number;
  lang: Lang;
  /** IANA zone, default Asia/Ho_Chi_Minh. */
  zone: string;
  createdBy: string;
  createdAt: string;
  /** Last change by /subscribe; a period whose time passed before it is not posted late. */
  updatedAt?: string;
}

export type ClaimResult = "claimed" | "already-sent" | "held-by-other" | "missed";

export interface DeliveryRecord {
  key: string;
  state: "claimed" | "sent" | "missed";
  owner?: string;
  leaseUntil?: number;
  at: string;
}

export interface AuditEntry {
  at: string;
  who: string;
  where: string;
  what: string;
  result: "ok" | "refused" | "failed";
  detail?: string;
}

/**
 * Durable state. Every method rejects on a store failure: a failure is never a silent `undefined`.
 */
export interface StateStore {
  getSubscription(chatId: string): Promise<Subscription | undefined>;
  setSubscription(sub: Subscription): Promise<void>;
  deleteSubscription(chatId: string): Promise<boolean>;
  listSubscriptions(): Promise<Subscription[]>;
  /**
   * A chat got a new id (a Telegram group upgraded to a supergroup): its subscription and its digest delivery
   * records move to `to`, so digests go on there and a period already sent is not sent again. False when `from`
   * had no subscription.
   */
  moveChat(from: string, to: string): Promise<boolean>;

  /** Keeps the invocation behind a page button for `ttlMs`, so any process sharing the store can turn the page. */
  savePage(token: string, invocation: PagedInvocation, ttlMs: number): Promise<void>;
  /** Several page tokens in one round trip (one commit). */
  savePages?(entries: readonly PageEntry[], ttlMs: number): Promise<void>;
  loadPage(token: string): Promise<PagedInvocation | undefined>;

  getUserLang(userId: string): Promise<Lang | undefined>;
  setUserLang(userId: string, lang: Lang): Promise<void>;

  /** Atomically claim a delivery (chat, period) before sending; a stale claim past its lease may be re-claimed. */
  claimDelivery(key: string, owner: string, leaseMs: number): Promise<ClaimResult>;
  /** claimDelivery for many keys at once (a few store round trips, not one per key); results in key order. */
  claimDeliveries(keys: readonly string[], owner: string, leaseMs: number): Promise<ClaimResult[]>;
  /** Extends the leases `owner` still holds (a send waiting in the queue); false for each one it lost. */
  renewClaims(keys: readonly string[], owner: string, leaseMs: number): Promise<boolean[]>;
  /** Records a send as done while `owner` still holds its claim; false when another process took it over. */
  markSent(key: string, owner: string): Promise<boolean>;
  markMissed(key: string): Promise<void>;
  getDelivery(key: string): Promise<DeliveryRecord | undefined>;

  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(limit: number): Promise<AuditEntry[]>;

  /** Throws when the backend is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface ReloadOutcome {
  ok: boolean;
  version: string;
  /** Per record kind: added / removed / changed ids. */
  diff?: Record<string, { added: string[]; removed: string[]; changed: string[] }>;
  /** Records per kind in the corpus now serving (after a reload, the new one). */
  counts?: Record<string, number>;
  errors?: { file: string; path: string; message: string }[];
}

export interface StatusInfo {
  version: string;
  corpusVersion: string;
  counts: Record<string, number>;
  uptimeSeconds: number;
  platforms: { name: string; connected: boolean }[];
  subscriptions: number;
  nextDigest?: string;
  /** Why the next digest could not be worked out (the store failed), when it could not. */
  nextDigestError?: string;
  /** Whether the state store answered (when not, `subscriptions` is 0 and unknown). */
  store?: { ok: boolean; detail: string };
}

/**
 * Every port a command may use, complete when built (src/app.ts `createCore` fills what a caller leaves out,
 * once): commands never check for a missing piece. A bot without a state store has NO_STORE, and commands that
 * need a real one declare `requires: ["store"]`.
 */
export interface Services {
  store: StateStore;
  /** The bot's IANA time zone, for showing instants (audit entries, next digest). */
  zone: string;
  /** IANA zone given to new subscriptions (DIGEST_ZONE). */
  digestZone: string;
  /** Whether a platform-prefixed user id is in ADMIN_IDS. */
  isAdmin(userId: string): boolean;
  reload(): Promise<ReloadOutcome>;
  status(): Promise<StatusInfo>;
  /** When a subscription's next digest is due (the schedule decides; /subscribe and /settings show it). */
  nextDigestDue(sub: Subscription): Date;
  /** Builds the digest preview for a chat (used by /digest). */
  previewDigest(chatId: string, lang: Lang): Promise<Reply | undefined>;
  /** The registered commands, for /help. */
  commands: readonly Command[];
  /** The ingest inbox: draft a news page, review, approve or reject (/ingest, /inbox, /review). */
  ingest: IngestPort;
  /** Logs a failure that must not change the answer (an audit entry that could not be written). */
  reportError(error: unknown, what: string): void;
}

const refuse = (): Promise<never> =>
  Promise.reject(
    new UserError(
      "no-store",
      both((w) => w.noStore),
    ),
  );

/**
 * The store of a bot that runs without one (`npm run ask`, tests): it reads as empty, drops audit entries,
 * and refuses to keep anything with the clear "no store" error. Commands that must keep state require "store".
 */
export const NO_STORE: StateStore = {
  getSubscription: async () => undefined,
  setSubscription: refuse,
  deleteSubscription: refuse,
  listSubscriptions: async () => [],
  moveChat: async () => false,
  savePage: async () => {},
  loadPage: async () => undefined,
  getUserLang: async () => undefined,
  setUserLang: refuse,
  claimDelivery: refuse,
  claimDeliveries: refuse,
  renewClaims: refuse,
  markSent: refuse,
  markMissed: refuse,
  getDelivery: async () => undefined,
  appendAudit: async () => {},
  listAudit: async () => [],
  ping: async () => {},
  close: async () => {},
};
