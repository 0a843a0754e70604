// The load generator of bench/webhook.ts: posts Telegram updates to a webhook as Telegram does (JSON, with the
// secret header) keeping N updates in flight over keep-alive connections, and times each one from the POST
// (update received) to the last message its reply posted on the Bot API server (reply sent).
//
// Replies are matched to updates by chat: every update comes from a private chat of its own user, and each
// in-flight slot owns its users, so a chat never has two updates in flight and whatever the Bot API server
// receives for that chat while its update is pending is that update's reply. The update is over when the
// webhook answers (grammY answers once the handler is done, its sends included).
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { type Json, messageUpdate, type RecordedCall } from "../test/support/telegram-server";

/** Bot API methods that post (part of) a reply. */
const POSTING = new Set(["sendMessage", "sendPhoto", "sendDocument", "editMessageText"]);

export interface Pending {
  chatId: number;
  sentAt: number;
  /** Messages posted for this chat since the update was sent. */
  parts: number;
  firstAt?: number;
  lastAt?: number;
  /** Resolves `whenParts` once this many messages arrived. */
  awaited?: { parts: number; resolve: () => void };
}

/** The updates waiting for their reply, by chat; fed with every call the Bot API server records. */
export class Replies {
  private readonly waiting = new Map<number, Pending>();
  /** Replies that arrived for a chat with no update pending (a mismatch: should stay 0). */
  strays = 0;

  /** Give to the server's `onCall`. */
  readonly onCall = (call: RecordedCall): void => {
    if (!POSTING.has(call.method)) return;
    const pending = this.waiting.get(Number(call.params.chat_id));
    if (!pending) {
      this.strays++;
      return;
    }
    const now = performance.now();
    pending.parts++;
    pending.firstAt ??= now;
    pending.lastAt = now;
    if (pending.awaited && pending.parts >= pending.awaited.parts) pending.awaited.resolve();
  };

  /** Resolves once `parts` messages arrived for this pending update. */
  whenParts(pending: Pending, parts: number): Promise<void> {
    if (pending.parts >= parts) return Promise.resolve();
    return new Promise((resolve) => {
      pending.awaited = { parts, resolve };
    });
  }

  expect(chatId: number): Pending {
    if (this.waiting.has(chatId)) throw new Error(`chat ${chatId} already has an update in flight`);
    const pending: Pending = { chatId, sentAt: performance.now(), parts: 0 };
    this.waiting.set(chatId, pending);
    return pending;
  }

  done(pending: Pending): void {
    this.waiting.delete(pending.chatId);
  }
}

export interface Webhook {
  /** e.g. http://127.0.0.1:8443/tg-hook */
  url: string;
  secret: string;
}

