// Which digest period a moment falls in, for one subscription, in the subscription's own time zone:
// daily → the local date ("2027-07-18"), weekly → the ISO week ("2027-W29"). The delivery key
// "digest:<chatId>:<period>" is what the store claims, so one chat gets one digest per period.
import { DateTime, type WeekdayNumbers } from "luxon";
import type { Subscription } from "../core/services";

export interface Period {
  /** "2027-07-18" or "2027-W29". */
  id: string;
  /** The delivery key claimed in the store. */
  key: string;
  /** When this period's digest is due, in the subscription's zone. */
  due: DateTime;
  /** The local day the digest is for (YYYY-MM-DD). */
  day: string;
}

export function deliveryKey(chatId: string, periodId: string): string {
  return `digest:${chatId}:${periodId}`;
}

function hourMinute(time: string): { hour: number; minute: number } {
  const [h, m] = time.split(":");
  return { hour: Number(h), minute: Number(m) };
}

function local(at: Date, zone: string): DateTime {
  const d = DateTime.fromJSDate(at, { zone });
  if (!d.isValid) throw new Error(`invalid time zone "${zone}"`);
  return d;
}

/** The period containing `at` (local time), whether or not its due time has come. */
export function periodAt(sub: Subscription, at: Date): Period {
  const now = local(at, sub.zone);
  const { hour, minute } = hourMinute(sub.time);
  if (sub.cadence === "daily") {
    const due = now.set({ hour, minute, second: 0, millisecond: 0 });
    const id = now.toISODate() ?? "";
    return { id, key: deliveryKey(sub.chatId, id), due, day: id };
  }
  // Setting the weekday keeps the ISO week; a time skipped by a DST change moves forward, as luxon does.
  const due = now.set({ weekday: (sub.weekday ?? 1) as WeekdayNumbers, hour, minute, second: 0, millisecond: 0 });
  const id = `${now.weekYear}-W${String(now.weekNumber).padStart(2, "0")}`;
  return { id, key: deliveryKey(sub.chatId, id), due, day: due.toISODate() ?? "" };
}

/** The period before `period` (yesterday, or last week). */
export function previousPeriod(sub: Subscription, period: Period): Period {
  const back = period.due.minus(sub.cadence === "daily" ? { days: 1 } : { weeks: 1 });
  return periodAt(sub, back.toJSDate());
}

/** The period after `period`. */
export function nextPeriod(sub: Subscription, period: Period): Period {
  const ahead = period.due.plus(sub.cadence === "daily" ? { days: 1 } : { weeks: 1 });
  return periodAt(sub, ahead.toJSDate());
}

/** Since when the subscription, as it now stands, has been in place: earlier due times are not owed. */
export function inPlaceSince(sub: Subscription): number {
  return Date.parse(sub.updatedAt ?? sub.createdAt);
}

/** The first due time strictly after `at` (for /settings and /status). */
export function nextDue(sub: Subscription, at: Date): DateTime {
  const current = periodAt(sub, at);
  return current.due.toMillis() > at.getTime() ? current.due : nextPeriod(sub, current).due;
}

export type CatchUp = "same-day" | { minutes: number };

/** Whether a digest that fell due at `due` may still be posted at `at`. */
export function withinCatchUp(period: Period, at: Date, catchUp: CatchUp): boolean {
  if (at.getTime() < period.due.toMillis()) return false;
  if (catchUp === "same-day") return local(at, period.due.zoneName ?? "UTC").toISODate() === period.due.toISODate();
  return at.getTime() - period.due.toMillis() <= catchUp.minutes * 60_000;
}

/** When the catch-up window of a period closes (ms): the end of its local day, or `minutes` after it fell due. */
export function windowEnd(period: Period, catchUp: CatchUp): number {
  if (catchUp === "same-day") return period.due.startOf("day").plus({ days: 1 }).toMillis();
  return period.due.toMillis() + catchUp.minutes * 60_000;
}
