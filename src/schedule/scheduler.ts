// Scheduled digests, exactly once per (chat, period):
//   every minute (node-cron) and once at start, `tick` looks at every subscription's current period and the
//   ones before it (up to LOOKBACK_PERIODS back, not before the subscription was made); a period whose local
//   time has come is claimed in the store, sent through the delivery queue and marked sent. The claim is
//   atomic across processes and carries a lease, so two bot processes post once, a restart finds "sent" and
//   posts nothing, and a claim left by a crash is taken over after its lease.
//   A period whose time passed while the bot was down is posted if still within the catch-up window
//   (default: the same local day), otherwise recorded as missed and not posted late.
//   A message that went out but could not be recorded as sent (store down) is kept in memory and never sent
//   again by this process; recording it is retried every tick and at stop().
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import cron, { type ScheduledTask } from "node-cron";
import pino, { type Logger } from "pino";
import type { Corpus } from "../core/corpus";
import { composeDigest, type DigestOptions, emptyDigest } from "../core/digest";
import type { Lang } from "../core/i18n";
import type { Reply } from "../core/reply";
import type { Cadence, StateStore, Subscription } from "../core/services";
import { DEFAULT_ZONE, todayIn } from "../core/today";
import { type Clock, systemClock } from "./clock";
import { type CatchUp, inPlaceSince, nextDue, type Period, periodAt, previousPeriod, withinCatchUp } from "./period";
import { DeliveryQueue, PLATFORM_LIMITS, type QueueOptions } from "./queue";

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
  /** How long a claim protects a send before another process may take it over (default 10 min). */
  leaseMs?: number;
  /** Digest windows (days ahead, milestone days…). */
  digest?: Omit<DigestOptions, "today" | "lang">;
  /** Post a short "nothing today" message on empty days instead of nothing (default false). */
  postEmpty?: boolean;
  /**
   * Rate limits and retry policy. Each platform has its own queue (one platform's ceiling does not slow the
   * other), starting from its own limits (PLATFORM_LIMITS), then `queue`, then `queues[platform]`.
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

/**
 * How many periods before the current one a tick looks at: one left with no record (the bot was down for
 * days) is recorded as missed. Older ones are left alone.
 */
