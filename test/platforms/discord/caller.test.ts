import { describe, expect, it } from "vitest";
import { channelOf, chatIdOf, langFromDiscordLocale } from "../../../src/platforms/discord/caller";

describe("reply language on Discord", () => {
  it("follows the Discord locale, English for other locales unless Vietnamese is preferred", () => {
    expect(langFromDiscordLocale("vi", false)).toBe("vi");
    expect(langFromDiscordLocale("en-US", true)).toBe("en");
    expect(langFromDiscordLocale("en-GB", false)).toBe("en");
    expect(langFromDiscordLocale("fr", false)).toBe("en");
    expect(langFromDiscordLocale("fr", true)).toBe("vi");
    expect(langFromDiscordLocale(undefined, true)).toBe("vi");
  });
});

describe("Discord chat ids", () => {
  it("encodes a server channel and a direct message, and reads only its own ids back", () => {
    expect(chatIdOf("111111111111111111", "222222222222222222")).toBe("discord:111111111111111111:222222222222222222");
    expect(chatIdOf(null, "333333333333333333")).toBe("discord:dm:333333333333333333");
    expect(channelOf("discord:111111111111111111:222222222222222222")).toBe("222222222222222222");
    expect(channelOf("discord:dm:333333333333333333")).toBe("333333333333333333");
    for (const other of ["telegram:-100:2", "discord:1", "discord:1:2:3", "discord:x:2", "discordx:1:2"]) {
      expect(channelOf(other)).toBeUndefined();
    }
  });
});
