// The naive baseline for the lookup commands (/province, /agreements, /anniversaries, a mistyped name): the same
// corpus, except that every lookup the commands make scans the records on each call instead of reading an index
// built once. Names are folded once in advance, as any sensible scan would do. The command then runs through the
// same dispatch and renders the same reply, so the ratio compares indexes with scans and nothing else (rendering,
// citations, parsing are in both). The bench checks that both corpora give the same reply.
import { isLeap } from "../src/core/anniversaries";
import { Corpus } from "../src/core/corpus";
import { type AnniversaryHit, CorpusIndex, RECORD_KINDS, recordId } from "../src/core/corpus-index";
import type { NameIndex } from "../src/core/name-index";
import { fold, foldTight } from "../src/core/normalize";
import { closeEnough, scoreName } from "../src/core/suggest";

/** A Map whose `get` scans: what a command reads through `index.x.get(key)` costs a pass over the records. */
class ScanMap<K, V> extends Map<K, V> {
  constructor(private readonly scan: (key: K) => V | undefined) {
    super();
  }
  override get(key: K): V | undefined {
    return this.scan(key);
  }
  override has(key: K): boolean {
    return this.scan(key) !== undefined;
  }
}

/** A list, or undefined when empty (as an index's `get` answers for a key it does not hold). */
const some = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

const yearOf = (value: string | undefined) => (value ? Number(value.slice(0, 4)) : undefined);

class ScanIndex extends CorpusIndex {
  /** Folded alias keys and the province each names, as parallel lists (no object per pair). */
  private readonly aliasKeys: string[] = [];
  private readonly aliasIds: string[] = [];
  /** Positions in those lists in code-unit order of the key (the order an index's prefix range yields them). */
  private readonly sortedAliases: Int32Array;
  /** Folded place names, spaced and tight, and the place's position in `data.places`. */
  private readonly placeSpaced: string[] = [];
  private readonly placeTight: string[] = [];
  private readonly placeIndex: number[] = [];
  private readonly data: Corpus["data"];

  constructor(corpus: Corpus) {
    super(corpus.data, true);
    const { data } = corpus;
    this.data = data;
    // Folded here, then kept as the very strings the index holds for the same keys: at x1000 a second copy of
    // nearly a million keys would only weigh on the heap that every measurement, the indexed ones too, runs in.
    const canonical = new Map<string, string>();
    for (const key of corpus.index.provinceAlias.keys()) canonical.set(key, key);
    const shared = (key: string) => canonical.get(key) ?? key;
    for (const p of data.provinces) {
      for (const alias of [p.name.vi, p.name.en, p.id, ...p.aliases]) {
        for (const key of [fold(alias), foldTight(alias)]) {
          if (!key) continue;
          this.aliasKeys.push(shared(key));
          this.aliasIds.push(p.id);
        }
      }
    }
    const keys = this.aliasKeys;
    this.sortedAliases = Int32Array.from(keys.keys()).sort((x, y) => {
      const a = keys[x] as string;
      const b = keys[y] as string;
      return a < b ? -1 : a > b ? 1 : x - y;
    });
    data.places.forEach((p, index) => {
      for (const name of [p.name.vi, p.name.en, ...p.aliases]) {
        const spaced = fold(name);
        this.placeSpaced.push(spaced);
        this.placeTight.push(spaced.replace(/ /g, ""));
        this.placeIndex.push(index);
      }
    });
    const names = [...new Set(keys)];
    const tights = names.map((name) => shared(name.replace(/ /g, "")));
    const provinceNames = {
      suggest(input: string, limit: number): string[] {
        const wanted = input.replace(/ /g, "");
        if (!wanted) return [];
        const close: { name: string; score: number }[] = [];
        names.forEach((name, i) => {
          const tight = tights[i] as string;
          const score = scoreName(wanted, tight);
          if (score <= closeEnough(wanted.length, tight.length)) close.push({ name, score });
        });
        return close
          .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
          .slice(0, limit)
          .map((c) => c.name);
      },
    };
    const find = <T>(list: readonly T[], match: (item: T) => boolean) => list.find(match);
    // The lookups the index would answer, as scans (assigned past `readonly`: this class exists to replace them).
    Object.assign(this, {
      byId: new ScanMap((id: string) => {
        let found: { kind: (typeof RECORD_KINDS)[number]; record: unknown } | undefined;
        for (const kind of RECORD_KINDS) {
          for (const record of data[kind] as ({ id: string } | { file: string })[]) {
            if (recordId(record) === id) found = { kind, record };
          }
        }
        return found;
      }),
      provinceById: new ScanMap((id: string) => find(data.provinces, (p) => p.id === id)),
      placeById: new ScanMap((id: string) => find(data.places, (p) => p.id === id)),
      personById: new ScanMap((id: string) => find(data.people, (p) => p.id === id)),
      eventById: new ScanMap((id: string) => find(data.events, (e) => e.id === id)),
      agreementById: new ScanMap((id: string) => find(data.agreements, (a) => a.id === id)),
      figureById: new ScanMap((id: string) => find(data.figures, (f) => f.id === id)),
      sourceByFile: new ScanMap((file: string) => find(data.sources, (s) => s.file === file)),
      eventsByProvince: new ScanMap((id: string) => some(data.events.filter((e) => e.provinces.includes(id)))),
      agreementsByProvince: new ScanMap((id: string) => some(data.agreements.filter((a) => a.parties.includes(id)))),
      figuresByProvince: new ScanMap((id: string) => some(data.figures.filter((f) => f.from === id || f.to === id))),
      figuresByEvent: new ScanMap((id: string) => some(data.figures.filter((f) => f.event === id))),
      placesByProvince: new ScanMap((id: string) => some(data.places.filter((p) => p.province === id))),
      peopleByOccasion: new ScanMap((id: string) => some(data.people.filter((p) => p.roles.some((r) => r.at === id)))),
      agreementsByYear: new ScanMap((year: number) =>
        some(
          data.agreements.filter(
            (a) => yearOf(a.signed.value) === year || (a.period && a.period.from <= year && year <= a.period.to),
          ),
        ),
      ),
      eventsByYear: new ScanMap((year: number) =>
        some(
          data.events.filter((e) => {
            const from = yearOf(e.date.value);
            const to = yearOf(e.date.until) ?? from;
            return from !== undefined && to !== undefined && from <= year && year <= to;
          }),
        ),
      ),
      coveredByCountry: new ScanMap((country: "VN" | "LA") =>
        some(data.provinces.filter((p) => p.covered && p.country === country)),
      ),
      provinceAlias: new ScanMap((key: string) => {
        const ids: string[] = [];
        this.aliasKeys.forEach((k, i) => {
          const id = this.aliasIds[i] as string;
          if (k === key && !ids.includes(id)) ids.push(id);
        });
        return some(ids);
      }),
      provinceNames: provinceNames as unknown as NameIndex,
      agreementYears: corpus.index.agreementYears,
      agreementParties: corpus.index.agreementParties,
    });
  }

