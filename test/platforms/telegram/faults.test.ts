// Faults real Telegram produces and the local server reproduces (test/support/telegram-server.ts): a second
// poller (409), a revoked token (401), an unreachable Bot API at start-up, a group upgraded to a supergroup,
// forum topics (and closed ones), button presses that must be answered first, private replies reached from a
// group button, and text cut inside a surrogate pair. Each test runs the real grammY adapter.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Command } from "../../../src/core/command";
import { PageTokens } from "../../../src/core/paging";
import type { Reply } from "../../../src/core/reply";
import type { StateStore } from "../../../src/core/services";
import { ChatGoneError } from "../../../src/platforms/adapter";
import { classifySendError } from "../../../src/schedule/send-errors";
import { openStore } from "../../../src/store/open";
import { subscription } from "../../store/contract";
import { callbackUpdate, messageUpdate, parseTelegramHtml, startTelegramServer } from "../../support/telegram-server";
import { type Harness, type HarnessOptions, startHarness } from "./harness";

const FAST = { firstMs: 20, maxMs: 100 };
let h: Harness | undefined;
let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  unhandled = [];
  process.on("unhandledRejection", onUnhandled);
});
afterEach(async () => {
  process.off("unhandledRejection", onUnhandled);
  await h?.close();
  h = undefined;
});

async function harness(options: HarnessOptions = {}): Promise<Harness> {
  h = await startHarness({ reconnect: FAST, ...options });
  return h;
}

/** Waits until a log line matches (the adapter logs as JSON lines). */
async function logged(hh: Harness, pattern: RegExp, count = 1): Promise<string[]> {
  for (let i = 0; i < 400; i++) {
    const found = hh.logs.filter((l) => pattern.test(l));
    if (found.length >= count) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`not logged: ${pattern}\n${hh.logs.join("")}`);
}

const reply = (text: string): Reply => ({
  title: "Bản tin",
  blocks: [{ kind: "text", line: { text } }],
  citations: [],
  lang: "vi",
});

async function askIn(hh: Harness, text: string, chatId: number, options: { threadId?: number; from?: number } = {}) {
  await hh.server.pushUpdate(
    messageUpdate(text, {
      chatId,
      ...(options.threadId ? { threadId: options.threadId } : {}),
      from: { id: options.from ?? 1001 },
    }),
  );
  return hh.server.waitFor("sendMessage", { where: (c) => c.params.chat_id === chatId });
}

describe("polling faults", () => {
  it("a second poller (409 Conflict) is logged and polling resumes; nothing is left unhandled", async () => {
    const hh = await harness();
    await askIn(hh, "/help", 501);
    // Another process polls with the same token: Telegram ends our waiting getUpdates with 409.
    const other = await fetch(`${hh.server.apiRoot}/bot${hh.server.token}/getUpdates?timeout=1`);
    await other.arrayBuffer();
    await logged(hh, /409 Conflict: another process is polling with this bot token/);
    // Our polling came back: a later message is answered.
    hh.server.clear();
    const [answer] = await askIn(hh, "/help", 502);
    expect(answer?.status).toBe(200);
    expect(unhandled).toEqual([]);
  });

  it("a revoked token (401) stops Telegram alone, with a clear log line and no unhandled rejection", async () => {
    const hh = await harness();
    await askIn(hh, "/help", 503);
    hh.server.revokeToken();
    // The poll waiting now still answers (it was authorised); the next one is refused.
    await hh.server.pushUpdate(messageUpdate("/help", { chatId: 504 }));
    await logged(hh, /refused the token \(401 Unauthorized\).*Set the new TELEGRAM_BOT_TOKEN/);
    expect(hh.adapter.connected()).toBe(false);
    expect(unhandled).toEqual([]);
    // It does not poll in a loop against a refused token.
    const refused = hh.server.attempts.filter((c) => c.method === "getUpdates" && c.status === 401).length;
    expect(refused).toBe(1);
  });

  it("an unreachable Bot API at start-up: each getMe attempt is logged, start() returns, sign-in completes later", async () => {
    const hh = await harness({ beforeStart: (server) => server.setReachable(false) });
    // start() returned while Telegram is unreachable, so the rest of the bot is not held up.
    expect(hh.adapter.connected()).toBe(false);
    const attempts = await logged(hh, /cannot reach the Bot API \(getMe attempt \d+ failed\)/, 2);
    expect(attempts[0]).toContain("getMe attempt 1 failed");
    expect(attempts[1]).toContain("getMe attempt 2 failed");
    hh.server.setReachable(true);
    await logged(hh, /telegram: signed in/);
    const [answer] = await askIn(hh, "/help", 505);
    expect(answer?.status).toBe(200);
    expect(hh.adapter.connected()).toBe(true);
  });

  it("a token refused at start-up fails start() at once, naming TELEGRAM_BOT_TOKEN", async () => {
    await expect(harness({ beforeStart: (server) => server.revokeToken() })).rejects.toThrow(/TELEGRAM_BOT_TOKEN/);
  });
});