/** POSTs one update; resolves with the HTTP status once the answer is read. */
export function postUpdate(agent: Agent, hook: Webhook, update: Json): Promise<number> {
  const body = JSON.stringify(update);
  return new Promise((resolve, reject) => {
    const req = request(
      hook.url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-telegram-bot-api-secret-token": hook.secret,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export interface LoadOptions {
  hook: Webhook;
  replies: Replies;
  /** Updates in flight at once: always that many (closed loop), or at most that many with `rate`. */
  inFlight: number;
  /**
   * Open loop: updates are due at this many a second, whatever the bot's pace, and each is timed from when it
   * was due (an update held back by the in-flight cap counts its wait). Without it, each slot sends its next
   * update as soon as its last one is answered (what the bot can take: its capacity).
   */
  rate?: number;
  /** The messages sent, in turn (commands, plain questions). */
  lines: readonly string[];
  /** Stop after this many updates (whichever comes first with `durationMs`). */
  updates?: number;
  durationMs?: number;
  /** Stops sending when aborted (the updates in flight finish). */
  signal?: AbortSignal;
  /** Updates started before this are sent but not counted (JIT, caches). */
  warmupMs?: number;
  /** Distinct users per in-flight slot (each user's language is looked up once, then cached). */
  usersPerSlot?: number;
  /** User (and private chat) ids start here. */
  firstUserId?: number;
  /** Told of every finished update (the test checks the matching with it). */
  onDone?: (line: string, pending: Pending, status: number) => void;
}

export interface LoadResult {
  /** Counted updates (after the warm-up) answered with 200 and a reply. */
  completed: number;
  /** Every update answered, warm-up included. */
  total: number;
  /** Non-200 answers, network errors, or no reply posted. */
  failed: number;
  /** Open loop: counted updates held back because the in-flight cap was reached (timed from when they were due). */
  late: number;
  seconds: number;
  perSecond: number;
  /** Update received → last message of its reply, sorted (ms). */
  latencies: number[];
  /** Update received → webhook answered (ms), sorted. */
  answered: number[];
  parts: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.inFlight });
  const usersPerSlot = options.usersPerSlot ?? 25;
  const firstUserId = options.firstUserId ?? 1_000_000;
  // Users not in flight, oldest first: a chat never has two updates in flight, and every user comes back.
  const idle = Array.from({ length: options.inFlight * usersPerSlot }, (_, i) => firstUserId + i);
  const started = performance.now();
  const countFrom = started + (options.warmupMs ?? 0);
  const stopAt = options.durationMs === undefined ? Number.POSITIVE_INFINITY : countFrom + options.durationMs;
  const limit = options.updates ?? Number.POSITIVE_INFINITY;
  const stopped = () => issued >= limit || performance.now() >= stopAt || options.signal?.aborted === true;
  let issued = 0;
  let inFlight = 0;
  const result: LoadResult = {
    completed: 0,
    total: 0,
    failed: 0,
    late: 0,
    seconds: 0,
    perSecond: 0,
    latencies: [],
    answered: [],
    parts: 0,
  };
  let lastCountedEnd = countFrom;
  let oneDone: () => void = () => {};

  /** Sends the next update, due at `due`, and records how it went. */
  async function sendNext(due: number, heldBack = false): Promise<void> {
    const line = options.lines[issued % options.lines.length] ?? "/help";
    issued++;
    const userId = idle.shift() ?? 0;
    inFlight++;
    const update = {
      update_id: issued,
      ...messageUpdate(line, { chatId: userId, from: { id: userId, language_code: userId % 2 ? "en" : "vi" } }),
    };
    const pending = options.replies.expect(userId);
    pending.sentAt = Math.min(pending.sentAt, due);
    let status = 0;
    try {
      status = await postUpdate(agent, options.hook, update);
    } catch {
      status = 0;
    }
    const answeredAt = performance.now();
    options.replies.done(pending);
    inFlight--;
    idle.push(userId);
    oneDone();
    result.total++;
    options.onDone?.(line, pending, status);
    if (pending.sentAt < countFrom) return;
    if (heldBack) result.late++;
    if (status !== 200 || pending.parts === 0 || pending.lastAt === undefined) {
      result.failed++;
      return;
    }
    result.completed++;
    result.parts += pending.parts;
    result.latencies.push(pending.lastAt - pending.sentAt);
    result.answered.push(answeredAt - pending.sentAt);
    lastCountedEnd = Math.max(lastCountedEnd, answeredAt);
  }

  const rate = options.rate;
  if (rate === undefined) {
    const slot = async () => {
      while (!stopped()) await sendNext(performance.now());
    };
    await Promise.all(Array.from({ length: options.inFlight }, slot));
  } else {
    const running = new Set<Promise<void>>();
    let heldBack = false;
    for (let k = 0; !stopped(); ) {
      const due = started + (k * 1000) / rate;
      const now = performance.now();
      if (due > now) {
        heldBack = false; // caught up with the schedule
        await new Promise((r) => setTimeout(r, due - now));
        continue;
      }
      if (inFlight >= options.inFlight) {
        heldBack = true;
        await new Promise<void>((r) => {
          oneDone = r;
        });
        continue;
      }
      k++;
      const sending = sendNext(due, heldBack);
      running.add(sending);
      void sending.finally(() => running.delete(sending));
    }
    await Promise.all(running);
  }
  agent.destroy();
  result.seconds = (lastCountedEnd - countFrom) / 1000;
  result.perSecond = result.seconds > 0 ? result.completed / result.seconds : 0;
  result.latencies.sort((a, b) => a - b);
  result.answered.sort((a, b) => a - b);
  return result;
}

/** The q-quantile of sorted samples. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
