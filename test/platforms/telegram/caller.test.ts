import { describe, expect, it } from "vitest";
import { chatIdOf, isTelegramGroup, telegramTarget } from "../../../src/platforms/telegram/caller";

describe("Telegram chat ids", () => {
  it("encodes a chat and a forum topic, and reads only its own ids back", () => {
    expect(chatIdOf(-1001234)).toBe("telegram:-1001234");
    expect(chatIdOf(-1001234, 45)).toBe("telegram:-1001234:45");
    expect(telegramTarget("telegram:-1001234")).toEqual({ chat: -1001234 });
    expect(telegramTarget("telegram:-1001234:45")).toEqual({ chat: -1001234, thread: 45 });
    for (const other of ["discord:1:2", "telegram:", "telegram:x", "telegram:1:2:3", "telegram:1:-2"]) {
      expect(telegramTarget(other)).toBeUndefined();
    }
  });

  it("knows group chats (negative ids) from private ones", () => {
    expect(isTelegramGroup("telegram:-1001234")).toBe(true);
    expect(isTelegramGroup("telegram:-1001234:45")).toBe(true);
    expect(isTelegramGroup("telegram:1234")).toBe(false);
    expect(isTelegramGroup("discord:1:2")).toBe(false);
  });
});
