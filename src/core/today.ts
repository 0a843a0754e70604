// "Today" in the bot's time zone (Vietnam by default), as an ISO date.
import { DateTime } from "luxon";

export const DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

export function todayIn(zone: string = DEFAULT_ZONE, now: Date = new Date()): string {
  const d = DateTime.fromJSDate(now, { zone });
  if (!d.isValid) throw new Error(`invalid time zone "${zone}"`);
  return d.toISODate() ?? "";
}
