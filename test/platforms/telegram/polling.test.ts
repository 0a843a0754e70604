// End to end, long polling: the real grammY bot (runner, auto-retry, throttler) against the local Bot API
// server, over the real corpus. Each test talks in its own chat so they do not see each other's messages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAdminOnly } from "../../../src/core/command";
import { t } from "../../../src/core/i18n";
import type { Reply } from "../../../src/core/reply";
import { expandCiteNumbers } from "../../../src/core/source-list";
import { ChatGoneError } from "../../../src/platforms/adapter";
import {
  callbackUpdate,
  inlineQueryUpdate,
  type Json,
  messageUpdate,
  parseTelegramHtml,
  type RecordedCall,
} from "../../support/telegram-server";
import { type Harness, startHarness } from "./harness";

let h: Harness;
const STORED_ENGLISH_USER = 4242;
const ADMINS = [6000, 6001];

beforeAll(async () => {
  h = await startHarness({
    admins: ADMINS.map((id) => `telegram:${id}`),
    userLang: async (userId) => (userId === `telegram:${STORED_ENGLISH_USER}` ? "en" : undefined),
    // A failure outside dispatch (as if the state store broke): bot.catch must handle it.
    wrapHandle: (handle) => async (inv) => {
      if (inv.command === "crash") throw new Error("kaboom: store unavailable");
      return handle(inv);
    },
  });
});
afterAll(async () => {
  await h?.close();
});

let nextChat = 10_000;
const newChat = () => nextChat++;
const inChat = (chatId: number) => (c: RecordedCall) => c.params.chat_id === chatId;
const shown = (calls: RecordedCall[]) => calls.map((c) => parseTelegramHtml(c.params.text)).join("\n");

/** Sends `text` in a new private chat and waits for `count` messages back. */
async function ask(text: string, options: { count?: number; language_code?: string; userId?: number } = {}) {
  const chatId = options.userId ?? newChat();
  await h.server.pushUpdate(
    messageUpdate(text, {
      chatId,
      from: { id: chatId, ...(options.language_code ? { language_code: options.language_code } : {}) },
    }),
  );
  const calls = await h.server.waitFor("sendMessage", { where: inChat(chatId), count: options.count ?? 1 });
  return { chatId, calls, text: shown(calls) };
}

