// "Today" in the bot's time zone (Vietnam by default), as an ISO date.
import { DateTime } from "luxon";

export const DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

/** The day last worked out per zone, with the instants it starts and ends: every command asks for today. */
const days = new Map<string, { day: string; from: number; until: number }>();

export function todayIn(zone: string = DEFAULT_ZONE, now: Date = new Date()): string {
  const at = now.getTime();
  const known = days.get(zone);
  if (known && at >= known.from && at < known.until) return known.day;
  const d = DateTime.fromJSDate(now, { zone });
  if (!d.isValid) throw new Error(`invalid time zone "${zone}"`);
  const day = d.toISODate() ?? "";
  const start = d.startOf("day");
  days.set(zone, { day, from: start.toMillis(), until: start.plus({ days: 1 }).toMillis() });
  return day;
}
