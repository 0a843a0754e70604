// The delivery queue's limits and retry rules, with a sender that records when it was called.
import { describe, expect, it } from "vitest";
import { ChatGoneError } from "../../src/platforms/adapter";
import { Pacer } from "../../src/schedule/pacer";
import { DeliveryQueue } from "../../src/schedule/queue";
import { classifySendError } from "../../src/schedule/send-errors";

const grammyError = (code: number, retryAfter?: number) =>
  Object.assign(new Error(`Call to 'sendMessage' failed! (${code})`), {
    name: "GrammyError",
    error_code: code,
    ...(retryAfter === undefined ? {} : { parameters: { retry_after: retryAfter } }),
  });

describe("classifySendError", () => {
  it("tells gone, rate-limited, transient and permanent failures apart", () => {
    expect(classifySendError(new ChatGoneError("telegram:1", new Error("Forbidden")))).toEqual({ kind: "gone" });
    expect(classifySendError(grammyError(429, 7))).toEqual({ kind: "rate-limited", retryAfterMs: 7000 });
    expect(classifySendError({ name: "RateLimitError", retryAfter: 1500 })).toEqual({
      kind: "rate-limited",
      retryAfterMs: 1500,
    });
    expect(classifySendError(grammyError(502))).toEqual({ kind: "transient" });
    expect(classifySendError({ name: "DiscordAPIError", status: 503 })).toEqual({ kind: "transient" });
    expect(classifySendError(Object.assign(new Error("Network request failed"), { name: "HttpError" }))).toEqual({
      kind: "transient",
    });
    expect(classifySendError(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }))).toEqual({
      kind: "transient",
    });
    expect(classifySendError(grammyError(400))).toEqual({ kind: "permanent" });
    expect(classifySendError(new Error("a bug"))).toEqual({ kind: "permanent" });
  });
});

describe("Pacer", () => {
  it("grants turns in order, never more than the rate in any window, and holds everyone for a retry_after", async () => {
    const pacer = new Pacer(20); // 50 per second
    const order: number[] = [];
    const grants = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        pacer.acquire().then((t) => {
          order.push(i);
          return t;
        }),
      ),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (let i = 1; i < grants.length; i++) expect((grants[i] ?? 0) - (grants[i - 1] ?? 0)).toBeGreaterThanOrEqual(10);
    for (let i = 50; i < grants.length; i++)
      expect((grants[i] ?? 0) - (grants[i - 50] ?? 0)).toBeGreaterThanOrEqual(1000);
    const held = Date.now() + 150;
    pacer.holdUntil(held);
    expect(await pacer.acquire()).toBeGreaterThanOrEqual(held);
  });

  it("makes up for a late timer (event-loop lag) without bursting after a pause", async () => {
    let t = 0;
    const pacer = new Pacer(100, () => t);
    expect(await pacer.acquire()).toBe(0);
    t = 130; // this turn came 30 ms late
    expect(await pacer.acquire()).toBe(130);
    t = 170;
    const next = pacer.acquire();
    await new Promise((r) => setTimeout(r, 30));
    t = 200;
    expect(await next).toBe(200); // back on the grid (one interval after the last grant would be 230)
    t = 10_000; // idle for a long time: nothing is owed
    expect(await pacer.acquire()).toBe(10_000);
    const after = pacer.acquire();
    await new Promise((r) => setTimeout(r, 30));
    t = 10_060;
    await new Promise((r) => setTimeout(r, 30));
    t = 10_100;
    expect(await after).toBe(10_100);
  });
});

describe("DeliveryQueue", () => {
  it("spaces messages to one private chat by perChatMs and to one group by perGroupPerMinute", async () => {
    const calls: Record<string, number[]> = {};
    const order: string[] = [];
    const queue = new DeliveryQueue({
      perSecond: 1000,
      perChatMs: 100,
      perGroupPerMinute: 300, // one per 200 ms
      // Which chats are groups is the platform's to say (PlatformAdapter.isGroupChat, test/platforms).
      isGroup: (chatId) => chatId.startsWith("telegram:-"),
      onSend: (chatId, at) => {
        calls[chatId] = [...(calls[chatId] ?? []), at];
        order.push(chatId);
      },
    });
    const ok = async () => {};
    const outcomes = await Promise.all([
      ...Array.from({ length: 3 }, () => queue.deliver("telegram:5", ok)),
      ...Array.from({ length: 3 }, () => queue.deliver("telegram:-5", ok)),
      queue.deliver("telegram:6", ok),
    ]);
    expect(outcomes.every((o) => o.status === "sent")).toBe(true);
    const gaps = (ts: number[]) => ts.slice(1).map((t, i) => t - (ts[i] ?? 0));
    for (const gap of gaps(calls["telegram:5"] ?? [])) expect(gap).toBeGreaterThanOrEqual(100);
    for (const gap of gaps(calls["telegram:-5"] ?? [])) expect(gap).toBeGreaterThanOrEqual(200);
    // Another chat is not held back by them: it goes before their second messages (which must wait 100 ms
    // and 200 ms), however slow the machine.
    const first6 = order.indexOf("telegram:6");
    expect(first6).toBeLessThan(order.indexOf("telegram:5", order.indexOf("telegram:5") + 1));
    expect(first6).toBeLessThan(order.indexOf("telegram:-5", order.indexOf("telegram:-5") + 1));
    expect(queue.backlog()).toBe(0);
  });

  it("retries 5xx with growing back-off, stops after maxAttempts, and never retries a permanent error", async () => {
    const waits: number[] = [];
    const queue = new DeliveryQueue({
      perSecond: 1000,
      perChatMs: 0,
      maxAttempts: 4,
      backoffBaseMs: 10,
      backoffMaxMs: 1000,
      random: () => 1,
      onRetry: (_, __, waitMs) => waits.push(waitMs),
    });
    let calls = 0;
    const outcome = await queue.deliver("telegram:1", async () => {
      calls++;
      throw grammyError(500);
    });
    expect(outcome).toMatchObject({ status: "failed", attempts: 4 });
    expect(calls).toBe(4);
    expect(waits).toEqual([10, 20, 40]);

    let permanent = 0;
    const bad = await queue.deliver("telegram:2", async () => {
      permanent++;
      throw grammyError(400);
    });
    expect(bad).toMatchObject({ status: "failed", attempts: 1 });
    expect(permanent).toBe(1);
  });

  it("reports a gone chat at once, and abandons queued sends when stopped", async () => {
    const queue = new DeliveryQueue({ perSecond: 5, perChatMs: 0 });
    const gone = await queue.deliver("telegram:1", async () => {
      throw new ChatGoneError("telegram:1", new Error("Forbidden: bot was kicked"));
    });
    expect(gone).toMatchObject({ status: "gone", attempts: 1 });
    let sent = 0;
    const pending = Array.from({ length: 5 }, (_, i) => queue.deliver(`telegram:${10 + i}`, async () => void sent++));
    queue.stop();
    const outcomes = await Promise.all(pending);
    expect(outcomes.filter((o) => o.status === "abandoned").length).toBeGreaterThanOrEqual(4);
    expect(sent).toBeLessThanOrEqual(1);
  });
});
