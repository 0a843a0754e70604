// The global send ceiling. Each send waits for its turn, one after another, and a turn is granted only once
// the clock shows at least `intervalMs` since the previous grant. Measured at grant time, so a stalled event
// loop never releases a burst (Bottleneck's minTime precomputes start times, and overdue timers all fire
// together after a stall; hence this small class for the one limit that must never be exceeded).
export class Pacer {
  private next = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(intervalMs > 0)) throw new Error("the send interval must be positive");
  }

  /** Resolves with the grant time (ms) when this caller may send. */
  acquire(): Promise<number> {
    const turn = this.tail.then(() => this.waitTurn());
    this.tail = turn.catch(() => {});
    return turn;
  }

  /** Nobody sends before `at` (a 429's retry_after). */
  holdUntil(at: number): void {
    this.next = Math.max(this.next, at);
  }

  private async waitTurn(): Promise<number> {
    for (;;) {
      const now = this.now();
      if (now >= this.next) {
        this.next = now + this.intervalMs;
        return now;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(this.next - now)));
    }
  }
}
