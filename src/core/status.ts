// An agreement's status relative to a day: in force, expired (and when), or not yet in force.
import type { Agreement, FactDate } from "./model";

export type AgreementStatus =
  | { state: "in-force"; endsOn: string; period: { from: number; to: number } }
  | { state: "expired"; endedOn: string; period: { from: number; to: number } }
  | { state: "not-yet"; startsOn: string }
  | { state: "no-period" };

/**
 * The sources give periods in years ("giai đoạn 2022 – 2024"): a document is taken to run from its signing (or
 * 1 January of the first year, if signed earlier or on an unknown day) to 31 December of the last year.
 * That end day is derived, and replies say so.
 */
export function agreementStatus(a: Agreement, today: string): AgreementStatus {
  if (!a.period) return { state: "no-period" };
  const periodStart = `${a.period.from}-01-01`;
  const signed = a.signed.precision === "day" ? a.signed.value : undefined;
  const startsOn = signed && signed > periodStart ? signed : periodStart;
  const endsOn = `${a.period.to}-12-31`;
  if (today < startsOn) return { state: "not-yet", startsOn };
  if (today > endsOn) return { state: "expired", endedOn: endsOn, period: a.period };
  return { state: "in-force", endsOn, period: a.period };
}

/** Whether the agreement covers any day of the given year. */
export function inForceDuring(a: Agreement, year: number): boolean {
  return a.period !== undefined && a.period.from <= year && year <= a.period.to;
}

/** The year a fact date falls in, if known. */
export function yearOf(date: FactDate): number | undefined {
  return date.value ? Number(date.value.slice(0, 4)) : undefined;
}
