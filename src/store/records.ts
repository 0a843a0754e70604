// Shapes of what the store holds, checked on every read: a corrupt record is an error with its key, not a
// half-read object that would make a subscriber vanish or a digest go out twice.
import { IANAZone } from "luxon";
import { z } from "zod";
import type { AuditEntry, Subscription } from "../core/services";

export const subscriptionSchema = z
  .object({
    chatId: z.string().min(1),
    // A platform's name prefixes its ids (src/platforms/shared/ids.ts): the subscription belongs to its chat's.
    platform: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    cadence: z.enum(["daily", "weekly"]),
    weekday: z.number().int().min(1).max(7).optional(),
    lang: z.enum(["vi", "en"]),
    zone: z.string().refine((zone) => IANAZone.isValidZone(zone), "not an IANA time zone"),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string().optional(),
  })
  .strip();

export const auditSchema = z
  .object({
    at: z.string(),
    who: z.string(),
    where: z.string(),
    what: z.string(),
    result: z.enum(["ok", "refused", "failed"]),
    detail: z.string().optional(),
  })
  .strip();

export class CorruptRecordError extends Error {
  constructor(
    readonly key: string,
    detail: string,
  ) {
    super(`corrupt record at ${key}: ${detail}`);
    this.name = "CorruptRecordError";
  }
}

function check<T>(schema: z.ZodType<T>, key: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new CorruptRecordError(key, result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  return result.data;
}

export function readSubscription(key: string, value: unknown): Subscription {
  return check(subscriptionSchema, key, value) as Subscription;
}

export function readAudit(key: string, value: unknown): AuditEntry {
  return check(auditSchema, key, value) as AuditEntry;
}
