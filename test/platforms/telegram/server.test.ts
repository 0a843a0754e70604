// The local Bot API server itself, driven by the real grammY client: if this is wrong, every
// adapter test would be testing against a fiction.
import { Bot, GrammyError, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  messageUpdate,
  parseTelegramHtml,
  startTelegramServer,
  type TelegramServer,
} from "../../support/telegram-server";

let server: TelegramServer;
beforeEach(async () => {
  server = await startTelegramServer();
});
afterEach(async () => {
  await server.close();
});

const newBot = () => new Bot(server.token, { client: { apiRoot: server.apiRoot } });

describe("local Telegram Bot API server", () => {
  it("answers getMe so bot.init() works, and refuses a wrong token", async () => {
    const bot = newBot();
    await bot.init();
    expect(bot.botInfo.username).toBe(server.bot.username);
    const wrong = new Bot("999:wrong", { client: { apiRoot: server.apiRoot } });
    await expect(wrong.init()).rejects.toThrow(/401|Unauthorized/);
  });

  it("records sendMessage params and returns a message", async () => {
    const bot = newBot();
    const msg = await bot.api.sendMessage(42, "<b>a &amp; b</b>", { parse_mode: "HTML" });
    expect(msg.chat.id).toBe(42);
    expect(msg.text).toBe("a & b");
    expect(server.calls("sendMessage")[0]?.params).toMatchObject({ chat_id: 42, parse_mode: "HTML" });
  });

  it("rejects bad HTML and over-long messages like Telegram", async () => {
    const bot = newBot();
    await expect(bot.api.sendMessage(1, "a < b", { parse_mode: "HTML" })).rejects.toBeInstanceOf(GrammyError);
    await expect(bot.api.sendMessage(1, "<x>y</x>", { parse_mode: "HTML" })).rejects.toThrow(/unsupported start tag/);
    await expect(bot.api.sendMessage(1, "x".repeat(4097))).rejects.toThrow(/too long/);
    expect(() => parseTelegramHtml("<b>open")).toThrow(/end tag/);
    expect(parseTelegramHtml('<a href="https://x">l&lt;</a>')).toBe("l<");
  });

  it("fails the next call as asked, with retry_after", async () => {
    const bot = newBot();
    server.failNext("sendMessage", { status: 429, retry_after: 3 });
    const error = await bot.api.sendMessage(1, "hi").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(429);
    expect((error as GrammyError).parameters.retry_after).toBe(3);
    await bot.api.sendMessage(1, "hi");
    expect(server.calls("sendMessage")).toHaveLength(1);
    expect(server.attempts.filter((c) => c.method === "sendMessage").map((c) => c.status)).toEqual([429, 200]);
  });

  it("feeds pushed updates to long polling and confirms them by offset", async () => {
    const bot = newBot();
    const seen: string[] = [];
    bot.on("message:text", (ctx) => {
      seen.push(ctx.message.text);
    });
    void bot.start({ drop_pending_updates: false });
    await server.pushUpdate(messageUpdate("one"));
    await server.pushUpdate(messageUpdate("two"));
    await expect.poll(() => seen, { timeout: 5000 }).toEqual(["one", "two"]);
    await bot.stop();
  });

  it("uploads a photo through multipart form data", async () => {
    const bot = newBot();
    // A 1×1 PNG: Telegram refuses bytes that are not a picture (see test/platforms/telegram/files.test.ts).
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
      "base64",
    );
    await bot.api.sendPhoto(7, new InputFile(png, "card.png"), { caption: "c" });
    const call = server.calls("sendPhoto")[0];
    expect(call?.params.chat_id).toBe(7);
    expect(call?.params.photo.upload).toMatchObject({ filename: "card.png", size: png.length });
    expect(call?.result.photo[0]).toMatchObject({ width: 1, height: 1 });
  });
});
