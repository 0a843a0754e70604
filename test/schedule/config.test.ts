import { describe, expect, it } from "vitest";
import { digestSettingsFromEnv } from "../../src/schedule/config";

describe("digest settings from the environment", () => {
  it("has Telegram's limits and a same-day catch-up by default", () => {
    const result = digestSettingsFromEnv({});
    expect(result).toEqual({
      ok: true,
      settings: {
        catchUp: "same-day",
        leaseMs: 600_000,
        postEmpty: false,
        digest: { days: 7, milestoneDays: 30, endingDays: 30, endedDays: 365 },
        queue: { perSecond: 30, perChatMs: 1000, perGroupPerMinute: 20, maxAttempts: 5 },
      },
    });
  });

  it("reads every variable", () => {
    const result = digestSettingsFromEnv({
      DIGEST_CATCH_UP: "90",
      DIGEST_LEASE_SECONDS: "120",
      DIGEST_POST_EMPTY: "yes",
      DIGEST_DAYS: "14",
      DIGEST_MILESTONE_DAYS: "60",
      DIGEST_ENDING_DAYS: "10",
      DIGEST_ENDED_DAYS: "0",
      DIGEST_RATE_PER_SECOND: "25.5",
      DIGEST_CHAT_INTERVAL_MS: "1500",
      DIGEST_GROUP_PER_MINUTE: "10",
      DIGEST_MAX_ATTEMPTS: "3",
    });
    expect(result).toEqual({
      ok: true,
      settings: {
        catchUp: { minutes: 90 },
        leaseMs: 120_000,
        postEmpty: true,
        digest: { days: 14, milestoneDays: 60, endingDays: 10, endedDays: 0 },
        queue: { perSecond: 25.5, perChatMs: 1500, perGroupPerMinute: 10, maxAttempts: 3 },
      },
    });
  });

  it("lists every malformed value", () => {
    const result = digestSettingsFromEnv({
      DIGEST_CATCH_UP: "tomorrow",
      DIGEST_RATE_PER_SECOND: "0",
      DIGEST_POST_EMPTY: "maybe",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(3);
    for (const name of ["DIGEST_CATCH_UP", "DIGEST_RATE_PER_SECOND", "DIGEST_POST_EMPTY"]) {
      expect(result.errors.some((e) => e.startsWith(name))).toBe(true);
    }
  });
});
