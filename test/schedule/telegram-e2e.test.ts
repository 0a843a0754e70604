// End to end over the real grammY bot (long polling) and the local Bot API server: who may subscribe a group,
// /lang kept per user, and the subscribed group receiving its digest at 08:00 local time through the adapter.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Core, createCore } from "../../src/app";
import type { StateStore } from "../../src/core/services";
import {
  createTelegramAdapter,
  type TelegramAdapter,
  telegramAdapterOptions,
} from "../../src/platforms/telegram/adapter";
import { createScheduler } from "../../src/schedule/scheduler";
import {
  messageUpdate,
  parseTelegramHtml,
  type RecordedCall,
  startTelegramServer,
  type TelegramServer,
} from "../support/telegram-server";
import { at, type TempStore, tempSqlite } from "./helpers";

let server: TelegramServer;
let adapter: TelegramAdapter;
let core: Core;
let temp: TempStore;
let store: StateStore;

beforeAll(async () => {
  server = await startTelegramServer();
  temp = await tempSqlite();
  store = await temp.open();
  core = await createCore({ today: "2027-07-15", services: { store } });
  adapter = createTelegramAdapter(
    // The options production runs with; a short poll only so that stopping is quick.
    { ...telegramAdapterOptions({ token: server.token, apiRoot: server.apiRoot }), pollingTimeoutSeconds: 1 },
    {
      commands: core.commands,
      handle: core.handle,
      corpus: () => core.holder.get(),
      pages: core.pages,
      logger: pino({ level: "silent" }),
      userLang: (userId) => store.getUserLang(userId),
    },
  );
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await store?.close();
  await temp?.remove();
  await server?.close();
});

const inChat = (chatId: number) => (c: RecordedCall) => c.params.chat_id === chatId;

async function say(text: string, chatId: number, userId: number, count = 1): Promise<string> {
  const before = server.calls("sendMessage").filter(inChat(chatId)).length;
  await server.pushUpdate(messageUpdate(text, { chatId, from: { id: userId } }));
  const calls = await server.waitFor("sendMessage", { where: inChat(chatId), count: before + count });
  return calls
    .slice(before)
    .map((c) => parseTelegramHtml(c.params.text))
    .join("\n");
}

describe("subscriptions over Telegram", () => {
  it("a non-admin in a group cannot subscribe it; an administrator can, and the group gets its digest at 08:00", async () => {
    const group = -100_777;
    server.setChatMember(group, 51, "member");
    server.setChatMember(group, 52, "administrator");

    const refused = await say("/subscribe 08:00", group, 51);
    expect(refused).toMatch(/Chỉ quản trị viên mới thay đổi được đăng ký bản tin của nhóm này/);
    expect(await store.getSubscription(`telegram:${group}`)).toBeUndefined();
    expect(server.calls("getChatMember").some((c) => c.params.chat_id === group && c.params.user_id === 51)).toBe(true);

    const accepted = await say("/subscribe 08:00 en", group, 52);
    expect(accepted).toMatch(/Đã đăng ký nhận bản tin/);
    expect(await store.getSubscription(`telegram:${group}`)).toMatchObject({ time: "08:00", lang: "en" });

    const scheduler = createScheduler({
      store,
      corpus: () => core.holder.get(),
      senders: { telegram: (chatId, reply) => adapter.send(chatId, reply) },
    });
    const before = server.calls("sendMessage").filter(inChat(group)).length;
    await scheduler.tick(at("2027-07-15 07:59"));
    expect(server.calls("sendMessage").filter(inChat(group))).toHaveLength(before);
    const report = await scheduler.tick(at("2027-07-15 08:00"));
    expect(report.sent).toEqual([`telegram:${group}`].map((c) => `digest:${c}:2027-07-15`));
    const posted = server.calls("sendMessage").filter(inChat(group)).slice(before);
    expect(posted).toHaveLength(1);
    expect(parseTelegramHtml(posted[0]?.params.text)).toMatch(
      /^Hữu Nghị briefing — 15\/07\/2027[\s\S]*50th anniversary/,
    );
    await scheduler.tick(at("2027-07-15 08:01"));
    expect(server.calls("sendMessage").filter(inChat(group)).slice(before)).toHaveLength(1);
  });

  it("/lang en makes the bot answer that user in English from then on", async () => {
    const me = 61;
    expect(await say("/settings", me, me)).toMatch(/Cài đặt/);
    expect(await say("/lang en", me, me)).toMatch(/Language set to English/);
    expect(await say("/settings", me, me)).toMatch(/Settings[\s\S]*Your language[\s\S]*English/);
  });

  it("a chat that blocked the bot is unsubscribed when its digest is due", async () => {
    const chat = 62;
    await say("/subscribe 08:00", chat, chat);
    server.failNext("sendMessage", {
      status: 403,
      description: "Forbidden: bot was blocked by the user",
      chat_id: chat,
    });
    const scheduler = createScheduler({
      store,
      corpus: () => core.holder.get(),
      senders: { telegram: (chatId, reply) => adapter.send(chatId, reply) },
    });
    const report = await scheduler.tick(at("2027-07-16 08:00"));
    expect(report.gone).toEqual([`digest:telegram:${chat}:2027-07-16`]);
    expect(await store.getSubscription(`telegram:${chat}`)).toBeUndefined();
  });
});
