import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply";
import type { PlatformAdapter } from "../../src/platforms/adapter";
import { PlatformRegistry } from "../../src/platforms/registry";

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
