// How a digest subscription reads, for /subscribe and /settings: weekdays typed by users, and its fields.
import { DateTime } from "luxon";
import { type Lang, words } from "./i18n";
import type { Subscription } from "./services";

/** The weekday words /subscribe accepts, English and Vietnamese (t2 … t7, cn), to ISO weekdays. */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
  t2: 1,
  t3: 2,
  t4: 3,
  t5: 4,
  t6: 5,
  t7: 6,
  cn: 7,
};

export function cadenceText(sub: Subscription, lang: Lang): string {
  const w = words(lang);
  return sub.cadence === "daily" ? w.daily : w.weeklyOn(w.weekday[sub.weekday ?? 1] ?? "");
}

/** The fields /subscribe and /settings show; `next` is when the next digest is due (the schedule knows). */
export function subscriptionFields(sub: Subscription, lang: Lang, next: Date): { name: string; value: string }[] {
  const w = words(lang);
  return [
    { name: w.subscriptionField.time, value: `${sub.time} (${sub.zone})` },
    { name: w.subscriptionField.cadence, value: cadenceText(sub, lang) },
    { name: w.subscriptionField.lang, value: w.langName[sub.lang] },
    {
      name: w.subscriptionField.next,
      value: DateTime.fromJSDate(next, { zone: sub.zone }).toFormat("dd/MM/yyyy HH:mm"),
    },
  ];
}

/** Whether a zone name is one luxon (and so the scheduler) understands. */
export function isZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