  override provincesWithPrefix(spaced: string): Set<string> {
    const wanted = `${spaced} `;
    const out = new Set<string>();
    for (const i of this.sortedAliases) {
      if ((this.aliasKeys[i] as string).startsWith(wanted)) out.add(this.aliasIds[i] as string);
    }
    return out;
  }

  override placeProvincesWithPrefix(spaced: string): Set<string> {
    const wanted = `${spaced} `;
    const out = new Set<string>();
    this.placeSpaced.forEach((name, i) => {
      if (name.startsWith(wanted)) out.add(this.data.places[this.placeIndex[i] as number]?.province ?? "");
    });
    return out;
  }

  override placeNamed(spaced: string, tight: string) {
    const i = this.placeSpaced.findIndex((name, j) => name === spaced || this.placeTight[j] === tight);
    return i < 0 ? undefined : this.data.places[this.placeIndex[i] as number];
  }

  override peopleAt(occasions: Iterable<string>) {
    const wanted = new Set(occasions);
    return this.data.people.filter((p) => p.roles.some((r) => wanted.has(r.at)));
  }

  override anniversariesWithin(today: string, days: number): AnniversaryHit[] {
    const start = Math.floor(Date.parse(`${today}T00:00:00Z`) / 86_400_000);
    // The days ahead (a year at most), then one pass over every anniversary.
    const ahead = new Map<string, { daysAway: number; year: number }>();
    for (let d = 0; d <= Math.min(days, 366); d++) {
      const date = new Date((start + d) * 86_400_000);
      const key = `${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
      if (ahead.has(key)) break;
      ahead.set(key, { daysAway: d, year: date.getUTCFullYear() });
    }
    const hits: AnniversaryHit[] = [];
    for (const a of this.data.anniversaries) {
      let when = ahead.get(a.date.slice(5));
      const feb28 = ahead.get("02-28");
      if (!when && a.date.slice(5) === "02-29" && feb28 && !isLeap(feb28.year)) when = feb28;
      const born = Number(a.date.slice(0, 4));
      if (when && born < when.year) hits.push({ anniversary: a, daysAway: when.daysAway, years: when.year - born });
    }
    return hits.sort((x, y) => x.daysAway - y.daysAway || x.anniversary.id.localeCompare(y.anniversary.id));
  }
}

/** The same corpus (records, texts, search and question indexes) with every record lookup a scan. */
export function scanningCorpus(corpus: Corpus): Corpus {
  return new Corpus(corpus.data, corpus.texts, corpus.version, {
    index: new ScanIndex(corpus),
    search: corpus.search,
    questions: corpus.questions,
  });
}
