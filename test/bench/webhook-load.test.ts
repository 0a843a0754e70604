// The webhook benchmark's load generator against the real adapter in webhook mode: every update is answered, and
// the reply it is timed by is the one to that update (matched by chat), with nothing left over or counted twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Pending, Replies, runLoad } from "../../bench/webhook-load";
import { type Harness, startHarness } from "../platforms/telegram/harness";
import { parseTelegramHtml, startTelegramServer, type TelegramServer } from "../support/telegram-server";

let server: TelegramServer;
let h: Harness;
let replies = new Replies();

beforeAll(async () => {
  server = await startTelegramServer({ onCall: (call) => replies.onCall(call) });
  h = await startHarness({ webhook: true, server });
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

/** What the reply to each message says, whatever the language. */
const LINES: Record<string, RegExp> = {
  "/province son la": /Sơn La/,
  "/agreements 2022": /2022/,
  "/province Luang Prabanng": /Luông Pha Bang|Luang Prabang/,
  "/help": /\/province/,
};

async function load(options: { rate?: number; updates: number; inFlight: number }) {
  replies = new Replies();
  server.clear();
  const seen: Array<{ line: string; pending: Pending; text: string }> = [];
  const result = await runLoad({
    hook: { url: `http://127.0.0.1:${h.adapter.webhookPort()}/tg-hook`, secret: "s3cret_Token-1" },
    replies,
    lines: Object.keys(LINES),
    usersPerSlot: 2,
    ...options,
    onDone: (line, pending) => {
      // The last message this chat received is this update's reply: the chat had no other update in flight.
      const last = server.calls("sendMessage").filter((c) => c.params.chat_id === pending.chatId);
      seen.push({ line, pending: { ...pending }, text: parseTelegramHtml(last.at(-1)?.params.text ?? "") });
    },
  });
  return { result, seen };
}

describe("the webhook benchmark's load generator", () => {
  it("keeps N in flight and matches each reply to its update", async () => {
    const { result, seen } = await load({ updates: 48, inFlight: 6 });
    expect(result.completed).toBe(48);
    expect(result.failed).toBe(0);
    expect(replies.strays).toBe(0);
    expect(result.latencies).toHaveLength(48);
    for (const { line, pending, text } of seen) {
      expect(pending.parts).toBeGreaterThan(0);
      expect(text).toMatch(LINES[line] ?? /^$/);
    }
    // Every message the bot sent was counted for exactly one update.
    expect(seen.reduce((sum, s) => sum + s.pending.parts, 0)).toBe(server.calls("sendMessage").length);
    // Several users took turns in each slot, and no chat ever had two updates in flight (expect() would throw).
    expect(new Set(seen.map((s) => s.pending.chatId)).size).toBe(12);
  });

  it("sends at a fixed rate with at most N in flight", async () => {
    const { result, seen } = await load({ rate: 100, updates: 20, inFlight: 3 });
    expect(result.completed).toBe(20);
    expect(result.failed).toBe(0);
    expect(replies.strays).toBe(0);
    for (const { line, text } of seen) expect(text).toMatch(LINES[line] ?? /^$/);
  });
});
