// Upcoming anniversaries from a given "today": the ordinal, whether it is a round-number milestone,
// and the next round milestone after it. Dates are calendar dates; Feb 29 falls on Feb 28 in other years.
// The arithmetic is on whole days since 1970 (Date.UTC gives them as plain numbers): a few numbers per
// anniversary on every /anniversaries and digest, where date objects per anniversary were most of the work.
import type { Corpus } from "./corpus";
import type { AnniversaryHit } from "./corpus-index";
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

const DAY_MS = 86_400_000;
/** Days in 400 Gregorian years: shifting a year by 400 keeps every date's weekday and leap day. */
const DAYS_IN_400_YEARS = 146_097;

/** The Gregorian leap year rule (the one copy: the day index and the bench read it from here). */
export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01 (Date.UTC reads years 0–99 as 1900–1999, so those are shifted by 400 years). */
function epochDay(year: number, month: number, day: number): number {
  return year < 100
    ? Date.UTC(year + 400, month - 1, day) / DAY_MS - DAYS_IN_400_YEARS
    : Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The number written at `from`..`to` of a YYYY-MM-DD date (validated upstream). */
function digits(iso: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + iso.charCodeAt(i) - 48;
  return n;
}

/** The day of the month the anniversary falls on in `year`: 29 February is kept on the 28th in other years. */
function dayIn(year: number, month: number, day: number): number {
  return month === 2 && day === 29 && !isLeap(year) ? 28 : day;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${two(month)}-${two(day)}`;
}

/** The anniversary's occurrence on or after `today`. */
export function nextOccurrence(a: Anniversary, today: string): UpcomingAnniversary {
  const month = digits(a.date, 5, 7);
  const day = digits(a.date, 8, 10);
  const now = epochDay(digits(today, 0, 4), digits(today, 5, 7), digits(today, 8, 10));
  let year = digits(today, 0, 4);
  if (epochDay(year, month, dayIn(year, month, day)) < now) year++;
  return occurrence(a, year - digits(a.date, 0, 4), epochDay(year, month, dayIn(year, month, day)) - now);
}

/** The occurrence a day-index hit stands for: its ordinal and distance are the hit's, not worked out again. */
export function occurrenceOf(hit: AnniversaryHit): UpcomingAnniversary {
  return occurrence(hit.anniversary, hit.years, hit.daysAway);
}

/** The occurrence that is the `years`th, `daysAway` days from today. */
function occurrence(a: Anniversary, years: number, daysAway: number): UpcomingAnniversary {
  const born = digits(a.date, 0, 4);
  const month = digits(a.date, 5, 7);
  const day = digits(a.date, 8, 10);
  const year = born + years;
  const nextRoundYears = (Math.floor(years / ROUND_EVERY) + 1) * ROUND_EVERY;
  const roundYear = born + nextRoundYears;
  return {
    anniversary: a,
    date: isoDay(year, month, dayIn(year, month, day)),
    years,
    round: isRound(years),
    daysAway,
    nextRound: { years: nextRoundYears, date: isoDay(roundYear, month, dayIn(roundYear, month, day)) },
  };
}

/** Anniversaries falling within `days` days from today (today included), soonest first. Read from the day index. */
export function upcomingAnniversaries(corpus: Corpus, today: string, days: number): UpcomingAnniversary[] {
  return corpus.index.anniversariesWithin(today, days).map(occurrenceOf);
}

/** The next anniversary on or after today, however far. */
export function nextAnniversary(corpus: Corpus, today: string): UpcomingAnniversary | undefined {
  const [first] = corpus.index.anniversariesWithin(today, 366);
  return first ? occurrenceOf(first) : undefined;
}
