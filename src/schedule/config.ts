// Digest settings from the environment (DIGEST_ZONE and DIGEST_ENABLED are read by src/config.ts).
//   DIGEST_CATCH_UP          same-day (default) | minutes: how late a digest missed while down may still go out
//   DIGEST_LEASE_SECONDS     600: how long a claim protects a send before another process may take it over
//   DIGEST_RATE_PER_SECOND   30: messages per second over all chats
//   DIGEST_CHAT_INTERVAL_MS  1000: least time between two messages to one chat
//   DIGEST_GROUP_PER_MINUTE  20: messages per minute to one group or channel
//   DIGEST_MAX_ATTEMPTS      5: attempts per message (429 / 5xx / network errors)
//   DIGEST_POST_EMPTY        false: post a short "nothing today" note instead of nothing
//   DIGEST_DAYS 7, DIGEST_MILESTONE_DAYS 30, DIGEST_ENDING_DAYS 30, DIGEST_ENDED_DAYS 365: digest windows
import { DIGEST_DEFAULTS } from "../core/digest";
import { parseBoolean } from "../env-boolean";
import type { CatchUp } from "./period";
import { DEFAULT_RETRY, TELEGRAM_LIMITS } from "./queue";
import { DEFAULT_LEASE_MS, type SchedulerOptions } from "./scheduler";

export type DigestSettings = Required<Pick<SchedulerOptions, "catchUp" | "leaseMs" | "postEmpty" | "digest">> & {
  queue: { perSecond: number; perChatMs: number; perGroupPerMinute: number; maxAttempts: number };
};

export type DigestSettingsResult = { ok: true; settings: DigestSettings } | { ok: false; errors: string[] };

export function digestSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): DigestSettingsResult {
  const errors: string[] = [];
  const number = (name: string, fallback: number, min: number, integer = true): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
      errors.push(`${name} must be ${integer ? "a whole number" : "a number"} ≥ ${min}, not "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") return fallback;
    const value = parseBoolean(raw);
    if (value !== undefined) return value;
    errors.push(`${name} must be true or false, not "${env[name]}"`);
    return fallback;
  };
  let catchUp: CatchUp = "same-day";
  const rawCatchUp = env.DIGEST_CATCH_UP?.trim();
  if (rawCatchUp && rawCatchUp !== "same-day") {
    const minutes = Number(rawCatchUp);
    if (Number.isInteger(minutes) && minutes >= 0) catchUp = { minutes };
    else errors.push(`DIGEST_CATCH_UP must be "same-day" or a number of minutes, not "${rawCatchUp}"`);
  }
  const settings: DigestSettings = {
    catchUp,
    leaseMs: number("DIGEST_LEASE_SECONDS", DEFAULT_LEASE_MS / 1000, 10) * 1000,
    postEmpty: bool("DIGEST_POST_EMPTY", false),
    digest: {
      days: number("DIGEST_DAYS", DIGEST_DEFAULTS.days, 0),
      milestoneDays: number("DIGEST_MILESTONE_DAYS", DIGEST_DEFAULTS.milestoneDays, 0),
      endingDays: number("DIGEST_ENDING_DAYS", DIGEST_DEFAULTS.endingDays, 0),
      endedDays: number("DIGEST_ENDED_DAYS", DIGEST_DEFAULTS.endedDays, 0),
    },
    queue: {
      perSecond: number("DIGEST_RATE_PER_SECOND", TELEGRAM_LIMITS.perSecond, 0.1, false),
      perChatMs: number("DIGEST_CHAT_INTERVAL_MS", TELEGRAM_LIMITS.perChatMs, 0),
      perGroupPerMinute: number("DIGEST_GROUP_PER_MINUTE", TELEGRAM_LIMITS.perGroupPerMinute, 1),
      maxAttempts: number("DIGEST_MAX_ATTEMPTS", DEFAULT_RETRY.maxAttempts, 1),
    },
  };
  return errors.length ? { ok: false, errors } : { ok: true, settings };
}
