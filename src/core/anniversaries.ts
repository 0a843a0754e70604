// Upcoming anniversaries from a given "today": the ordinal, whether it is a round-number milestone,
// and the next round milestone after it. Dates are calendar dates; Feb 29 falls on Feb 28 in other years.
import { DateTime } from "luxon";
import type { Corpus } from "./corpus";
import type { Anniversary } from "./model";

/** Multiples of five are the milestones a Vietnam–Laos desk marks (50th, 55th, 60th, 65th…). */
export const ROUND_EVERY = 5;

export function isRound(years: number): boolean {
  return years > 0 && years % ROUND_EVERY === 0;
}

export interface UpcomingAnniversary {
  anniversary: Anniversary;
  /** The day it falls on (YYYY-MM-DD). */
  date: string;
  /** The ordinal: 50 for the 50th. */
  years: number;
  round: boolean;
  daysAway: number;
  /** The next round-number milestone strictly after `date`. */
  nextRound: { years: number; date: string };
}

function dayOf(isoDate: string): DateTime {
  return DateTime.fromISO(isoDate, { zone: "UTC" });
}

function occurrence(original: DateTime, year: number): DateTime {
  const d = DateTime.fromObject({ year, month: original.month, day: original.day }, { zone: "UTC" });
  return d.isValid ? d : DateTime.fromObject({ year, month: original.month, day: 28 }, { zone: "UTC" });
}

/** The anniversary's occurrence on or after `today`. */
export function nextOccurrence(a: Anniversary, today: string): UpcomingAnniversary {
  const original = dayOf(a.date);
  const now = dayOf(today);
  let when = occurrence(original, now.year);
  if (when < now) when = occurrence(original, now.year + 1);
  const years = when.year - original.year;
  const nextRoundYears = (Math.floor(years / ROUND_EVERY) + 1) * ROUND_EVERY;
  return {
    anniversary: a,
    date: when.toISODate() ?? "",
    years,
    round: isRound(years),
    daysAway: Math.round(when.diff(now, "days").days),
    nextRound: { years: nextRoundYears, date: occurrence(original, original.year + nextRoundYears).toISODate() ?? "" },
  };
}

/** Anniversaries falling within `days` days from today (today included), soonest first. Read from the day index. */
export function upcomingAnniversaries(corpus: Corpus, today: string, days: number): UpcomingAnniversary[] {
  return corpus.index.anniversariesWithin(today, days).map((hit) => nextOccurrence(hit.anniversary, today));
}

/** The next anniversary on or after today, however far. */
export function nextAnniversary(corpus: Corpus, today: string): UpcomingAnniversary | undefined {
  const [first] = corpus.index.anniversariesWithin(today, 366);
  return first ? nextOccurrence(first.anniversary, today) : undefined;
}
