// Graceful stop: the steps run in order once, the exit code says whether all went well, and a hung step is
// cut off at the bound.
import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { InFlight } from "../../src/ops/inflight";
import { allSettledOrThrow, createShutdown } from "../../src/ops/shutdown";

const silent = pino({ level: "silent" });

describe("createShutdown", () => {
  it("runs every step in order, once, then exits 0", async () => {
    const order: string[] = [];
    const exits: number[] = [];
    const shutdown = createShutdown({
      steps: ["platforms", "in-flight", "store"].map((name) => ({
        name,
        run: async () => {
          await new Promise((r) => setTimeout(r, 5));
          order.push(name);
        },
      })),
      timeoutMs: 1000,
      logger: silent,
      exit: (code) => exits.push(code),
    });
    const [a, b] = await Promise.all([shutdown("SIGTERM"), shutdown("SIGINT")]);
    expect(order).toEqual(["platforms", "in-flight", "store"]);
    expect([a, b, exits]).toEqual([0, 0, [0]]);
  });

  it("carries on past a failed step and exits 1, logging which step failed", async () => {
    const exits: number[] = [];
    let lines = "";
    const logger = pino(
      new Writable({
        write(chunk, _enc, done) {
          lines += chunk.toString();
          done();
        },
      }),
    );
    let storeClosed = false;
    const shutdown = createShutdown({
      steps: [
        {
          name: "stop platforms",
          run: () => {
            throw new Error("boom");
          },
        },
        {
          name: "close store",
          run: () => {
            storeClosed = true;
          },
        },
      ],
      timeoutMs: 1000,
      logger,
      exit: (code) => exits.push(code),
    });
    await shutdown("SIGTERM");
    expect(storeClosed).toBe(true);
    expect(exits).toEqual([1]);
    expect(lines).toContain('"step":"stop platforms"');
  });

  it("exits 1 when a step hangs past the bound", async () => {
    const exits: number[] = [];
    const shutdown = createShutdown({
      steps: [{ name: "hang", run: () => new Promise(() => {}) }],
      timeoutMs: 50,
      logger: silent,
      exit: (code) => exits.push(code),
    });
    void shutdown("SIGTERM");
    await new Promise((r) => setTimeout(r, 120));
    expect(exits).toEqual([1]);
  });

  it("leaves a step behind at its own bound and still runs the later ones (the store closes), exiting 1", async () => {
    const exits: number[] = [];
    const order: string[] = [];
    let lines = "";
    const logger = pino(
      new Writable({
        write(chunk, _enc, done) {
          lines += chunk.toString();
          done();
        },
      }),
    );
    const startedAt = Date.now();
    const shutdown = createShutdown({
      steps: [
        { name: "stop taking updates", by: 0.1, run: () => order.push("intake") },
        { name: "finish in-flight work", by: 0.5, run: () => new Promise(() => {}) },
        {
          name: "close store",
          run: () => {
            order.push(`store after ${Date.now() - startedAt} ms`);
          },
        },
      ],
      // Wide enough that a loaded CI machine's late timers cannot push the store step past the overall bound.
      timeoutMs: 2000,
      logger,
      exit: (code) => exits.push(code),
    });
    expect(await shutdown("SIGTERM")).toBe(1);
    expect(exits).toEqual([1]);
    expect(order[0]).toBe("intake");
    // The hung step had until 50% of 2,000 ms; the store closed after that and before the overall bound.
    const storeAt = Number(/store after (\d+) ms/.exec(order[1] ?? "")?.[1]);
    expect(storeAt).toBeGreaterThanOrEqual(995);
    expect(storeAt).toBeLessThan(2000);
    expect(lines).toContain('"step":"finish in-flight work"');
    expect(lines).toContain("left behind");
  });

  it("gives a step without its own bound the rest of the overall bound", async () => {
    const exits: number[] = [];
    const shutdown = createShutdown({
      steps: [
        { name: "quick", by: 0.1, run: () => {} },
        { name: "slow store", run: () => new Promise((r) => setTimeout(r, 60)) },
      ],
      timeoutMs: 1000,
      logger: silent,
      exit: (code) => exits.push(code),
    });
    expect(await shutdown("SIGTERM")).toBe(0);
    expect(exits).toEqual([0]);
  });
});

describe("allSettledOrThrow", () => {
  it("waits for every piece of work even when one fails first, then throws that failure", async () => {
    let slowDone = false;
    const slow = new Promise<void>((r) =>
      setTimeout(() => {
        slowDone = true;
        r();
      }, 30),
    );
    await expect(allSettledOrThrow([Promise.reject(new Error("adapter failed")), slow])).rejects.toThrow(
      "adapter failed",
    );
    expect(slowDone).toBe(true);
    await expect(allSettledOrThrow([Promise.resolve(1)])).resolves.toBeUndefined();
  });
});

describe("InFlight", () => {
  it("drains work in progress, including work started while draining", async () => {
    const inFlight = new InFlight();
    const done: string[] = [];
    const later = (name: string, ms: number) =>
      new Promise<void>((r) =>
        setTimeout(() => {
          done.push(name);
          r();
        }, ms),
      );
    void inFlight.track(later("a", 20));
    void inFlight.track(later("b", 5).then(() => void inFlight.track(later("c", 20))));
    await inFlight.drain();
    expect(done.sort()).toEqual(["a", "b", "c"]);
    expect(inFlight.size).toBe(0);
  });
});
