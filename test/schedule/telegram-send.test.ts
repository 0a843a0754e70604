// The Telegram adapter's digest path as production builds it (telegramAdapterOptions, as src/main.ts does),
// against the local Bot API server: a 429 or 5xx reaches the delivery queue after one request (no grammY
// retry, no throttler in between), while interactive calls keep auto-retry; a digest in several messages
// that fails partway is resumed at the failed part by the queue's retry, each part posted once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../src/core/corpus";
import type { Reply } from "../../src/core/reply";
import type { TelegramAdapter } from "../../src/platforms/telegram/adapter";
import { renderReply } from "../../src/platforms/telegram/render";
import { DeliveryQueue } from "../../src/schedule/queue";
import { classifySendError } from "../../src/schedule/send-errors";
import { parseTelegramHtml, startTelegramServer, type TelegramServer } from "../support/telegram-server";
import { realCorpus, sendOnlyTelegramAdapter } from "./helpers";

let server: TelegramServer;
let adapter: TelegramAdapter;
let corpus: Corpus;

beforeAll(async () => {
  server = await startTelegramServer();
  corpus = await realCorpus();
  adapter = sendOnlyTelegramAdapter(server, corpus);
});
afterAll(async () => {
  await server?.close();
});

/** A digest long enough for several Telegram messages. */
function longReply(title: string): Reply {
  return {
    lang: "vi",
    title,
    blocks: Array.from({ length: 60 }, (_, i) => ({
      kind: "text" as const,
      line: { text: `Mục ${i + 1}: ${"Hợp tác Việt Nam – Lào ".repeat(9)}` },
    })),
    citations: [],
  };
}

const attemptsTo = (chat: number) =>
  server.attempts.filter((c) => c.method === "sendMessage" && c.params.chat_id === chat);
const postsTo = (chat: number) => server.calls("sendMessage").filter((c) => c.params.chat_id === chat);

describe("the Telegram digest path", () => {
  it("hands a 429 or a 5xx to its caller after one request; interactive calls still retry", async () => {
    const reply = longReply("Bản tin");
    const chat = 4_001;
    server.failNext("sendMessage", { status: 429, retry_after: 0, chat_id: chat });
    const refused = await adapter.send(`telegram:${chat}`, reply).catch((error: unknown) => error);
    expect(classifySendError(refused)).toEqual({ kind: "rate-limited", retryAfterMs: 0 });
    server.failNext("sendMessage", { status: 502, chat_id: chat });
    const failed = await adapter.send(`telegram:${chat}`, reply).catch((error: unknown) => error);
    expect(classifySendError(failed)).toEqual({ kind: "transient" });
    expect(attemptsTo(chat).map((c) => c.status)).toEqual([429, 502]);
    expect(postsTo(chat)).toEqual([]);

    // The bot's own Api (commands, buttons) keeps grammY's auto-retry.
    const other = 4_002;
    server.failNext("sendMessage", { status: 429, retry_after: 0, chat_id: other });
    await adapter.bot.api.sendMessage(other, "xin chào");
    expect(attemptsTo(other).map((c) => c.status)).toEqual([429, 200]);
  });

  it("resumes a reply at the part that failed: a 429 on the second part posts each part exactly once", async () => {
    const reply = longReply("Bản tin Hữu Nghị — 15/07/2027");
    const parts = renderReply(reply);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const chat = -1_004_003;
    // Armed the moment the first part is accepted, before the client can ask for the second.
    void server
      .waitFor("sendMessage", { where: (c) => c.params.chat_id === chat })
      .then(() => server.failNext("sendMessage", { status: 429, retry_after: 1, chat_id: chat }));
    const queue = new DeliveryQueue({ perSecond: 1000, perChatMs: 0, perGroupPerMinute: 60_000 });
    // As the scheduler does: every attempt sends the same reply object.
    const outcome = await queue.deliver(`telegram:${chat}`, () => adapter.send(`telegram:${chat}`, reply));
    expect(outcome).toEqual({ status: "sent", attempts: 2 });
    expect(attemptsTo(chat).map((c) => c.status)).toEqual([200, 429, ...parts.slice(1).map(() => 200)]);
    expect(postsTo(chat).map((c) => c.params.text)).toEqual(parts);
    expect(parseTelegramHtml(postsTo(chat)[0]?.params.text)).toMatch(/^Bản tin Hữu Nghị — 15\/07\/2027/);

    // Once complete, the same reply sent again is a new post, from its first part.
    await adapter.send(`telegram:${chat}`, reply);
    expect(postsTo(chat).map((c) => c.params.text)).toEqual([...parts, ...parts]);
  });
});
