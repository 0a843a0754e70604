import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isLeap, nextOccurrence, occurrenceOf } from "../../src/core/anniversaries";
import { CorpusIndex } from "../../src/core/corpus-index";
import type { Anniversary, CorpusData } from "../../src/core/model";

/** The calendar as luxon reads it (what nextOccurrence computed with before it counted whole days itself). */
function byLuxon(date: string, today: string) {
  const original = DateTime.fromISO(date, { zone: "UTC" });
  const now = DateTime.fromISO(today, { zone: "UTC" });
  const on = (year: number) => {
    const d = DateTime.fromObject({ year, month: original.month, day: original.day }, { zone: "UTC" });
    return d.isValid ? d : DateTime.fromObject({ year, month: original.month, day: 28 }, { zone: "UTC" });
  };
  let when = on(now.year);
  if (when < now) when = on(now.year + 1);
  const years = when.year - original.year;
  const nextRound = (Math.floor(years / 5) + 1) * 5;
  return {
    date: when.toISODate(),
    years,
    daysAway: Math.round(when.diff(now, "days").days),
    nextRound: { years: nextRound, date: on(original.year + nextRound).toISODate() },
  };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (from: string, to: string) =>
  fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map(iso);
const anniversary = (date: string, id = "x"): Anniversary => ({
  id,
  date,
  name: { vi: "x", en: "x" },
  confidence: "high",
  sources: [],
});

describe("nextOccurrence", () => {
  it("falls on the day luxon's calendar gives, leap days and year ends included", () => {
    fc.assert(
      fc.property(day("0001-01-01", "2199-12-31"), day("0001-01-01", "2299-12-31"), (date, today) => {
        const got = nextOccurrence(anniversary(date), today);
        expect({ date: got.date, years: got.years, daysAway: got.daysAway, nextRound: got.nextRound }).toEqual(
          byLuxon(date, today),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps 29 February on the 28th in other years, and on the 29th in leap years", () => {
    const leapDay = anniversary("1960-02-29");
    expect(nextOccurrence(leapDay, "2027-01-10")).toMatchObject({ date: "2027-02-28", years: 67, daysAway: 49 });
    expect(nextOccurrence(leapDay, "2027-03-01")).toMatchObject({ date: "2028-02-29", years: 68 });
    expect(nextOccurrence(leapDay, "2027-03-01").nextRound).toEqual({ years: 70, date: "2030-02-28" });
    expect(nextOccurrence(anniversary("0064-02-29"), "2100-02-01")).toMatchObject({ date: "2100-02-28" });
  });

  it("counts today as on time and yesterday as next year", () => {
    const relations = anniversary("1962-09-05");
    expect(nextOccurrence(relations, "2027-09-05")).toMatchObject({ years: 65, round: true, daysAway: 0 });
    expect(nextOccurrence(relations, "2027-09-06")).toMatchObject({ years: 66, round: false, daysAway: 365 });
    // Years before 100 are years, not the 1900s.
    expect(nextOccurrence(anniversary("0010-03-01"), "0052-02-28")).toMatchObject({ daysAway: 2, years: 42 });
  });
});

describe("isLeap", () => {
  it("is Gregorian: every fourth year, but not centuries unless divisible by 400", () => {
    expect([1960, 2000, 2024, 2400, 4].map(isLeap)).toEqual([true, true, true, true, true]);
    expect([1900, 2100, 2027, 1, 100].map(isLeap)).toEqual([false, false, false, false, false]);
  });

  it("agrees with luxon's calendar", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (year) => isLeap(year) === DateTime.utc(year).isInLeapYear),
    );
  });
});

describe("occurrenceOf (an occurrence from the day index's hit)", () => {
  const data = (anniversaries: Anniversary[]): CorpusData => ({
    sources: [],
    provinces: [],
    places: [],
    people: [],
    events: [],
    agreements: [],
    figures: [],
    anniversaries,
  });

  it("is the occurrence nextOccurrence works out for the same anniversary and day", () => {
    fc.assert(
      fc.property(
        fc.array(day("1800-01-01", "2099-12-31"), { minLength: 1, maxLength: 12 }),
        day("1900-01-01", "2199-12-31"),
        (dates, today) => {
          const index = new CorpusIndex(data(dates.map((d, i) => anniversary(d, `a${i}`))));
          for (const hit of index.anniversariesWithin(today, 366)) {
            expect(occurrenceOf(hit)).toEqual(nextOccurrence(hit.anniversary, today));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds every anniversary with a year passed once within a year, leap days included", () => {
    const leapDay = anniversary("1960-02-29", "leap");
    const index = new CorpusIndex(data([leapDay, anniversary("1962-09-05", "relations")]));
    const hits = index.anniversariesWithin("2027-01-10", 366).map(occurrenceOf);
    expect(hits.map((h) => [h.anniversary.id, h.date, h.years, h.daysAway])).toEqual([
      ["leap", "2027-02-28", 67, 49],
      ["relations", "2027-09-05", 65, 238],
    ]);
  });
});
