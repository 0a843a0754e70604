// An agreement's status relative to a day: in force, expired (and when), or not yet in force.
import type { Agreement, FactDate } from "./model";

export type AgreementStatus =
  | { state: "in-force"; endsOn: string }
  | { state: "expired"; endedOn: string }
  | { state: "not-yet"; startsOn: string }
  | { state: "no-period" };

/** A period given in years runs from 1 January of the first to 31 December of the last. */
export function agreementStatus(a: Agreement, today: string): AgreementStatus {
  if (!a.period) return { state: "no-period" };
  const startsOn = `${a.period.from}-01-01`;
  const endsOn = `${a.period.to}-12-31`;
  if (today < startsOn) return { state: "not-yet", startsOn };
  if (today > endsOn) return { state: "expired", endedOn: endsOn };
  return { state: "in-force", endsOn };
}

/** Whether the agreement covers any day of the given year. */
export function inForceDuring(a: Agreement, year: number): boolean {
  return a.period !== undefined && a.period.from <= year && year <= a.period.to;
}

/** The year a fact date falls in, if known. */
export function yearOf(date: FactDate): number | undefined {
  return date.value ? Number(date.value.slice(0, 4)) : undefined;
}

/** Sort key that places unknown dates last and coarser dates before finer ones in the same period. */
export function dateKey(date: FactDate): string {
  return date.value ?? "9999";
}
