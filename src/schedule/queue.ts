// The delivery queue: every digest goes out through it, within the platform's limits, and a failed send
// is retried as the failure asks — after retry_after on a 429 (and nobody else sends meanwhile), with
// exponential back-off on 5xx and network errors — up to a bounded number of attempts. A chat that is gone
// is reported, not retried. Per-chat spacing uses Bottleneck groups; the global ceiling is the Pacer.
import Bottleneck from "bottleneck";
import type { Logger } from "pino";
import { Pacer } from "./pacer";
import { classifySendError, type SendFailure } from "./send-errors";

export interface RateLimits {
  /** Messages per second over all chats (Telegram: about 30). */
  perSecond: number;
  /** Least time between two messages to one chat, ms (Telegram: about 1 per second). */
  perChatMs: number;
  /** Messages per minute to one group or channel (Telegram: 20). */
  perGroupPerMinute: number;
}

export interface RetryPolicy {
  /** Attempts per message, the first included. */
  maxAttempts: number;
  /** First back-off after a 5xx or network error; doubles each time, with jitter, up to backoffMaxMs. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

/** Telegram's, the strictest: the default of a platform that does not give its own (PlatformAdapter.digestLimits). */
export const TELEGRAM_LIMITS: RateLimits = { perSecond: 30, perChatMs: 1_000, perGroupPerMinute: 20 };
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, backoffBaseMs: 500, backoffMaxMs: 30_000 };

export interface QueueOptions extends Partial<RateLimits>, Partial<RetryPolicy> {
  logger?: Logger;
  /**
   * Whether a chat is a group or channel (20/min) rather than a private chat: the platform says
   * (PlatformAdapter.isGroupChat, wired by the composition root); without it every chat is private.
   */
  isGroup?: (chatId: string) => boolean;
  /** Called when a send is let through, with the grant time: what the rate ceiling is measured on. */
  onSend?: (chatId: string, at: number, attempt: number) => void;
  /** Called when a send will be retried: the failure, the wait, and when it was decided (ms). */
  onRetry?: (chatId: string, failure: SendFailure, waitMs: number, at: number) => void;
  random?: () => number;
}

export type DeliveryOutcome =
  | { status: "sent"; attempts: number }
  | { status: "gone"; attempts: number; error: unknown }
  | { status: "failed"; attempts: number; error: unknown }
  | { status: "abandoned"; attempts: number };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class DeliveryQueue {
  readonly limits: RateLimits;
  readonly retry: RetryPolicy;
  private readonly pacer: Pacer;
  private readonly privateChats: Bottleneck.Group;
  private readonly groupChats: Bottleneck.Group;
  private waiting = 0;
  private stopped = false;
  /** Last grant per chat: Bottleneck spaces job starts, this makes the spacing exact at grant time too. */
  private readonly lastGrant = new Map<string, number>();

  constructor(private readonly options: QueueOptions = {}) {
    this.limits = {
      perSecond: options.perSecond ?? TELEGRAM_LIMITS.perSecond,
      perChatMs: options.perChatMs ?? TELEGRAM_LIMITS.perChatMs,
      perGroupPerMinute: options.perGroupPerMinute ?? TELEGRAM_LIMITS.perGroupPerMinute,
    };
    this.retry = {
      maxAttempts: options.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
      backoffBaseMs: options.backoffBaseMs ?? DEFAULT_RETRY.backoffBaseMs,
      backoffMaxMs: options.backoffMaxMs ?? DEFAULT_RETRY.backoffMaxMs,
    };
    if (!(this.limits.perSecond > 0) || !(this.limits.perGroupPerMinute > 0) || this.limits.perChatMs < 0) {
      throw new Error("delivery rate limits must be positive");
    }
    this.pacer = new Pacer(1000 / this.limits.perSecond);
    // One message at a time per chat keeps a chat's messages in order; minTime spaces them.
    this.privateChats = new Bottleneck.Group({ maxConcurrent: 1, minTime: this.limits.perChatMs });
    this.groupChats = new Bottleneck.Group({
      maxConcurrent: 1,
      minTime: Math.max(this.limits.perChatMs, 60_000 / this.limits.perGroupPerMinute),
    });
  }

  /** Sends still waiting or running. */
  backlog(): number {
    return this.waiting;
  }

  /** Runs `send` for `chatId` when the limits allow, retrying as the failure asks. Never rejects. */
  async deliver(chatId: string, send: () => Promise<void>): Promise<DeliveryOutcome> {
    const isGroup = this.options.isGroup?.(chatId) === true;
    const chat = (isGroup ? this.groupChats : this.privateChats).key(chatId);
    const gapMs = isGroup
      ? Math.max(this.limits.perChatMs, 60_000 / this.limits.perGroupPerMinute)
      : this.limits.perChatMs;
    const log = this.options.logger;
    this.waiting++;
    try {
      for (let attempt = 1; ; attempt++) {
        if (this.stopped) return { status: "abandoned", attempts: attempt - 1 };
        try {
          await chat.schedule(async () => {
            const earliest = (this.lastGrant.get(chatId) ?? Number.NEGATIVE_INFINITY) + gapMs;
            while (earliest > Date.now()) await sleep(earliest - Date.now());
            const at = await this.pacer.acquire();
            if (this.stopped) throw new Abandoned();
            this.rememberGrant(chatId, at);
            this.options.onSend?.(chatId, at, attempt);
            await send();
          });
          return { status: "sent", attempts: attempt };
        } catch (error) {
          if (error instanceof Abandoned) return { status: "abandoned", attempts: attempt - 1 };
          const failure = classifySendError(error);
          if (failure.kind === "gone") return { status: "gone", attempts: attempt, error };
          if (failure.kind === "permanent" || attempt >= this.retry.maxAttempts) {
            return { status: "failed", attempts: attempt, error };
          }
          let wait: number;
          const now = Date.now();
          if (failure.kind === "rate-limited") {
            // Telegram does not say whether a 429 is about one chat or the whole bot: everybody waits.
            wait = failure.retryAfterMs;
            this.pacer.holdUntil(now + wait);
          } else {
            const random = this.options.random ?? Math.random;
            const exp = Math.min(this.retry.backoffMaxMs, this.retry.backoffBaseMs * 2 ** (attempt - 1));
            wait = Math.round(exp / 2 + (random() * exp) / 2);
          }
          this.options.onRetry?.(chatId, failure, wait, now);
          log?.warn(
            { chatId, attempt, waitMs: wait, failure: failure.kind, err: error },
            "digest send failed; retrying",
          );
          await sleep(wait);
        }
      }
    } finally {
      this.waiting--;
    }
  }

  private rememberGrant(chatId: string, at: number): void {
    this.lastGrant.set(chatId, at);
    if (this.lastGrant.size > 50_000) {
      const horizon = at - Math.max(this.limits.perChatMs, 60_000 / this.limits.perGroupPerMinute);
      for (const [id, t] of this.lastGrant) if (t < horizon) this.lastGrant.delete(id);
    }
  }

  /** Sends not yet let through are abandoned (their claims expire and a later run retries them). */
  stop(): void {
    this.stopped = true;
  }
}

class Abandoned extends Error {}
