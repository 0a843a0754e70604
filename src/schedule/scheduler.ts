// Scheduled digests, exactly once per (chat, period). Three parts:
//   the planner (planner.ts) says which periods are owed at an instant, from the subscriptions alone;
//   the ledger (ledger.ts) claims them in the store in batches, holds and renews the claims while their sends
//     wait, records them as sent only while it still holds them, and settles overdue periods;
//   this loop, every minute (node-cron) and once at start: plans, has the ledger claim, composes each digest
//     and hands it to the platform's delivery queue (queue.ts), a batch at a time.
// A period whose time passed while the bot was down is posted if still within the catch-up window (default:
// the same local day), otherwise recorded as missed and not posted late; a claim that outlived its window (the
// process sending it died near midnight) is delivered late. A message that went out but could not be recorded
// as sent (store down) is never sent again by this process; recording it is retried every tick and at stop().
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import cron, { type ScheduledTask } from "node-cron";
import pino, { type Logger } from "pino";
import type { Corpus } from "../core/corpus";
import { composeDigest, type DigestOptions, emptyDigest } from "../core/digest";
import type { Lang } from "../core/i18n";
import type { Reply } from "../core/reply";
import type { StateStore, Subscription } from "../core/services";
import { DEFAULT_ZONE, todayIn } from "../core/today";
import { type Clock, systemClock } from "./clock";
import { ClaimLostError, DeliveryLedger } from "./ledger";
import { type CatchUp, nextDue } from "./period";
import { type Owed, plan } from "./planner";
import { DeliveryQueue, type QueueOptions } from "./queue";

/** A platform's name (`Subscription.platform`): which sender and which queue a digest goes through. */
export type Platform = Subscription["platform"];

/** Posts a reply to a chat, in the reply's language (the adapter's `send`); throws ChatGoneError for a chat that is gone. */
export type Sender = (chatId: string, reply: Reply) => Promise<void>;

export interface SchedulerOptions {
  store: StateStore;
  corpus: () => Corpus;
  senders: Partial<Record<Platform, Sender>>;
  clock?: Clock;
  logger?: Logger;
  /** Names this process in claims (default host:pid:random). */
  ownerId?: string;
  /** Zone for previews of chats without a subscription (default Asia/Ho_Chi_Minh). */
  zone?: string;
  catchUp?: CatchUp;
  /**
   * How long a claim protects a send before another process may take it over (default 10 min). Claims waiting
   * in the queue are renewed every third of it, so it bounds how long a crashed process's claims block others.
   */
  leaseMs?: number;
  /** Claims taken per store round trip; the next batch is claimed once half of this one is under way (100). */
  claimBatch?: number;
  /** Digest windows (days ahead, milestone days…). */
  digest?: Omit<DigestOptions, "today" | "lang">;
  /** Post a short "nothing today" message on empty days instead of nothing (default false). */
  postEmpty?: boolean;
  /**
   * Rate limits and retry policy. Each platform has its own queue (one platform's ceiling does not slow the
   * other), starting from `queue`, then `queues[platform]` (the composition root gives each platform its own
   * limits and group rule there: PlatformAdapter.digestLimits, isGroupChat).
   */
  queue?: Omit<QueueOptions, "logger">;
  queues?: Partial<Record<Platform, Omit<QueueOptions, "logger">>>;
  /** node-cron expression for the clock (default every minute). */
  cron?: string;
  /** Told each outcome (for metrics). */
  onDelivery?: (outcome: DeliveryEvent, key: string) => void;
}

export type DeliveryEvent = "sent" | "empty" | "missed" | "failed" | "gone";

export interface TickReport {
  at: string;
  /** Delivery keys by outcome. */
  sent: string[];
  /** Nothing to say that day: recorded as done, nothing posted. */
  empty: string[];
  missed: string[];
  /** Already sent or missed, or being sent by another process. */
  skipped: string[];
  failed: string[];
  /** Chats that blocked or removed the bot: unsubscribed. */
  gone: string[];
}

export interface Scheduler {
  /** Runs a catch-up tick now, then one every minute. */
  start(): void;
  /**
   * Stops the clock, waits for sends under way and records them, and returns within `drainMs` (default 10 s)
   * whatever happens: sends still queued or running then are abandoned and their claims left to the lease.
   */
  stop(drainMs?: number): Promise<void>;
  tick(now?: Date): Promise<TickReport>;
  /** The next time a digest falls due, if any chat is subscribed. */
  nextRun(): Promise<Date | undefined>;
  /** The digest a chat would get today, without recording anything (for /digest). */
  preview(chatId: string, lang: Lang): Promise<Reply | undefined>;
  readonly ownerId: string;
  /** The delivery queue of a platform. */
  queueOf(platform: Platform): DeliveryQueue;
}

export const DEFAULT_LEASE_MS = 10 * 60_000;

export { LOOKBACK_PERIODS } from "./planner";

