// The delivery ledger: what this process knows and holds of the store's delivery records.
//   claims     taken in batches (one store round trip per few hundred chats), held while their sends wait in
//              the queue: renewed every third of the lease, so a long 429 hold never lets another process take
//              them over, and checked (renewed if close to ending) right before each send;
//   records    "sent" is written only while this process still holds the claim; a send the store did not take
//              is kept here, never sent again by this process, and recorded on the next ticks or at stop;
//   missed     a period past its catch-up window with no record (the bot was down); a claim that outlived its
//              window (the sender died near midnight) is delivered late instead, see `overdue`.
import type { Logger } from "pino";
import type { Reply } from "../core/reply";
import type { ClaimResult, DeliveryRecord, StateStore } from "../core/services";
import type { Clock } from "./clock";
import { type CatchUp, type Period, windowEnd } from "./period";

/** A send stopped before it went out: this process no longer holds the claim (another process took it over). */
export class ClaimLostError extends Error {
  constructor(readonly key: string) {
    super(`the claim on ${key} was taken over by another process; not sending`);
    this.name = "ClaimLostError";
  }
}

export type OverdueVerdict =
  /** Sent or missed before: nothing to do. */
  | "settled"
  /** Recorded as missed now: the bot was down over the whole window. */
  | "missed"
  /** Another process holds a live claim on it. */
  | "held"
  /** A claim that outlived its window (its sender died): to be delivered late, by whoever claims it. */
  | "late";

export interface LedgerOptions {
  store: StateStore;
  ownerId: string;
  leaseMs: number;
  clock: Clock;
  catchUp: CatchUp;
  log: Logger;
}

export class DeliveryLedger {
  /** Keys known to be final (sent / missed): not asked about again while they can come up. */
  private settled = new Set<string>();
  /** Claims this process holds, with the lease end it last wrote. */
  private readonly held = new Map<string, number>();
  /** Keys whose message went out but whose "sent" the store did not take: never sent again from here. */
  private readonly unrecorded = new Set<string>();
  /**
   * The reply of a send that failed, kept for the retry after the lease: the same object again lets the
   * adapter resume a reply in several messages at the part that failed (Telegram) instead of re-posting.
   */
  private readonly unfinished = new Map<string, Reply>();
  private renewal: NodeJS.Timeout | undefined;
  private renewing: Promise<void> | undefined;

  constructor(private readonly options: LedgerOptions) {}

  private get store(): StateStore {
    return this.options.store;
  }

  private now(): number {
    return this.options.clock.now().getTime();
  }

  /** Whether the key needs no look: final, being sent by this process, or sent and waiting to be recorded. */
  isBusy(key: string): boolean {
    return this.settled.has(key) || this.held.has(key) || this.unrecorded.has(key);
  }

  get holding(): readonly string[] {
    return [...this.held.keys()];
  }

  /** Claims `keys` in batches; the claimed ones are held (and renewed) until recorded or released. */
  async claim(keys: readonly string[]): Promise<Map<string, ClaimResult>> {
    const out = new Map<string, ClaimResult>();
    if (keys.length === 0) return out;
    const leaseUntil = this.now() + this.options.leaseMs;
    const results = await this.store.claimDeliveries(keys, this.options.ownerId, this.options.leaseMs);
    for (const [i, key] of keys.entries()) {
      const result = results[i] ?? "held-by-other";
      out.set(key, result);
      if (result === "claimed") this.held.set(key, leaseUntil);
      else if (result !== "held-by-other") this.settled.add(key);
    }
    return out;
  }

  /**
   * Right before a send: whether this process still holds the claim. Known locally while the lease it wrote has
   * more than half to run (no other process can have taken it); otherwise the lease is renewed in the store,
   * which fails when another process took it over.
   */
  async confirm(key: string): Promise<boolean> {
    const until = this.held.get(key);
    if (until === undefined) return false;
    if (until - this.now() > this.options.leaseMs / 2) return true;
    const [kept] = await this.store.renewClaims([key], this.options.ownerId, this.options.leaseMs);
    if (kept) this.held.set(key, this.now() + this.options.leaseMs);
    else this.held.delete(key);
    return kept === true;
  }

  /** Renews every held claim (one batch); a claim found lost is dropped and its send will be stopped by confirm. */
  async renewAll(): Promise<void> {
    const keys = this.holding;
    if (keys.length === 0) return;
    const until = this.now() + this.options.leaseMs;
    const kept = await this.store.renewClaims(keys, this.options.ownerId, this.options.leaseMs);
    for (const [i, key] of keys.entries()) {
      if (!this.held.has(key)) continue; // recorded or released meanwhile
      if (kept[i]) this.held.set(key, until);
      else {
        this.held.delete(key);
        this.options.log.warn({ key }, "digest: claim taken over by another process while waiting; not sending");
      }
    }
  }