export const LOOKBACK_PERIODS: Record<Cadence, number> = { daily: 7, weekly: 4 };

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
  const queues = new Map<Platform, DeliveryQueue>();
  const queueOf = (platform: Platform): DeliveryQueue => {
    let queue = queues.get(platform);
    if (!queue) {
      queue = new DeliveryQueue({
        ...PLATFORM_LIMITS[platform],
        ...options.queue,
        ...options.queues?.[platform],
        logger: log.child({ platform }),
      });
      queues.set(platform, queue);
    }
    return queue;
  };
  /** Keys known to be final (sent / missed): not asked about again while they can come up. */
  let settled = new Set<string>();
  /** Keys this process is sending now. */
  const inFlight = new Set<string>();
  /** Keys whose message went out but whose "sent" the store did not take: never sent again from here. */
  const unrecorded = new Set<string>();
  /**
   * The reply of a send that failed, kept for the retry after the lease: the same object again lets the
   * adapter resume a reply in several messages at the part that failed (Telegram) instead of re-posting.
   */
  const unfinished = new Map<string, Reply>();
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

  function compose(sub: Subscription, day: string): Reply | undefined {
    const reply = composeDigest(options.corpus(), { ...options.digest, today: day, lang: sub.lang });
    return reply ?? (options.postEmpty ? emptyDigest({ today: day, lang: sub.lang }) : undefined);
  }

  /**
   * The periods a tick has to look at, oldest first: the current one once due, and those before it (missed
   * while down?), back LOOKBACK_PERIODS at most and not before the subscription, as it stands, was made.
   */
  function periodsToCheck(sub: Subscription, now: Date): Period[] {
    const since = inPlaceSince(sub);
    const periods: Period[] = [];
    let period = periodAt(sub, now);
    for (let back = 0; back <= LOOKBACK_PERIODS[sub.cadence]; back++) {
      if (period.due.toMillis() < since) break;
      if (period.due.toMillis() <= now.getTime()) periods.push(period);
      period = previousPeriod(sub, period);
    }
    return periods.reverse();
  }

  async function markSentPersistently(key: string): Promise<void> {
    // A short blip is ridden out here; a longer outage is left to recordUnrecorded on the next ticks.
    for (let attempt = 1; ; attempt++) {
      try {
        await store.markSent(key, ownerId);
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  }

  /** Records a send that went out; if the store refuses, remembers it so this process never sends it again. */
  async function recordSent(key: string): Promise<void> {
    try {
      await markSentPersistently(key);
      settled.add(key);
    } catch (error) {
      unrecorded.add(key);
      log.error({ key, err: error }, "digest: sent, but not recorded as sent yet; retrying on the next ticks");
    }
  }

  /** Another try at recording the sends the store refused earlier. */
  async function recordUnrecorded(): Promise<void> {
    for (const key of [...unrecorded]) {
      try {
        await store.markSent(key, ownerId);
      } catch (error) {
        log.warn({ key, err: error }, "digest: still cannot record a send");
        return; // the store is still down; the next tick tries again
      }
      unrecorded.delete(key);
      settled.add(key);
      log.info({ key }, "digest: send recorded late");
    }
  }

  async function deliver(sub: Subscription, period: Period, sender: Sender, report: TickReport): Promise<void> {
    const reply = unfinished.get(period.key) ?? compose(sub, period.day);
    unfinished.delete(period.key);
    if (!reply) {
      await markSentPersistently(period.key);
      settled.add(period.key);
      record(report, "empty", period.key);
      log.info({ key: period.key }, "digest: nothing to say today");
      return;
    }
    const outcome = await queueOf(sub.platform).deliver(sub.chatId, () => sender(sub.chatId, reply));
    switch (outcome.status) {
      case "sent":
        await recordSent(period.key);
        record(report, "sent", period.key);
        log.info({ key: period.key, attempts: outcome.attempts }, "digest: sent");
        return;
      case "gone":
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
        // The claim stays until its lease ends; a later tick retries while the catch-up window allows.
        unfinished.set(period.key, reply);
        record(report, "failed", period.key);
        log.error(
          { key: period.key, attempts: outcome.attempts, err: "error" in outcome ? outcome.error : undefined },
          `digest: ${outcome.status}; retried after the lease`,
        );
        return;
    }
  }

  async function checkPeriod(sub: Subscription, period: Period, now: Date, report: TickReport, jobs: Promise<void>[]) {
    if (!withinCatchUp(period, now, catchUp)) {
      // Read first: most periods looked back on are long settled, and that costs one read, not a write.
      const before = await store.getDelivery(period.key);
      if (before?.state === "sent" || before?.state === "missed") {
        settled.add(period.key);
        report.skipped.push(period.key);
        return;
      }
      await store.markMissed(period.key); // no record, or a claim whose lease ran out
      const after = await store.getDelivery(period.key);
      if (after?.state === "missed") {
        settled.add(period.key);
        record(report, "missed", period.key);
        log.warn({ key: period.key, due: period.due.toISO() }, "digest: missed (the bot was down); not posted late");
      } else {
        if (after?.state === "sent") settled.add(period.key);
        report.skipped.push(period.key);
      }
      return;
    }
    const sender = options.senders[sub.platform];
    if (!sender) {
      if (!warnedNoSender.has(sub.platform)) log.warn({ platform: sub.platform }, "digest: no sender for platform");
      warnedNoSender.add(sub.platform);
      return;
    }
    const claim = await store.claimDelivery(period.key, ownerId, leaseMs + queueOf(sub.platform).backlogMs());
    if (claim !== "claimed") {
      if (claim !== "held-by-other") settled.add(period.key);
      report.skipped.push(period.key);
      return;
    }
    inFlight.add(period.key);
    jobs.push(
      deliver(sub, period, sender, report)
        .catch((error: unknown) => {
          record(report, "failed", period.key);
          log.error({ key: period.key, err: error }, "digest: delivery failed");
        })
        .finally(() => inFlight.delete(period.key)),
    );
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
    await recordUnrecorded();
    const subs = await store.listSubscriptions();
    const jobs: Promise<void>[] = [];
    const seen = new Set<string>();
    for (const sub of subs) {
      for (const period of periodsToCheck(sub, now)) {
        seen.add(period.key);
        if (settled.has(period.key) || inFlight.has(period.key) || unrecorded.has(period.key)) continue;
        try {
          await checkPeriod(sub, period, now, report, jobs);
        } catch (error) {
          record(report, "failed", period.key);
          log.error({ key: period.key, err: error }, "digest: could not check the delivery record");
        }
      }
    }
    // Only keys that can still come up are worth remembering.
    settled = new Set([...settled].filter((k) => seen.has(k)));
    for (const key of unfinished.keys()) if (!seen.has(key) || settled.has(key)) unfinished.delete(key);
    await Promise.all(jobs);
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
    tick: (now) => track(tick(now)),
    start() {
      if (task) return;
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
        log.warn({ inFlight: [...inFlight] }, "digest: stopping with sends still under way; their claims will expire");
        for (const queue of queues.values()) queue.stop();
      }
      if (unrecorded.size > 0) await settlesWithin(recordUnrecorded(), deadline - Date.now());
      if (unrecorded.size > 0) {
        log.error(
          { keys: [...unrecorded] },
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