describe("Telegram adapter, long polling", () => {
  it("is connected and set the command menu in Vietnamese, and English for English clients", async () => {
    expect(h.adapter.connected()).toBe(true);
    const menus = h.server.calls("setMyCommands");
    const vi = menus.find((c) => c.params.language_code === undefined)?.params.commands as Json[];
    const en = menus.find((c) => c.params.language_code === "en")?.params.commands as Json[];
    const visible = h.core.commands.filter((c) => !isAdminOnly(c));
    expect(vi.map((c) => c.command)).toEqual(visible.map((c) => c.name));
    expect(vi.map((c) => c.description)).toEqual(visible.map((c) => c.description.vi));
    expect(en.map((c) => c.description)).toEqual(visible.map((c) => c.description.en));
    expect(vi.map((c) => c.command)).not.toContain("reload");
    // Polling mode removes any webhook first.
    expect(h.server.calls("deleteWebhook")).toHaveLength(1);
  });

  it("answers every command (its first example), in HTML, without an internal error", async () => {
    const runs = h.core.commands.map((command) => ask(command.examples?.[0] ?? `/${command.name}`));
    const answers = await Promise.all(runs);
    h.core.commands.forEach((command, i) => {
      const answer = answers[i];
      expect(answer?.calls[0]?.params.parse_mode).toBe("HTML");
      expect(answer?.text).not.toContain(t("internalError", "vi"));
      if (isAdminOnly(command)) expect(answer?.text).toContain(t("adminOnly", "vi"));
    });
  });

  it("gives a real, cited province briefing in one message of at most 4,096 characters", async () => {
    const reply = await h.core.handle({
      command: "province",
      text: "son la",
      lang: "vi",
      caller: { userId: "t", chatId: "t", platform: "telegram", isChatAdmin: true, chatKind: "private" },
    });
    const { calls, text } = await ask("/province son la");
    expect(calls).toHaveLength(1);
    expect(calls[0]?.params.text.length).toBeLessThanOrEqual(4096);
    expect(text).toContain("Sơn La");
    expect(text).toContain("Nguồn");
    // Each source is listed once with the numbers that come from it; the quotes are behind the button.
    const listed = new Set(
      [...(text.split("\nNguồn\n")[1] ?? "").matchAll(/\[[\d,–\s]+\]/g)].flatMap((m) => expandCiteNumbers(m[0])),
    );
    for (const c of reply.citations) expect(listed.has(c.n), `[${c.n}]`).toBe(true);
  });

  it("lists the 2022–2024 agreements for /agreements 2022", async () => {
    const { text } = await ask("/agreements 2022");
    expect(text).toContain("2022 – 2024");
    expect(text).toContain("Xiêng Khoảng");
  });

  it("speaks English to English clients, and a stored /lang preference wins over the client language", async () => {
    const en = await ask("/help", { language_code: "en-GB" });
    expect(en.text).toContain("How to use");
    const vi = await ask("/help", { language_code: "fr" });
    expect(vi.text).toContain("Hướng dẫn");
    const stored = await ask("/help", { language_code: "vi", userId: STORED_ENGLISH_USER });
    expect(stored.text).toContain("How to use");
  });

  it("opens the help on /start and answers a province name typed as plain text", async () => {
    expect((await ask("/start")).text).toContain("/province");
    const plain = await ask("luang prabang", { count: 1 });
    expect(plain.text).toContain("Luông Pha Bang");
  });

  it("in groups, answers /cmd@ThisBot (any case) threaded under the command, and ignores other bots' commands", async () => {
    const group = -1_001_000_000_001;
    await h.server.pushUpdate(messageUpdate("/province@OtherBot Sơn La", { chatId: group }));
    await h.server.pushUpdate(messageUpdate("/frobnicate", { chatId: group }));
    const addressed = messageUpdate("/help@huunghitestbot", { chatId: group });
    await h.server.pushUpdate(addressed);
    const [help] = await h.server.waitFor("sendMessage", { where: inChat(group) });
    expect(help?.params.reply_parameters?.message_id).toBe(addressed.message.message_id);
    const province = messageUpdate(`/province@${h.server.bot.username} Sơn La`, { chatId: group });
    await h.server.pushUpdate(province);
    const unknown = messageUpdate(`/frobnicate@${h.server.bot.username}`, { chatId: group });
    await h.server.pushUpdate(unknown);
    const calls = await h.server.waitFor("sendMessage", {
      where: (c) => inChat(group)(c) && /frobnicate/.test(c.params.text),
    });
    const all = h.server.calls("sendMessage").filter(inChat(group));
    const provinceParts = all.filter((c) => c !== help && c !== calls[0]);
    expect(shown(provinceParts)).toContain("Sơn La");
    expect(provinceParts[0]?.params.reply_parameters?.message_id).toBe(province.message.message_id);
    // Nothing answered the command for @OtherBot nor the bare unknown command.
    expect(all.filter((c) => /OtherBot/.test(c.params.text))).toHaveLength(0);
    expect(all.filter((c) => /frobnicate/.test(c.params.text))).toHaveLength(1);
  });

  it("asks Telegram whether a group member is an admin only for commands that depend on it", async () => {
    const group = -1_001_000_000_002;
    const user = 5150;
    h.server.setChatMember(group, user, "administrator");
    await h.server.pushUpdate(messageUpdate("/help", { chatId: group, from: { id: user } }));
    await h.server.pushUpdate(messageUpdate("/status", { chatId: group, from: { id: user } }));
    await h.server.waitFor("sendMessage", { where: inChat(group), count: 2 });
    const checks = h.server.calls("getChatMember").filter(inChat(group));
    expect(checks.map((c) => c.params.user_id)).toEqual([user]);
  });

  it("sends a private reply (admin /reload) to the admin's own chat, not to the group", async () => {
    const group = -1_001_000_000_003;
    const [admin, adminWithoutDm] = ADMINS as [number, number];
    await h.server.pushUpdate(messageUpdate("/reload", { chatId: group, from: { id: admin } }));
    const [dm] = await h.server.waitFor("sendMessage", { where: inChat(admin) });
    expect(dm?.params.text.length).toBeGreaterThan(0);
    const [note] = await h.server.waitFor("sendMessage", { where: inChat(group) });
    expect(parseTelegramHtml(note?.params.text)).toContain("chat riêng");
    // An admin who never opened a private chat with the bot is told how to, in the group.
    h.server.failNext("sendMessage", {
      status: 403,
      description: "Forbidden: bot can't initiate conversation with a user",
      chat_id: adminWithoutDm,
    });
    await h.server.pushUpdate(messageUpdate("/reload", { chatId: group, from: { id: adminWithoutDm } }));
    const calls = await h.server.waitFor("sendMessage", { where: inChat(group), count: 2 });
    expect(calls[1]?.params.text).toContain(`@${h.server.bot.username}`);
    expect(h.server.calls("sendMessage").filter(inChat(group))).toHaveLength(2);
  });

  it("turns pages with the inline buttons, and politely expires an unknown button", async () => {
    const first = await ask("/timeline");
    // The buttons are under the last message of the reply.
    const [withButtons] = await h.server.waitFor("sendMessage", {
      where: (c) => inChat(first.chatId)(c) && c.params.reply_markup !== undefined,
    });
    const message = withButtons?.result;
    const buttons: Json[] = message.reply_markup.inline_keyboard.flat();
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    const next = buttons.find((b) => b.text.includes("2 ›"));
    expect(next).toBeDefined();
    expect(first.text).toContain("Trang 1/");
    // Buttons keep working across a corpus reload (they name the invocation, not the old answer).
    expect((await h.core.holder.reload()).ok).toBe(true);
    await h.server.pushUpdate(callbackUpdate(next.callback_data, message, { id: first.chatId }));
    const [edit] = await h.server.waitFor("editMessageText", { where: inChat(first.chatId) });
    expect(edit?.params.message_id).toBe(message.message_id);
    expect(parseTelegramHtml(edit?.params.text)).toContain("Trang 2/");
    expect(parseTelegramHtml(edit?.params.text)).not.toEqual(parseTelegramHtml(first.calls[0]?.params.text));
    await h.server.waitFor("answerCallbackQuery", { where: (c) => c.params.text === undefined });

    await h.server.pushUpdate(callbackUpdate("pg:AAAAAAAA:2", message, { id: first.chatId, language_code: "en" }));
    const [expired] = await h.server.waitFor("answerCallbackQuery", {
      where: (c) => /expired/.test(c.params.text ?? ""),
    });
    expect(expired?.params.text).toContain("run the command again");
  });

  it("shows a cited answer's verbatim quotes with the Trích dẫn button, and goes back to the answer", async () => {
    const first = await ask("/province bo keo");
    expect(first.calls).toHaveLength(1);
    const message = first.calls[0]?.result;
    const buttons: Json[] = message.reply_markup.inline_keyboard.flat();
    const quotes = buttons.find((b) => b.text === "📑 Trích dẫn");
    expect(quotes).toBeDefined();
    expect(first.text).not.toContain("“");
    await h.server.pushUpdate(callbackUpdate(quotes.callback_data, message, { id: first.chatId }));
    const [edit] = await h.server.waitFor("editMessageText", { where: inChat(first.chatId) });
    const shownQuotes = parseTelegramHtml(edit?.params.text);
    expect(shownQuotes).toContain("Trích dẫn — Bò Kẹo (Lào)");
    expect(shownQuotes).toContain("[1] “Đoàn công tác của Ban Tổ chức tỉnh Bò Kẹo");
    expect(shownQuotes).toContain("Bảng tên gọi: tên tiếng Việt chuẩn là Bò Kẹo");
    const back = ((edit?.params.reply_markup.inline_keyboard ?? []) as Json[][])
      .flat()
      .find((b) => b.text === "↩ Câu trả lời");
    expect(back).toBeDefined();
    await h.server.pushUpdate(callbackUpdate(back.callback_data, message, { id: first.chatId }));
    const edits = await h.server.waitFor("editMessageText", { where: inChat(first.chatId), count: 2 });
    expect(parseTelegramHtml(edits[1]?.params.text)).toBe(first.text);
  });

  it("turns a 'did you mean' suggestion into a button that answers in place", async () => {
    const first = await ask("/province son laa");
    expect(first.text).toContain("Sơn La?");
    const message = first.calls[0]?.result;
    const button = (message.reply_markup.inline_keyboard as Json[][])
      .flat()
      .find((b) => b.text.includes("/province Sơn La"));
    expect(button).toBeDefined();
    await h.server.pushUpdate(callbackUpdate(button.callback_data, message, { id: first.chatId }));
    const [edit] = await h.server.waitFor("editMessageText", { where: inChat(first.chatId) });
    expect(parseTelegramHtml(edit?.params.text)).toContain("Sơn La (Việt Nam)");
    // The whole briefing is that one message, with its Quotes button.
    expect(parseTelegramHtml(edit?.params.text)).toContain("Nguồn");
    expect(JSON.stringify(edit?.params.reply_markup)).toContain("📑 Trích dẫn");
  });

  it("answers an inline query with province, agreement and search results within Telegram's limits", async () => {
    await h.server.pushUpdate(inlineQueryUpdate("son la", { id: 777 }));
    const [answer] = await h.server.waitFor("answerInlineQuery");
    const results: Json[] = answer?.params.results ?? [];
    expect(results.length).toBeGreaterThan(2);
    expect(results.length).toBeLessThanOrEqual(50);
    for (const r of results) expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    const kinds = new Set(results.map((r) => String(r.id).slice(0, 2)));
    expect([...kinds].sort()).toEqual(["a:", "p:", "s:"]);
    const province = results.find((r) => r.id.startsWith("p:"));
    expect(province.title).toContain("Sơn La");
    expect(parseTelegramHtml(province.input_message_content.message_text)).toContain("Sơn La");
    expect(province.input_message_content.parse_mode).toBe("HTML");
  });

  it("offers the help button instead of results for an empty or unmatched inline query", async () => {
    const queries = [inlineQueryUpdate("", { id: 778 }), inlineQueryUpdate("zzzqqqxxyy", { id: 779 })];
    const ids = new Set(queries.map((q) => q.inline_query.id));
    for (const q of queries) await h.server.pushUpdate(q);
    const answers = await h.server.waitFor("answerInlineQuery", {
      count: 2,
      where: (c) => ids.has(c.params.inline_query_id),
    });
    for (const answer of answers) {
      expect(answer.params.results).toEqual([]);
      expect(answer.params.button?.start_parameter).toBe("help");
    }
  });

  it("waits out a 429 as told by retry_after, then delivers the message exactly once", async () => {
    const chatId = newChat();
    h.server.failNext("sendMessage", { status: 429, retry_after: 1, chat_id: chatId });
    await ask("/help", { userId: chatId });
    const attempts = h.server.attempts.filter((c) => c.method === "sendMessage" && c.params.chat_id === chatId);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("retries a 500 and delivers once", async () => {
    const chatId = newChat();
    h.server.failNext("sendMessage", { status: 500, chat_id: chatId });
    const { text } = await ask("/help", { userId: chatId });
    const attempts = h.server.attempts.filter((c) => c.method === "sendMessage" && c.params.chat_id === chatId);
    expect(attempts.map((c) => c.status)).toEqual([500, 200]);
    expect(text).toContain("/province");
  });

  it("escapes and answers a hostile argument (<b>, &, 5,000 characters)", async () => {
    const hostile = `<b>Sơn & La</b> ${"x&<".repeat(1700)}`;
    const long = await ask(`/province ${hostile}`);
    expect(long.calls.every((c) => c.status === 200)).toBe(true);
    expect(long.text).toContain("“<b>Sơn & La</b> x&<x&<");
    const short = await ask("/search <b>Sơn & La</b>");
    expect(short.text).toContain("<b>Sơn & La</b>");
    // Raw, the markup the user typed is escaped, never interpreted.
    expect(short.calls[0]?.params.text).toContain("&lt;b&gt;Sơn &amp; La&lt;/b&gt;");
  });

  it("apologises for a failure inside a command, logs it with the update, and keeps working", async () => {
    const chatId = newChat();
    const update = messageUpdate("/crash", { chatId, from: { id: chatId } });
    const { update_id } = await h.server.pushUpdate(update);
    const [apology] = await h.server.waitFor("sendMessage", { where: inChat(chatId) });
    expect(apology?.params.text).toBe(t("internalError", "vi"));
    const logged = h.logs.map((l) => JSON.parse(l)).find((l) => l.update?.update_id === update_id);
    expect(logged?.err?.message).toContain("kaboom");
    expect(h.logs.join("\n")).not.toContain(h.server.token);
    await h.server.pushUpdate(messageUpdate("/help", { chatId, from: { id: chatId } }));
    await h.server.waitFor("sendMessage", { where: inChat(chatId), count: 2 });
  });

  it("sends digests to telegram:<id> chats and reports a chat that blocked the bot", async () => {
    const reply: Reply = {
      lang: "en",
      title: "Digest <today>",
      blocks: [{ kind: "text", line: { text: "A & B", cites: [1] } }],
      citations: [{ n: 1, source: "s.txt", title: "T", quote: "q", factId: "f" }],
    };
    await h.adapter.send("telegram:-1005555", reply);
    const [digest] = await h.server.waitFor("sendMessage", { where: inChat(-1005555) });
    expect(parseTelegramHtml(digest?.params.text)).toContain("Digest <today>");
    expect(parseTelegramHtml(digest?.params.text)).toContain("Sources");

    h.server.failNext("sendMessage", {
      status: 403,
      description: "Forbidden: bot was kicked from the group chat",
      chat_id: -1005556,
    });
    const error = await h.adapter.send("telegram:-1005556", reply).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatGoneError);
    expect((error as ChatGoneError).chatId).toBe("telegram:-1005556");
    await expect(h.adapter.send("discord:1:2", reply)).rejects.toThrow(/not a Telegram chat/);
  });

  it("stops gracefully: handled updates are confirmed to Telegram so a restart does not repeat them", async () => {
    const chatId = newChat();
    await h.server.pushUpdate(messageUpdate("/help", { chatId, from: { id: chatId } }));
    await h.server.waitFor("sendMessage", { where: inChat(chatId) });
    await h.adapter.stop();
    expect(h.adapter.connected()).toBe(false);
    expect(h.server.pending()).toBe(0);
  });
});