  /** Renews held claims every third of the lease until stopRenewing(). */
  startRenewing(): void {
    if (this.renewal) return;
    this.renewal = setInterval(
      () => {
        if (this.renewing) return;
        this.renewing = this.renewAll()
          .catch((error: unknown) => this.options.log.warn({ err: error }, "digest: could not renew claims"))
          .finally(() => {
            this.renewing = undefined;
          });
      },
      Math.max(100, Math.floor(this.options.leaseMs / 3)),
    );
    this.renewal.unref();
  }

  stopRenewing(): void {
    clearInterval(this.renewal);
    this.renewal = undefined;
  }

  /** The claim is left to its lease (a failed send is retried after it ends, by this process or another). */
  release(key: string, reply?: Reply): void {
    this.held.delete(key);
    if (reply) this.unfinished.set(key, reply);
  }

  /** The reply a failed earlier attempt left, if any (taken: the caller owns it now). */
  takeUnfinished(key: string): Reply | undefined {
    const reply = this.unfinished.get(key);
    this.unfinished.delete(key);
    return reply;
  }

  private async markSentPersistently(key: string): Promise<boolean> {
    // A short blip is ridden out here; a longer outage is left to recordUnrecorded on the next ticks.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.markSent(key, this.options.ownerId);
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  }

  /** Records a period as done (sent, or nothing to say); if the store refuses, keeps it so it is never resent. */
  async recordSent(key: string): Promise<void> {
    this.held.delete(key);
    try {
      this.noteRecorded(key, await this.markSentPersistently(key));
    } catch (error) {
      this.unrecorded.add(key);
      this.options.log.error(
        { key, err: error },
        "digest: sent, but not recorded as sent yet; retrying on the next ticks",
      );
    }
  }

  private noteRecorded(key: string, recorded: boolean): void {
    this.settled.add(key);
    if (!recorded) {
      // Only when this process lost the claim after its last check (its lease ran out during the request).
      this.options.log.warn({ key }, "digest: sent, but another process had taken the claim over: possible duplicate");
    }
  }

  /** Another try at recording the sends the store refused earlier; stops at the first failure. */
  async recordUnrecorded(): Promise<void> {
    for (const key of [...this.unrecorded]) {
      let recorded: boolean;
      try {
        recorded = await this.store.markSent(key, this.options.ownerId);
      } catch (error) {
        this.options.log.warn({ key, err: error }, "digest: still cannot record a send");
        return; // the store is still down; the next tick tries again
      }
      this.unrecorded.delete(key);
      this.noteRecorded(key, recorded);
      this.options.log.info({ key }, "digest: send recorded late");
    }
  }

  get unrecordedKeys(): readonly string[] {
    return [...this.unrecorded];
  }

  /**
   * A period whose catch-up window has closed. Missed only when nothing was ever started for it; a claim whose
   * lease ran past the window's end belonged to a process that was sending it then and died: it goes out late,
   * up to one more window (and a lease) after the first, so a chat that keeps refusing is not retried for ever.
   */
  async overdue(period: Period): Promise<OverdueVerdict> {
    // Read first: most periods looked back on are long settled, and that costs one read, not a write.
    const before = await this.store.getDelivery(period.key);
    if (before?.state === "sent" || before?.state === "missed") {
      this.settled.add(period.key);
      return "settled";
    }
    if (before?.state === "claimed" && this.isLate(period, before)) {
      return (before.leaseUntil ?? 0) > this.now() ? "held" : "late";
    }
    await this.store.markMissed(period.key); // no record, or a claim whose lease ran out within the window
    const after = await this.store.getDelivery(period.key);
    if (after?.state === "missed") {
      this.settled.add(period.key);
      return "missed";
    }
    if (after?.state === "sent") this.settled.add(period.key);
    return after?.state === "sent" ? "settled" : "held";
  }

  private isLate(period: Period, claim: DeliveryRecord): boolean {
    const end = windowEnd(period, this.options.catchUp);
    const span = end - period.due.toMillis();
    return (claim.leaseUntil ?? 0) > end && this.now() <= end + span + this.options.leaseMs;
  }

  /** Forgets what can no longer come up (keys not seen this tick). */
  forgetExcept(seen: ReadonlySet<string>): void {
    this.settled = new Set([...this.settled].filter((k) => seen.has(k)));
    for (const key of this.unfinished.keys()) if (!seen.has(key) || this.settled.has(key)) this.unfinished.delete(key);
  }
}
