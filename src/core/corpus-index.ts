// Every lookup a command needs, built once per corpus version so that no command scans the records:
// records by id, by province, by year and by person; pre-folded names and aliases; anniversaries by calendar day;
// typo candidates from a trigram index. Lists keep the order of the data files.

import { AliasTable } from "./alias-table";
import { isLeap } from "./anniversaries";
import type {
  Agreement,
  Anniversary,
  CorpusData,
  CorpusEvent,
  Figure,
  Person,
  Place,
  Province,
  SourceDoc,
} from "./model";
import { NameIndex } from "./name-index";
import { fold } from "./normalize";
import { type ById, KindById, RecordsById } from "./records-by-id";
import { byCodeUnits, lowerBound, sortSteps } from "./sort-steps";
import { runSteps, runStepsPausing } from "./steps";

export { RECORD_KINDS, type RecordKind, recordId } from "./records-by-id";

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

const byKey = (a: { key: string }, b: { key: string }) => byCodeUnits(a.key, b.key);

/** A year's days as "MM-DD" keys, from a UTC day number. */
function monthDay(epochDay: number): { key: string; year: number } {
  const d = new Date(epochDay * 86_400_000);
  const key = `${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
  return { key, year: d.getUTCFullYear() };
}

export interface AnniversaryHit {
  anniversary: Anniversary;
  /** Days from today (0 = today). */
  daysAway: number;
  /** The ordinal in the year it falls. */
  years: number;
}

export class CorpusIndex {
  /** Every record by id, and the records of each kind (views of the same Map). */
  readonly byId: RecordsById;
  readonly provinceById: ById<Province>;
  readonly placeById: ById<Place>;
  readonly personById: ById<Person>;
  readonly eventById: ById<CorpusEvent>;
  readonly agreementById: ById<Agreement>;
  readonly figureById: ById<Figure>;
  readonly sourceByFile: ById<SourceDoc>;

  readonly eventsByProvince = new Map<string, CorpusEvent[]>();
  readonly agreementsByProvince = new Map<string, Agreement[]>();
  readonly figuresByProvince = new Map<string, Figure[]>();
  /** Figures given at an event (at an agreement's signing, say), in file order. */
  readonly figuresByEvent = new Map<string, Figure[]>();
  readonly placesByProvince = new Map<string, Place[]>();
  /** People with a role at an event or agreement, by that event's or agreement's id, in file order. */
  readonly peopleByOccasion = new Map<string, Person[]>();
  /** Agreements signed in a year or in force during it. */
  readonly agreementsByYear = new Map<number, Agreement[]>();
  readonly eventsByYear = new Map<number, CorpusEvent[]>();
  readonly coveredByCountry = new Map<"VN" | "LA", Province[]>();
  /** The years agreements cover, and the provinces that are party to one (for "nothing matches" answers). */
  agreementYears: { min: number; max: number } | undefined;
  agreementParties: string[] = [];

  /** Folded alias (both spaced and tight forms) → province ids that use it (lists shared between aliases). */
  provinceAlias = AliasTable.empty();
  /** The places, by their position in the data (the lists below give positions: a number, not an object each). */
  private places: readonly Place[] = [];
  /**
   * Folded place names and aliases (spaced) sorted, each with its place's position: a name of two places is there
   * twice, in file order, so the first of a name is the first place (in file order) with that name.
   */
  private placeKeys: string[] = [];
  private placeAt = new Int32Array(0);
  /** Tight forms of the same names, sorted and distinct, each with the first place (in file order) so named. */
  private placeTights: string[] = [];
  private placeOfTight = new Int32Array(0);
  provinceNames: NameIndex = new NameIndex([]);
  /** Anniversaries by "MM-DD", oldest original year first. */
  private readonly anniversariesByDay = new Map<string, { year: number; anniversary: Anniversary }[]>();
  private readonly personOrder = new Map<Person, number>();

  /** Builds every index at once; `CorpusIndex.build` does the same in slices that let other work run between. */
  constructor(data: Readonly<CorpusData>, lazy = false) {
    this.byId = new RecordsById(data);
    this.provinceById = new KindById(this.byId, "provinces");
    this.placeById = new KindById(this.byId, "places");
    this.personById = new KindById(this.byId, "people");
    this.eventById = new KindById(this.byId, "events");
    this.agreementById = new KindById(this.byId, "agreements");
    this.figureById = new KindById(this.byId, "figures");
    this.sourceByFile = new KindById(this.byId, "sources");
    if (!lazy) for (const _ of this.fill(data));
  }

  /**
   * What a snapshot keeps (v8 serialize, with the records the index points to): the folded names and what is
   * built from them. The lists by id, province, year and day are passes over the records, quicker made again
   * than read back. The name index is given its names back from the alias table, which keeps them once.
   */
  saved(): unknown {
    return {
      provinceAlias: this.provinceAlias.saved(),
      provinceNames: this.provinceNames.saved(),
      placeKeys: this.placeKeys,
      placeAt: this.placeAt,
      placeTights: this.placeTights,
      placeOfTight: this.placeOfTight,
    };
  }

  /** An index from `saved()` and the records it was built from, as it was built. */
  static revive(saved: unknown, data: Readonly<CorpusData>): CorpusIndex {
    return runSteps(CorpusIndex.reviveSteps(saved, data));
  }

  /** `revive` as steps: it yields every few hundred records. */
  static *reviveSteps(saved: unknown, data: Readonly<CorpusData>): Generator<void, CorpusIndex> {
    const { provinceAlias, provinceNames, ...rest } = saved as { provinceAlias: unknown; provinceNames: unknown };
    const index = Object.assign(new CorpusIndex(data, true), rest);
    yield* index.fillRecords(data);
    index.provinceAlias = AliasTable.revive(provinceAlias);
    index.provinceNames = NameIndex.revive(provinceNames, index.provinceAlias.names);
    return index;
  }

  static async build(data: Readonly<CorpusData>, pause: () => Promise<void>): Promise<CorpusIndex> {
    const index = new CorpusIndex(data, true);
    await runStepsPausing(index.fill(data), pause);
    return index;
  }

  /** The work, as steps: it yields every few hundred records. */
  private *fill(data: Readonly<CorpusData>): Generator<void> {
    yield* this.fillRecords(data);
    yield* this.fillNames(data);
  }

  /** Records by id, province, year, person, event and day: plain passes over the records, cheap to repeat. */
  private *fillRecords(data: Readonly<CorpusData>): Generator<void> {
    this.places = data.places;
    let step = 0;
    const tick = () => ++step % 256 === 0;
    yield* this.byId.fill();
    for (const p of data.provinces) {
      if (tick()) yield;
      if (p.covered) push(this.coveredByCountry, p.country, p);
    }
    for (const p of data.places) {
      if (tick()) yield;
      push(this.placesByProvince, p.province, p);
    }
    for (const [i, p] of data.people.entries()) {
      if (tick()) yield;
      this.personOrder.set(p, i);
      for (const role of p.roles) push(this.peopleByOccasion, role.at, p);
    }
    for (const e of data.events) {
      if (tick()) yield;
      for (const p of e.provinces) push(this.eventsByProvince, p, e);
      const from = e.date.value ? Number(e.date.value.slice(0, 4)) : undefined;
      const to = e.date.until ? Number(e.date.until.slice(0, 4)) : from;
      if (from !== undefined && to !== undefined) for (let y = from; y <= to; y++) push(this.eventsByYear, y, e);
    }
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    const parties = new Set<string>();
    for (const a of data.agreements) {
      if (tick()) yield;
      for (const p of a.parties) {
        push(this.agreementsByProvince, p, a);
        parties.add(p);
      }
      const signed = a.signed.value ? Number(a.signed.value.slice(0, 4)) : undefined;
      const years = new Set<number>(signed === undefined ? [] : [signed]);
      if (a.period) {
        for (let y = a.period.from; y <= a.period.to; y++) years.add(y);
        min = Math.min(min, a.period.from);
        max = Math.max(max, a.period.to);
      }
      for (const y of [...years].sort((x, y) => x - y)) push(this.agreementsByYear, y, a);
    }
    this.agreementYears = min <= max ? { min, max } : undefined;
    this.agreementParties = [...parties];
    for (const f of data.figures) {
      if (tick()) yield;
      push(this.figuresByProvince, f.from, f);
      push(this.figuresByProvince, f.to, f);
      if (f.event !== undefined) push(this.figuresByEvent, f.event, f);
    }
    for (const a of data.anniversaries)
      push(this.anniversariesByDay, a.date.slice(5), { year: Number(a.date.slice(0, 4)), anniversary: a });
    for (const list of this.anniversariesByDay.values()) list.sort((x, y) => x.year - y.year);
  }

  /** Folded province and place names, their sorted lists and the typo index: the costly part, kept in a snapshot. */
  private *fillNames(data: Readonly<CorpusData>): Generator<void> {
    let step = 0;
    const tick = () => ++step % 256 === 0;
    const aliases = new Map<string, readonly string[]>();
    for (const p of data.provinces) {
      if (tick()) yield;
      // One list for every name of this province that no other province shares (nearly all of them).
      const alone: readonly string[] = [p.id];
      for (const alias of [p.name.vi, p.name.en, p.id, ...p.aliases]) {
        // foldTight(alias), from the fold already made.
        const spaced = fold(alias);
        for (const key of [spaced, spaced.replace(/ /g, "")]) {
          if (!key) continue;
          // Ids in file order, each once: an array, not a Set, since nearly every alias names one province.
          const ids = aliases.get(key);
          if (!ids) aliases.set(key, alone);
          else if (!ids.includes(p.id)) aliases.set(key, [...ids, p.id]);
        }
      }
    }
    this.provinceAlias = yield* AliasTable.steps(aliases);
    // Built from exactly the table's names, in their order: `revive` gives the names back from them.
    this.provinceNames = yield* NameIndex.steps(this.provinceAlias.names);

    const placeNames: { key: string; place: number }[] = [];
    const firstOfTight = new Map<string, number>();
    for (const [i, p] of data.places.entries()) {
      if (tick()) yield;
      for (const name of [p.name.vi, p.name.en, ...p.aliases]) {
        const spaced = fold(name);
        const tight = spaced.replace(/ /g, "");
        if (!firstOfTight.has(tight)) firstOfTight.set(tight, i);
        placeNames.push({ key: spaced, place: i });
      }
    }
    // Stable: a name's places stay in file order.
    yield* sortSteps(placeNames, byKey);
    this.placeKeys = placeNames.map((n) => n.key);
    this.placeAt = Int32Array.from(placeNames, (n) => n.place);
    this.placeTights = yield* sortSteps([...firstOfTight.keys()], byCodeUnits);
    this.placeOfTight = Int32Array.from(this.placeTights, (tight) => firstOfTight.get(tight) as number);
  }

  /** Provinces with a name or alias that starts with the whole words typed (folded, spaced). */
  provincesWithPrefix(spaced: string): Set<string> {
    const out = new Set<string>();
    for (const ids of this.provinceAlias.withPrefix(`${spaced} `)) for (const id of ids) out.add(id);
    return out;
  }

  /** Provinces of the places with a name that starts with the whole words typed. */
  placeProvincesWithPrefix(spaced: string): Set<string> {
    const out = new Set<string>();
    const wanted = `${spaced} `;
    for (let i = lowerBound(this.placeKeys, wanted); i < this.placeKeys.length; i++) {
      if (!(this.placeKeys[i] as string).startsWith(wanted)) break;
      out.add((this.places[this.placeAt[i] as number] as Place).province);
    }
    return out;
  }

  /** The first place (in file order) named so, folded either way. */
  placeNamed(spaced: string, tight: string): Place | undefined {
    const byTight = lowerBound(this.placeTights, tight);
    const a = this.placeTights[byTight] === tight ? (this.placeOfTight[byTight] as number) : -1;
    const bySpaced = lowerBound(this.placeKeys, spaced);
    const b = this.placeKeys[bySpaced] === spaced ? (this.placeAt[bySpaced] as number) : -1;
    if (a < 0 && b < 0) return undefined;
    return this.places[a < 0 ? b : b < 0 ? a : Math.min(a, b)];
  }

  /** People with a role at any of these events or agreements, in file order. */
  peopleAt(occasions: Iterable<string>): Person[] {
    const found = new Set<Person>();
    for (const id of occasions) for (const p of this.peopleByOccasion.get(id) ?? []) found.add(p);
    return [...found].sort((a, b) => (this.personOrder.get(a) ?? 0) - (this.personOrder.get(b) ?? 0));
  }

  /**
   * Anniversaries falling within `days` days of `today` (YYYY-MM-DD), soonest first, with at least one year
   * passed. 29 February falls on 28 February in other years.
   */
  anniversariesWithin(today: string, days: number): AnniversaryHit[] {
    const start = Math.floor(Date.parse(`${today}T00:00:00Z`) / 86_400_000);
    const hits: AnniversaryHit[] = [];
    const first = monthDay(start).key;
    for (let d = 0; d <= Math.min(days, 366); d++) {
      const { key, year } = monthDay(start + d);
      // A year on, the days repeat: each anniversary is listed once, at its next occurrence.
      if (d > 0 && key === first) break;
      const keys = key === "02-28" && !isLeap(year) ? ["02-28", "02-29"] : [key];
      const day: AnniversaryHit[] = [];
      for (const k of keys) {
        for (const entry of this.anniversariesByDay.get(k) ?? []) {
          if (entry.year >= year) break;
          day.push({ anniversary: entry.anniversary, daysAway: d, years: year - entry.year });
        }
      }
      hits.push(...day.sort((x, y) => x.anniversary.id.localeCompare(y.anniversary.id)));
    }
    return hits;
  }
}
