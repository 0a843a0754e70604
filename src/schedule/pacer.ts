// The global send ceiling. Each send waits for its turn, one after another. The ceiling is enforced on the grant
// times themselves, over a sliding window: never more than N grants in any window of W ms (N/W = the rate), so a
// stalled event loop never releases a burst above it (Bottleneck's minTime precomputes start times, and overdue
// timers all fire together after a stall; hence this small class for the one limit that must never be exceeded).
// And the time a late timer lost is made up: grants follow an ideal grid one interval apart, and a grant that came
// late lets the next ones come sooner (down to half the interval) until the grid is met again, so event-loop lag
// does not lower the achieved rate the way "one interval after the last grant" would. No catching up after a
// pause (idle, or a 429's retry_after): the grid restarts there.
export class Pacer {
  private held = 0;
  /** The grid time of the next grant. */
  private slot = Number.NEGATIVE_INFINITY;
  /** The last `perWindow` grant times, oldest first. */
  private readonly recent: number[] = [];
  private readonly windowMs: number;
  private readonly perWindow: number;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(intervalMs > 0)) throw new Error("the send interval must be positive");
    this.windowMs = Math.max(1_000, intervalMs);
    this.perWindow = Math.max(1, Math.floor(this.windowMs / intervalMs + 1e-9));
  }

  /** Resolves with the grant time (ms) when this caller may send. */
  acquire(): Promise<number> {
    const turn = this.tail.then(() => this.waitTurn());
    this.tail = turn.catch(() => {});
    return turn;
  }

  /** Nobody sends before `at` (a 429's retry_after). */
  holdUntil(at: number): void {
    this.held = Math.max(this.held, at);
    this.slot = Math.max(this.slot, at);
  }

  /** The earliest time the next grant may happen. */
  private earliest(): number {
    const last = this.recent.at(-1) ?? Number.NEGATIVE_INFINITY;
    const full = this.recent.length >= this.perWindow;
    const windowFree = full ? (this.recent[this.recent.length - this.perWindow] ?? 0) + this.windowMs : 0;
    return Math.max(this.held, last + this.intervalMs / 2, windowFree, this.slot);
  }

  private async waitTurn(): Promise<number> {
    for (;;) {
      const now = this.now();
      const earliest = this.earliest();
      if (now >= earliest) {
        const last = this.recent.at(-1) ?? Number.NEGATIVE_INFINITY;
        // After a pause longer than the window, nothing is owed: the grid starts again from now.
        this.slot = (now - last > this.windowMs ? now : Math.max(this.slot, now - this.windowMs)) + this.intervalMs;
        this.recent.push(now);
        if (this.recent.length > this.perWindow) this.recent.shift();
        return now;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(earliest - now)));
    }
  }
}
