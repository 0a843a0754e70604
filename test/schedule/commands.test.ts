// /subscribe, /unsubscribe, /settings, /digest and /lang through the real dispatch, over a SQLite store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Core, createCore } from "../../src/app";
import type { Caller } from "../../src/core/command";
import type { Lang } from "../../src/core/i18n";
import type { Reply } from "../../src/core/reply";
import type { StateStore } from "../../src/core/services";
import { type TempStore, tempSqlite } from "./helpers";

let core: Core;
let bare: Core;
let temp: TempStore;
let store: StateStore;

beforeAll(async () => {
  temp = await tempSqlite();
  store = await temp.open();
  core = await createCore({ today: "2027-07-15", services: { store, digestZone: "Asia/Vientiane" } });
  bare = await createCore({ today: "2027-07-15" });
});
afterAll(async () => {
  await store.close();
  await temp.remove();
});

function caller(chatId: string, overrides: Partial<Caller> = {}): Caller {
  return {
    userId: "telegram:7",
    chatId,
    platform: "telegram",
    isChatAdmin: true,
    chatKind: chatId.startsWith("telegram:-") ? "group" : "private",
    ...overrides,
  };
}

function run(text: string, who: Caller, lang: Lang = "vi", on: Core = core): Promise<Reply> {
  const [command = "", ...rest] = text.replace(/^\//, "").split(" ");
  return on.handle({ command, text: rest.join(" "), lang, caller: who });
}

const textOf = (r: Reply): string =>
  [
    r.title,
    ...r.blocks.flatMap((b) =>
      b.kind === "fields"
        ? b.fields.map((f) => `${f.name}: ${f.value}`)
        : b.kind === "list"
          ? b.items.map((i) => i.text)
          : b.kind === "text"
            ? [b.line.text]
            : [b.text],
    ),
  ].join("\n");

describe("subscription commands", () => {
  it("subscribes a private chat with the defaults, in the caller's language and the configured zone", async () => {
    const reply = await run("/subscribe", caller("telegram:501"));
    expect(reply.error).toBeUndefined();
    expect(textOf(reply)).toMatch(/Đã đăng ký nhận bản tin[\s\S]*Giờ gửi: 08:00 \(Asia\/Vientiane\)[\s\S]*hằng ngày/);
    expect(await store.getSubscription("telegram:501")).toMatchObject({
      chatId: "telegram:501",
      platform: "telegram",
      time: "08:00",
      cadence: "daily",
      lang: "vi",
      zone: "Asia/Vientiane",
      createdBy: "telegram:7",
    });
  });

  it("takes time, cadence, language, weekday and zone, and changes only what is given later", async () => {
    const chat = caller("telegram:502");
    const reply = await run("/subscribe 7:30 weekly en fri Europe/Paris", chat, "en");
    expect(textOf(reply)).toMatch(
      /Time: 07:30 \(Europe\/Paris\)[\s\S]*weekly, on Friday[\s\S]*Digest language: English/,
    );
    await run("/subscribe 09:15", chat, "en");
    const sub = await store.getSubscription("telegram:502");
    expect(sub).toMatchObject({ time: "09:15", cadence: "weekly", weekday: 5, lang: "en", zone: "Europe/Paris" });
    expect(sub?.updatedAt).toBeDefined();
    await run("/subscribe daily", chat, "en");
    expect(await store.getSubscription("telegram:502")).toMatchObject({ cadence: "daily", time: "09:15" });
  });

  it("refuses a non-admin in a group, with a clear reply and an audit entry, and stores nothing", async () => {
    const group = caller("telegram:-100900", { isChatAdmin: false, userId: "telegram:8" });
    const reply = await run("/subscribe 08:00", group);
    expect(reply.error?.code).toBe("not-chat-admin");
    expect(textOf(reply)).toMatch(/Chỉ quản trị viên mới thay đổi được đăng ký bản tin của nhóm này/);
    expect(await store.getSubscription("telegram:-100900")).toBeUndefined();
    expect((await store.listAudit(1))[0]).toMatchObject({
      who: "telegram:8",
      what: "/subscribe 08:00",
      result: "refused",
      detail: "not a chat administrator",
    });
    const discord = caller("discord:1:2", {
      platform: "discord",
      isChatAdmin: false,
      chatKind: "group",
      adminRight: "manageChannels",
    });
    expect(textOf(await run("/subscribe", discord, "en"))).toMatch(/Manage Channels/);
    // An administrator may.
    const ok = await run("/subscribe 08:00", { ...group, isChatAdmin: true });
    expect(ok.error).toBeUndefined();
    expect(await store.getSubscription("telegram:-100900")).toBeDefined();
    // And a non-admin cannot unsubscribe it either.
    expect((await run("/unsubscribe", group)).error?.code).toBe("not-chat-admin");
    expect(await store.getSubscription("telegram:-100900")).toBeDefined();
  });

  it("rejects a word that is neither a time, cadence, language nor time zone", async () => {
    const reply = await run("/subscribe tomorrow", caller("telegram:503"), "en");
    expect(reply.error?.code).toBe("bad-zone");
    expect(textOf(reply)).toMatch(/“tomorrow” is not a time/);
    expect((await run("/subscribe 25:00", caller("telegram:503"), "en")).error).toBeDefined();
    expect(await store.getSubscription("telegram:503")).toBeUndefined();
  });

  it("unsubscribes, and says so when there was nothing to stop", async () => {
    await run("/subscribe", caller("telegram:504"));
    expect(textOf(await run("/unsubscribe", caller("telegram:504"), "en"))).toMatch(/Unsubscribed/);
    expect(await store.getSubscription("telegram:504")).toBeUndefined();
    expect(textOf(await run("/unsubscribe", caller("telegram:504"), "en"))).toMatch(/not subscribed/);
  });

  it("/settings shows the subscription and the caller's language", async () => {
    expect(textOf(await run("/settings", caller("telegram:505"), "en"))).toMatch(/Not subscribed[\s\S]*Not set/);
    await run("/subscribe 06:45 en", caller("telegram:505"));
    await run("/lang en", caller("telegram:505", { userId: "telegram:505" }));
    const text = textOf(await run("/settings", caller("telegram:505", { userId: "telegram:505" }), "en"));
    expect(text).toMatch(/Time: 06:45[\s\S]*Digest language: English[\s\S]*Next digest: \d\d\/\d\d\/\d{4} 06:45/);
    expect(text).toMatch(/Your language\nEnglish/);
  });

  it("/lang stores the per-user preference", async () => {
    const me = caller("telegram:506", { userId: "telegram:506" });
    expect(textOf(await run("/lang", me, "en"))).toMatch(/Not set/);
    expect((await run("/lang en", me)).title).toBe("Language set to English");
    expect(await store.getUserLang("telegram:506")).toBe("en");
    expect((await run("/lang vi", me, "en")).title).toBe("Đã chọn tiếng Việt");
    expect(await store.getUserLang("telegram:506")).toBe("vi");
    expect((await run("/lang fr", me, "en")).error?.code).toBe("bad-argument");
  });

  it("/digest previews today's digest in the chat's language and records no delivery", async () => {
    const reply = await run("/digest", caller("telegram:507"), "en");
    expect(reply.title).toBe("Hữu Nghị briefing — 15/07/2027");
    expect(textOf(reply)).toMatch(/18\/07\/2027 — 50th anniversary/);
    expect(reply.citations.length).toBeGreaterThan(0);
    expect(await store.getDelivery("digest:telegram:507:2027-07-15")).toBeUndefined();
    await run("/subscribe vi", caller("telegram:507"));
    expect((await run("/digest", caller("telegram:507"), "en")).title).toBe("Bản tin Hữu Nghị — 15/07/2027");
  });

  it("without a store, subscription commands refuse clearly and /digest still previews", async () => {
    for (const text of ["/subscribe", "/unsubscribe", "/settings", "/lang en"]) {
      const reply = await run(text, caller("telegram:508"), "en", bare);
      expect(reply.error?.code).toBe("no-store");
      expect(textOf(reply)).toMatch(/without a state store/);
    }
    expect((await run("/digest", caller("telegram:508"), "en", bare)).title).toBe("Hữu Nghị briefing — 15/07/2027");
  });
});
