import pino from "pino";
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index";
import { findCommand } from "../../../src/core/dispatch";
import { type Asker, callerOf, langOf } from "../../../src/platforms/shared/asker";

const logger = pino({ level: "silent" });

function asker(overrides: Partial<Asker> = {}): Asker & { asked: number } {
  const a = {
    platform: "matrix",
    userId: "matrix:ana",
    chatId: "matrix:room1",
    chatKind: "group" as const,
    clientLang: "en" as const,
    asked: 0,
    async isChatAdmin() {
      a.asked++;
      return true;
    },
    ...overrides,
  };
  return a;
}

describe("the caller's language", () => {
  it("puts a stored /lang choice first, and falls back to the client's when the store fails", async () => {
    const warned: unknown[] = [];
    const log = { ...logger, warn: (o: unknown) => warned.push(o) } as unknown as typeof logger;
    expect(await langOf(asker(), { logger: log, userLang: async () => "vi" })).toBe("vi");
    expect(await langOf(asker({ clientLang: "vi" }), { logger: log, userLang: async () => undefined })).toBe("vi");
    const down = async (): Promise<undefined> => {
      throw new Error("store down");
    };
    expect(await langOf(asker(), { logger: log, userLang: down })).toBe("en");
    expect(warned).toHaveLength(1);
  });

  it("does not look a chat speaking as itself up (no user)", async () => {
    const { userId: _none, ...channel } = asker();
    let looked = 0;
    const userLang = async () => {
      looked++;
      return "vi" as const;
    };
    expect(await langOf(channel, { logger, userLang })).toBe("en");
    expect(looked).toBe(0);
  });
});

describe("the caller", () => {
  it("asks the platform whether the user administers the chat only for commands that depend on it", async () => {
    const member = asker({ isChatAdmin: async () => false });
    const a = asker();
    const subscribe = await callerOf(a, findCommand(commands, "subscribe"));
    expect(subscribe).toEqual({
      userId: "matrix:ana",
      chatId: "matrix:room1",
      platform: "matrix",
      isChatAdmin: true,
      chatKind: "group",
    });
    expect(a.asked).toBe(1);
    expect((await callerOf(member, findCommand(commands, "subscribe"))).isChatAdmin).toBe(false);
    // Reading commands never ask: a group member is not its admin, a private chat is its own.
    expect((await callerOf(a, findCommand(commands, "province"))).isChatAdmin).toBe(false);
    expect((await callerOf(asker({ chatKind: "private" }), findCommand(commands, "province"))).isChatAdmin).toBe(true);
    expect(a.asked).toBe(1);
  });

  it("takes what the update already says (Discord's permissions) for every command", async () => {
    const manager = asker({ isChatAdmin: true });
    expect((await callerOf(manager, findCommand(commands, "province"))).isChatAdmin).toBe(true);
    expect((await callerOf(asker({ isChatAdmin: false }), findCommand(commands, "subscribe"))).isChatAdmin).toBe(false);
  });

  it("stands a chat that speaks as itself in for the user", async () => {
    const { userId: _none, ...channel } = asker({ chatKind: "channel" });
    const caller = await callerOf(channel, findCommand(commands, "province"));
    expect(caller.userId).toBe("matrix:room1");
    expect(caller.isChatAdmin).toBe(true);
  });
});
