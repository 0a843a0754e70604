import { PassThrough } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { PageTokens } from "../../src/core/paging";
import type { Reply } from "../../src/core/reply";
import type { PlatformAdapter } from "../../src/platforms/adapter";
import { createConsoleAdapter } from "../../src/platforms/console/console";
import { createDiscordAdapter } from "../../src/platforms/discord/adapter";
import { PlatformRegistry } from "../../src/platforms/registry";
import { createTelegramAdapter } from "../../src/platforms/telegram/adapter";

function adapter(name: string, sent: string[] = []): PlatformAdapter {
  return {
    name,
    isGroupChat: (chatId) => chatId.endsWith(":group"),
    digestLimits: { perSecond: 7, perChatMs: 3 },
    start: async () => {},
    stop: async () => {},
    connected: () => true,
    send: async (chatId) => {
      sent.push(chatId);
    },
  };
}

const reply: Reply = { lang: "vi", title: "t", blocks: [], citations: [] };

describe("the platform registry", () => {
  it("routes a platform's digests to it under its name, with its limits, configured ones winning", async () => {
    const registry = new PlatformRegistry();
    const sent: string[] = [];
    registry.register(adapter("alpha", sent), { perSecond: 2 });
    await registry.senders.alpha?.("alpha:1", reply);
    expect(sent).toEqual(["alpha:1"]);
    const queue = registry.queues.alpha;
    expect(queue).toMatchObject({ perSecond: 2, perChatMs: 3 });
    expect(queue?.isGroup?.("alpha:x:group")).toBe(true);
    expect(queue?.isGroup?.("alpha:x")).toBe(false);
    expect(registry.status()).toEqual([{ name: "alpha", connected: true }]);
  });

  it("refuses two platforms under one name", () => {
    const registry = new PlatformRegistry();
    registry.register(adapter("alpha"));
    expect(() => registry.register(adapter("alpha"))).toThrow(/two platforms named "alpha"/);
    expect(registry.adapters).toHaveLength(1);
  });
});

describe("the shipped platforms, registered", () => {
  it("each give their digest queue its group rule and limits (what PLATFORM_LIMITS and defaultIsGroup were)", () => {
    const deps = {
      commands: [],
      handle: () => Promise.reject(new Error("not asked")),
      corpus: () => {
        throw new Error("not read");
      },
      pages: new PageTokens(),
      logger: pino({ level: "silent" }),
    };
    const registry = new PlatformRegistry();
    registry.register(createTelegramAdapter({ token: "1:x" }, deps), { perSecond: 25 });
    registry.register(createDiscordAdapter({ token: "x", applicationId: "1" }, deps));
    registry.register(createConsoleAdapter({ input: new PassThrough(), output: new PassThrough() }, deps));
    expect(registry.adapters.map((a) => a.name)).toEqual(["telegram", "discord", "console"]);
    const { telegram, discord, console } = registry.queues;
    // Telegram: the queue's defaults (its own limits) and DIGEST_RATE_* over them; groups have negative ids.
    expect(telegram).toMatchObject({ perSecond: 25 });
    expect(telegram?.isGroup?.("telegram:-1001234")).toBe(true);
    expect(telegram?.isGroup?.("telegram:-1001234:45")).toBe(true);
    expect(telegram?.isGroup?.("telegram:1234")).toBe(false);
    // Discord: every chat is a channel, at Discord's own pace.
    expect(discord).toMatchObject({ perSecond: 40, perChatMs: 1_000, perGroupPerMinute: 60 });
    expect(discord?.isGroup?.("discord:1:2")).toBe(true);
    expect(discord?.isGroup?.("discord:dm:2")).toBe(true);
    // The console prints: private, unpaced.
    expect(console).toMatchObject({ perSecond: 100, perChatMs: 0, perGroupPerMinute: 6_000 });
    expect(console?.isGroup?.("console:local")).toBe(false);
  });
});