describe("group → supergroup migration", () => {
  let store: StateStore;
  beforeEach(async () => {
    store = await openStore("sqlite://:memory:");
  });
  afterEach(async () => {
    await store.close();
  });

  it("a digest to a migrated group goes to the supergroup, and the subscription moves there", async () => {
    const hh = await harness({ store });
    await store.setSubscription(subscription("telegram:-4001"));
    hh.server.migrateChat(-4001, -1004001);
    await hh.adapter.send("telegram:-4001", reply("Bản tin hôm nay"));
    const sent = hh.server.calls("sendMessage");
    expect(sent.map((c) => c.params.chat_id)).toEqual([-1004001]);
    expect(await store.getSubscription("telegram:-4001")).toBeUndefined();
    expect(await store.getSubscription("telegram:-1004001")).toMatchObject({ chatId: "telegram:-1004001" });
    // The next digest goes straight to the new id.
    await hh.adapter.send("telegram:-1004001", reply("Ngày mai"));
    expect(hh.server.attempts.filter((c) => c.method === "sendMessage" && c.status === 400)).toHaveLength(1);
  });
});

/** A paged command whose every page is longer than one Telegram message. */
const longPages: Command = {
  name: "longpages",
  description: { vi: "Trang dài", en: "Long pages" },
  args: [],
  run: (ctx) => ({
    title: `Trang ${ctx.page}`,
    blocks: Array.from({ length: 12 }, (_, i) => ({
      kind: "text" as const,
      line: { text: `Đoạn ${i + 1} trang ${ctx.page}. ${"Hợp tác hữu nghị Việt Nam – Lào. ".repeat(15)}` },
    })),
    citations: [],
    paging: { page: ctx.page, pageCount: 3 },
    lang: ctx.lang,
  }),
};

describe("forum topics", () => {
  it("every part of an answer and of a page goes to the topic the command came from", async () => {
    const hh = await harness({ extraCommands: [longPages] });
    const chatId = -100777;
    await hh.server.pushUpdate(messageUpdate("/longpages", { chatId, threadId: 42 }));
    const parts = await hh.server.waitFor("sendMessage", { where: (c) => c.params.chat_id === chatId, count: 2 });
    expect(parts.every((c) => c.params.message_thread_id === 42)).toBe(true);
    const withButtons = parts.find((c) => c.params.reply_markup)?.result;
    const next = withButtons.reply_markup.inline_keyboard[0].find((b: { text: string }) => b.text.includes("›"));
    hh.server.clear();
    await hh.server.pushUpdate(callbackUpdate(next.callback_data, withButtons));
    await hh.server.waitFor("editMessageText");
    const more = await hh.server.waitFor("sendMessage", { where: (c) => c.params.chat_id === chatId });
    expect(more[0]?.params.message_thread_id).toBe(42);
  });

  it("a subscription is per topic, its digest goes to that topic, and a closed topic is reported, not retried", async () => {
    const store = await openStore("sqlite://:memory:");
    try {
      const hh = await harness({ store });
      const chatId = -100888;
      hh.server.setChatMember(chatId, 1001, "administrator");
      const [answer] = await askIn(hh, "/subscribe 07:30", chatId, { threadId: 9 });
      expect(answer?.params.message_thread_id).toBe(9);
      expect(await store.getSubscription(`telegram:${chatId}:9`)).toMatchObject({ time: "07:30" });
      expect(await store.getSubscription(`telegram:${chatId}`)).toBeUndefined();

      await hh.adapter.send(`telegram:${chatId}:9`, reply("Bản tin"));
      expect(hh.server.calls("sendMessage").at(-1)?.params).toMatchObject({ chat_id: chatId, message_thread_id: 9 });

      hh.server.closeTopic(chatId, 9);
      const error = await hh.adapter.send(`telegram:${chatId}:9`, reply("Bản tin")).catch((e: unknown) => e);
      expect(error).not.toBeInstanceOf(ChatGoneError); // the subscription is kept: the topic may reopen
      expect(classifySendError(error).kind).toBe("permanent"); // the queue does not retry it in a loop
      await logged(hh, /the forum topic is closed/);
    } finally {
      await store.close();
    }
  });
});