/** Whether `p` settles within `ms` (a rejection counts as settled). */
function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, ms));
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    p.then(done, done);
  });
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const store = options.store;
  const clock = options.clock ?? systemClock;
  const log = (options.logger ?? pino({ level: "silent" })).child({ component: "digests" });
  const ownerId = options.ownerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const catchUp = options.catchUp ?? "same-day";
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const claimBatch = Math.max(1, options.claimBatch ?? 100);
  const ledger = new DeliveryLedger({ store, ownerId, leaseMs, clock, catchUp, log });
  const queues = new Map<Platform, DeliveryQueue>();
  const queueOf = (platform: Platform): DeliveryQueue => {
    let queue = queues.get(platform);
    if (!queue) {
      queue = new DeliveryQueue({
        ...options.queue,
        ...options.queues?.[platform],
        logger: log.child({ platform }),
      });
      queues.set(platform, queue);
    }
    return queue;
  };
  const running = new Set<Promise<unknown>>();
  const warnedNoSender = new Set<Platform>();
  const record = (report: TickReport, outcome: DeliveryEvent, key: string): void => {
    report[outcome].push(key);
    options.onDelivery?.(outcome, key);
  };
  let task: ScheduledTask | undefined;

  function track<T>(p: Promise<T>): Promise<T> {
    running.add(p);
    void p.finally(() => running.delete(p)).catch(() => {});
    return p;
  }

  /**
   * The digest of a day in a language, composed once per tick and shared by every chat that gets it (composing
   * takes milliseconds; at 30 chats a second it would be half the event loop). The adapters keep their per-chat
   * progress apart, so one reply object may go to many chats.
   */
  function compose(sub: Subscription, day: string, composed: Map<string, Reply | undefined>): Reply | undefined {
    const key = `${day}:${sub.lang}`;
    if (composed.has(key)) return composed.get(key);
    const reply =
      composeDigest(options.corpus(), { ...options.digest, today: day, lang: sub.lang }) ??
      (options.postEmpty ? emptyDigest({ today: day, lang: sub.lang }) : undefined);
    composed.set(key, reply);
    return reply;
  }

  function senderFor(platform: Platform): Sender | undefined {
    const sender = options.senders[platform];
    if (!sender && !warnedNoSender.has(platform)) {
      warnedNoSender.add(platform);
      log.warn({ platform }, "digest: no sender for platform");
    }
    return sender;
  }

  async function deliver(
    { sub, period }: Owed,
    sender: Sender,
    report: TickReport,
    composed: Map<string, Reply | undefined>,
  ): Promise<void> {
    const reply = ledger.takeUnfinished(period.key) ?? compose(sub, period.day, composed);
    if (!reply) {
      await ledger.recordSent(period.key);
      record(report, "empty", period.key);
      log.info({ key: period.key }, "digest: nothing to say today");
      return;
    }
    // Ownership is checked when the queue lets the send through, however long it waited (a 429 hold).
    const outcome = await queueOf(sub.platform).deliver(sub.chatId, async () => {
      if (!(await ledger.confirm(period.key))) throw new ClaimLostError(period.key);
      await sender(sub.chatId, reply);
    });
    switch (outcome.status) {
      case "sent":
        await ledger.recordSent(period.key);
        record(report, "sent", period.key);
        log.info({ key: period.key, attempts: outcome.attempts }, "digest: sent");
        return;
      case "gone":
        ledger.release(period.key);
        record(report, "gone", period.key);
        log.warn(
          { chatId: sub.chatId, err: outcome.error },
          "digest: the chat blocked or removed the bot; unsubscribed",
        );
        try {
          await store.deleteSubscription(sub.chatId);
          await store.appendAudit({
            at: clock.now().toISOString(),
            who: `scheduler:${ownerId}`,
            where: sub.chatId,
            what: "unsubscribe (chat gone)",
            result: "ok",
            detail: (outcome.error as Error)?.message,
          });
        } catch (error) {
          // The next due digest meets the same refusal and tries again.
          log.error({ chatId: sub.chatId, err: error }, "digest: could not drop the subscription of a gone chat");
        }
        return;
      case "failed":
      case "abandoned":
        if (outcome.status === "failed" && outcome.error instanceof ClaimLostError) {
          ledger.release(period.key);
          report.skipped.push(period.key);
          log.warn({ key: period.key }, "digest: another process took the claim over while this send waited");
          return;
        }
        // The claim stays until its lease ends; a later tick retries while the catch-up window allows.
        ledger.release(period.key, reply);
        record(report, "failed", period.key);
        log.error(
          { key: period.key, attempts: outcome.attempts, err: "error" in outcome ? outcome.error : undefined },
          `digest: ${outcome.status}; retried after the lease`,
        );
        return;
    }
  }

  /** Overdue periods: recorded missed, or (a claim that outlived its window) added to `toSend`. */
  async function settleOverdue(owed: Owed[], report: TickReport, toSend: Owed[]): Promise<void> {
    for (const item of owed) {
      const { key, due } = item.period;
      if (ledger.isBusy(key)) continue;
      try {
        switch (await ledger.overdue(item.period)) {
          case "missed":
            record(report, "missed", key);
            log.warn({ key, due: due.toISO() }, "digest: missed (the bot was down); not posted late");
            break;
          case "late":
            log.warn({ key, due: due.toISO() }, "digest: its sender died after its window; delivering late");
            toSend.push(item);
            break;
          default:
            report.skipped.push(key);
        }
      } catch (error) {
        record(report, "failed", key);
        log.error({ key, err: error }, "digest: could not check the delivery record");
      }
    }
  }

  /** Claims `owed` a batch at a time and delivers what it got; the next batch once half the last is under way. */
  async function claimAndDeliver(owed: Owed[], report: TickReport): Promise<void> {
    const jobs = new Set<Promise<void>>();
    const composed = new Map<string, Reply | undefined>();
    for (let i = 0; i < owed.length; i += claimBatch) {
      while (jobs.size > claimBatch / 2) await Promise.race(jobs);
      const batch = owed.slice(i, i + claimBatch);
      let claims: Awaited<ReturnType<DeliveryLedger["claim"]>>;
      try {
        claims = await ledger.claim(batch.map((o) => o.period.key));
      } catch (error) {
        for (const o of batch) record(report, "failed", o.period.key);
        log.error({ keys: batch.length, err: error }, "digest: could not claim deliveries");
        continue;
      }
      for (const item of batch) {
        const sender = options.senders[item.sub.platform];
        if (!sender || claims.get(item.period.key) !== "claimed") {
          report.skipped.push(item.period.key);
          continue;
        }
        const job: Promise<void> = deliver(item, sender, report, composed)
          .catch((error: unknown) => {
            ledger.release(item.period.key);
            record(report, "failed", item.period.key);
            log.error({ key: item.period.key, err: error }, "digest: delivery failed");
          })
          .finally(() => jobs.delete(job));
        jobs.add(job);
      }
    }
    await Promise.all(jobs);
  }

  async function tick(now: Date = clock.now()): Promise<TickReport> {
    const report: TickReport = {
      at: now.toISOString(),
      sent: [],
      empty: [],
      missed: [],
      skipped: [],
      failed: [],
      gone: [],
    };
    await ledger.recordUnrecorded();
    const { due, overdue, keys } = plan(await store.listSubscriptions(), now, catchUp);
    const toSend: Owed[] = [];
    await settleOverdue(overdue, report, toSend);
    for (const item of due) if (!ledger.isBusy(item.period.key)) toSend.push(item);
    // A platform without a sender is left unclaimed (another process may have one).
    await claimAndDeliver(
      toSend.filter((o) => senderFor(o.sub.platform)),
      report,
    );
    ledger.forgetExcept(keys);
    return report;
  }

  function tickLogged(): void {
    void track(
      tick().catch((error: unknown) => {
        log.error({ err: error }, "digest: tick failed (store unreachable?)");
      }),
    );
  }

  return {
    ownerId,
    queueOf,
    tick: (now) => {
      ledger.startRenewing();
      return track(tick(now));
    },
    start() {
      if (task) return;
      ledger.startRenewing();
      tickLogged();
      task = cron.schedule(options.cron ?? "* * * * *", tickLogged, { name: "huunghi-digests" });
    },
    async stop(drainMs = 10_000) {
      const deadline = Date.now() + drainMs;
      await task?.destroy();
      task = undefined;
      if (!(await settlesWithin(Promise.allSettled([...running]), deadline - Date.now()))) {
        // Not waited for any longer: queued sends are dropped, a request under way may still complete (and
        // be recorded) in the background; whatever is not recorded is retried by a process after its lease.
        log.warn({ inFlight: ledger.holding }, "digest: stopping with sends still under way; their claims will expire");
        for (const queue of queues.values()) queue.stop();
      }
      ledger.stopRenewing();
      if (ledger.unrecordedKeys.length > 0) await settlesWithin(ledger.recordUnrecorded(), deadline - Date.now());
      if (ledger.unrecordedKeys.length > 0) {
        log.error(
          { keys: ledger.unrecordedKeys },
          "digest: stopping with sends not recorded as sent; another process may post them again after the lease",
        );
      }
    },
    async nextRun() {
      const now = clock.now();
      const times = (await store.listSubscriptions()).map((s) => nextDue(s, now).toMillis());
      return times.length ? new Date(Math.min(...times)) : undefined;
    },
    async preview(chatId, lang) {
      const sub = await store.getSubscription(chatId);
      const day = todayIn(sub?.zone ?? options.zone ?? DEFAULT_ZONE, clock.now());
      return composeDigest(options.corpus(), { ...options.digest, today: day, lang });
    },
  };
}
