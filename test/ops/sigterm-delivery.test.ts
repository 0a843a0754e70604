// SIGTERM while a digest is being posted, on the real bot process (src/main.ts) against the local Telegram Bot
// API server: the bot stops taking updates first (an update sent during the stop is left for the next process),
// finishes the send under way, records it as sent, and exits 0 within SHUTDOWN_TIMEOUT_SECONDS. A restart then
// does not post that digest again.
import { join } from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Subscription } from "../../src/core/services";
import { periodAt } from "../../src/schedule/period";
import { openStore } from "../../src/store/open";
import { messageUpdate, startTelegramServer, type TelegramServer } from "../support/telegram-server";
import { exitWithin, startMain } from "./process";
import { tempWorkspace, zoneAwayFromMidnight } from "./support";

const GROUP = -1009876543210;
const USER = 4242;
/** How long the Bot API takes to answer sendMessage: the SIGTERM lands in the middle of it. */
const SEND_MS = 1500;
const SHUTDOWN_TIMEOUT_SECONDS = 10;

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let api: TelegramServer;
let storeUrl: string;
let subscription: Subscription;
let dueAt: Date;

beforeAll(async () => {
  ws = await tempWorkspace();
  api = await startTelegramServer();
  storeUrl = `sqlite://${join(ws.root, "bot.sqlite")}`;
  const zone = zoneAwayFromMidnight();
  dueAt = new Date();
  // A group subscribed yesterday whose digest fell due two minutes ago: the scheduler's first tick sends it.
  subscription = {
    chatId: `telegram:${GROUP}`,
    platform: "telegram",
    time: DateTime.fromJSDate(dueAt, { zone }).minus({ minutes: 2 }).toFormat("HH:mm"),
    cadence: "daily",
    lang: "vi",
    zone,
    createdBy: `telegram:${USER}`,
    createdAt: new Date(dueAt.getTime() - 24 * 3600_000).toISOString(),
  };
  const store = await openStore(storeUrl);
  await store.setSubscription(subscription);
  await store.close();
});

afterAll(async () => {
  await api.close();
  await ws.cleanup();
});

const env = () => ({
  TELEGRAM_BOT_TOKEN: api.token,
  TELEGRAM_API_ROOT: api.apiRoot,
  STORE_URL: storeUrl,
  DATA_DIR: ws.data,
  LOG_LEVEL: "debug",
  SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_TIMEOUT_SECONDS),
  // Whatever the calendar says today, the due digest is posted (a short note on a quiet day).
  DIGEST_POST_EMPTY: "true",
});

const toGroup = (c: { method: string; params: { chat_id?: unknown } }) =>
  c.method === "sendMessage" && String(c.params.chat_id) === String(GROUP);

describe("SIGTERM with a digest delivery in flight", () => {
  it("stops taking updates, finishes and records the send, exits 0 within the bound; a restart does not repost", async () => {
    api.delay("sendMessage", SEND_MS);
    const main = startMain(env());
    try {
      await api.waitForArrival("sendMessage", { where: toGroup, timeoutMs: 20_000 });
      const signalledAt = Date.now();
      main.child.kill("SIGTERM");

      // Once the intake has stopped, an update is no longer taken: it stays queued for the next process.
      await main.waitFor(/"step":"stop taking updates","msg":"shutdown step done"/, "stdout");
      await api.pushUpdate(messageUpdate("/help", { from: { id: USER } }));

      const { code, signal } = await exitWithin(main, (SHUTDOWN_TIMEOUT_SECONDS + 5) * 1000);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(SHUTDOWN_TIMEOUT_SECONDS * 1000);
      const out = main.stdout();
      expect(out).toContain('"reason":"SIGTERM"');
      expect(out).not.toContain("left behind");
      // The send under way finished after the intake stopped, before the store closed. Compared by each line's
      // own time: pino writes stdout asynchronously, and lines logged within a millisecond of one another can
      // reach the pipe out of order (seen since the store's writes became synchronous).
      const loggedAt = (fragment: string): number => {
        const line = out.split("\n").find((l) => l.includes(fragment));
        return line ? (JSON.parse(line) as { time: number }).time : Number.NaN;
      };
      const intakeStopped = loggedAt('"step":"stop taking updates","msg":"shutdown step done"');
      const sentLogged = loggedAt('"msg":"digest: sent"');
      const storeClosed = loggedAt('"step":"close store","msg":"shutdown step done"');
      expect(intakeStopped).toBeGreaterThan(0);
      expect(sentLogged).toBeGreaterThanOrEqual(intakeStopped);
      expect(storeClosed).toBeGreaterThanOrEqual(sentLogged);
    } catch (e) {
      console.log(`bot stdout:\n${main.stdout().slice(-6000)}\nbot stderr:\n${main.stderr().slice(-3000)}`);
      throw e;
    } finally {
      if (main.child.exitCode === null) main.child.kill("SIGKILL");
    }

    // The digest was posted once: one message (or, were it ever too long for one, each part once).
    const posted = api.sent.filter(toGroup).map((c) => String(c.result.text));
    expect(posted.length).toBeGreaterThan(0);
    expect(new Set(posted).size).toBe(posted.length);
    expect(api.attempts.filter(toGroup)).toHaveLength(posted.length);
    // The /help sent during the stop was neither answered nor confirmed.
    expect(api.sent.filter((c) => c.method === "sendMessage" && c.params.chat_id === USER)).toHaveLength(0);
    expect(api.pending()).toBe(1);

    const store = await openStore(storeUrl);
    try {
      const record = await store.getDelivery(periodAt(subscription, dueAt).key);
      expect(record?.state).toBe("sent");
    } finally {
      await store.close();
    }

    // A restart answers the waiting /help and does not post the recorded digest again.
    api.delay("sendMessage", 0);
    const again = startMain(env());
    try {
      await api.waitFor("sendMessage", { where: (c) => c.params.chat_id === USER, timeoutMs: 30_000 });
      await again.waitFor(/huunghi-bot started/, "stdout");
      again.child.kill("SIGTERM");
      expect(await exitWithin(again, (SHUTDOWN_TIMEOUT_SECONDS + 5) * 1000)).toEqual({ code: 0, signal: null });
    } finally {
      if (again.child.exitCode === null) again.child.kill("SIGKILL");
    }
    expect(api.sent.filter(toGroup)).toHaveLength(posted.length);
  }, 90_000);
});