describe("buttons", () => {
  it("answers the press before the work and the edit", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hh = await harness({
      extraCommands: [longPages],
      wrapHandle: (handle) => async (inv) => {
        if (inv.command === "longpages" && (inv.page ?? 1) > 1) await gate;
        return handle(inv);
      },
    });
    const chatId = 506;
    await hh.server.pushUpdate(messageUpdate("/longpages", { chatId, from: { id: chatId } }));
    const parts = await hh.server.waitFor("sendMessage", { where: (c) => c.params.chat_id === chatId, count: 2 });
    const message = parts.find((c) => c.params.reply_markup)?.result;
    const next = message.reply_markup.inline_keyboard[0].find((b: { text: string }) => b.text.includes("›"));
    await hh.server.pushUpdate(callbackUpdate(next.callback_data, message, { id: chatId }));
    try {
      // The command is still running (held by the gate), yet the press is already answered.
      await hh.server.waitFor("answerCallbackQuery", { timeoutMs: 3000 });
      expect(hh.server.calls("editMessageText")).toHaveLength(0);
    } finally {
      release();
    }
    await hh.server.waitFor("editMessageText");
    // Answered once: Telegram refuses a second answer to the same query.
    expect(hh.server.attempts.filter((c) => c.method === "answerCallbackQuery")).toHaveLength(1);
  });

  it("a private reply reached through a 'did you mean' button in a group goes to the presser's private chat", async () => {
    const admin = 6000;
    const hh = await harness({ admins: [`telegram:${admin}`] });
    const group = -100999;
    hh.server.setChatMember(group, admin, "administrator");
    await hh.server.pushUpdate(
      messageUpdate(`/relod@${hh.server.bot.username}`, { chatId: group, from: { id: admin } }),
    );
    const [suggestion] = await hh.server.waitFor("sendMessage", { where: (c) => c.params.chat_id === group });
    const message = suggestion?.result;
    const button = message.reply_markup.inline_keyboard
      .flat()
      .find((b: { text: string }) => b.text.includes("/reload"));
    expect(button).toBeDefined();
    hh.server.clear();
    await hh.server.pushUpdate(callbackUpdate(button.callback_data, message, { id: admin }));
    const [privately] = await hh.server.waitFor("sendMessage", { where: (c) => c.params.chat_id === admin });
    expect(parseTelegramHtml(privately?.params.text)).toMatch(/nạp lại|reloaded/i);
    // The group gets at most a pointer, never the admin answer edited into its message.
    await hh.server.waitFor("sendMessage", { where: (c) => c.params.chat_id === group });
    expect(hh.server.calls("editMessageText")).toHaveLength(0);
  });
});

describe("page buttons on several processes", () => {
  it("a page token kept in the store works on another process (a webhook replica, or after a restart)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "huunghi-pages-"));
    const url = `sqlite://${join(dir, "bot.sqlite")}`;
    const storeA = await openStore(url);
    const storeB = await openStore(url);
    const server = await startTelegramServer();
    try {
      const first = await startHarness({ server, extraCommands: [longPages], pages: new PageTokens(100, storeA) });
      const chatId = 509;
      await server.pushUpdate(messageUpdate("/longpages", { chatId, from: { id: chatId } }));
      const parts = await server.waitFor("sendMessage", { where: (c) => c.params.chat_id === chatId, count: 2 });
      const message = parts.find((c) => c.params.reply_markup)?.result;
      const next = message.reply_markup.inline_keyboard[0].find((b: { text: string }) => b.text.includes("›"));
      await first.adapter.stop(); // this process is gone; another one, same store, takes the press
      h = await startHarness({ server, extraCommands: [longPages], pages: new PageTokens(100, storeB) });
      server.clear();
      await server.pushUpdate(callbackUpdate(next.callback_data, message, { id: chatId }));
      const [edited] = await server.waitFor("editMessageText");
      expect(parseTelegramHtml(edited?.params.text)).toContain("Trang 2");
    } finally {
      await h?.close();
      h = undefined;
      await server.close();
      await storeA.close();
      await storeB.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("cutting text", () => {
  it("an echoed argument cut at an emoji never splits its surrogate pair (Telegram refuses such text)", async () => {
    const hh = await harness();
    // echo() keeps 60 characters: the 60th and 61st UTF-16 units are the two halves of 😀.
    const [answer] = await askIn(hh, `/province ${"x".repeat(59)}😀😀 tỉnh`, 507);
    expect(answer?.status).toBe(200);
    expect(parseTelegramHtml(answer?.params.text)).toMatch(/Không tìm thấy tỉnh|No province/);
    expect(hh.server.attempts.filter((c) => c.method === "sendMessage" && c.status !== 200)).toEqual([]);
  });
});
