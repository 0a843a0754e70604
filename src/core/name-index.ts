// "Did you mean" over many names without scanning them all: an index of folded names by trigram, plus a sorted
// list for names that start with what was typed. Only the names that share a trigram with the input (or extend it,
// or that it extends) are scored by edit distance, with the same scoring as `suggestNames`.
import { byCodeUnits, sortSteps } from "./sort-steps";
import { closeEnough, scoreName } from "./suggest";

const EDGE = "\u0001";

function trigrams(tight: string): string[] {
  const padded = `${EDGE}${tight}${EDGE}`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class NameIndex {
  /** Folded names as given (the keys returned), and their tight form (no spaces) used for scoring. */
  private readonly names: string[];
  private readonly tights: string[];
  private readonly byTight = new Map<string, number[]>();
  private readonly postings = new Map<string, number[]>();
  /** Tight forms sorted, with the name index of each, for prefix ranges. */
  private sortedTights: string[] = [];
  private sortedOwners: number[] = [];
  /** Shared-trigram counts, reused between calls (JavaScript runs one call at a time). */
  private readonly counts: Uint16Array;

  constructor(names: Iterable<string>, lazy = false) {
    this.names = [...new Set(names)];
    this.tights = this.names.map((n) => n.replace(/ /g, ""));
    this.counts = new Uint16Array(this.names.length);
    if (!lazy) for (const _ of this.fill());
  }

  /** The same index, built in steps (see CorpusIndex.build). */
  static *steps(names: Iterable<string>): Generator<void, NameIndex> {
    const index = new NameIndex(names, true);
    yield* index.fill();
    return index;
  }

  private *fill(): Generator<void> {
    for (const [i, tight] of this.tights.entries()) {
      if (i % 512 === 511) yield;
      const same = this.byTight.get(tight);
      if (same) same.push(i);
      else this.byTight.set(tight, [i]);
      for (const gram of trigrams(tight)) {
        const list = this.postings.get(gram);
        // A name with a repeated trigram is listed once.
        if (list) {
          if (list[list.length - 1] !== i) list.push(i);
        } else this.postings.set(gram, [i]);
      }
    }
    // Binary search needs plain code-unit order.
    const tightOf = (i: number) => this.tights[i] as string;
    const order = yield* sortSteps(
      this.tights.map((_, i) => i),
      (a, b) => byCodeUnits(tightOf(a), tightOf(b)),
    );
    this.sortedTights = order.map((i) => this.tights[i] as string);
    this.sortedOwners = order;
  }

  get size(): number {
    return this.names.length;
  }

  /** Up to `limit` names closest to the folded `input`, best first (as `suggestNames` ranks them). */
  suggest(input: string, limit: number): string[] {
    const wanted = input.replace(/ /g, "");
    if (wanted.length === 0) return [];
    const candidates = new Set<number>();
    // Names that start with what was typed.
    if (wanted.length >= 3) {
      for (let i = lowerBound(this.sortedTights, wanted); i < this.sortedTights.length; i++) {
        if (!(this.sortedTights[i] as string).startsWith(wanted)) break;
        candidates.add(this.sortedOwners[i] as number);
      }
    }
    // Names that what was typed starts with.
    for (let end = 1; end <= wanted.length; end++) {
      for (const i of this.byTight.get(wanted.slice(0, end)) ?? []) candidates.add(i);
    }
    // Names sharing a good part of the typed name's trigrams (a typo keeps most of them): only those are measured.
    const touched: number[] = [];
    const grams = new Set(trigrams(wanted));
    const needed = Math.max(1, Math.ceil(grams.size * 0.3));
    for (const gram of grams) {
      for (const i of this.postings.get(gram) ?? []) {
        if (this.counts[i] === 0) touched.push(i);
        this.counts[i] = (this.counts[i] as number) + 1;
      }
    }
    for (const i of touched) {
      const shared = this.counts[i] as number;
      this.counts[i] = 0;
      if (shared < needed) continue;
      // The edit distance is at least the difference in length: most candidates stop here.
      const length = (this.tights[i] as string).length;
      if (Math.abs(length - wanted.length) <= closeEnough(wanted.length, length)) candidates.add(i);
    }
    const scored: { name: string; score: number }[] = [];
    for (const i of candidates) {
      const tight = this.tights[i] as string;
      const score = scoreName(wanted, tight);
      if (score <= closeEnough(wanted.length, tight.length)) scored.push({ name: this.names[i] as string, score });
    }
    return scored
      .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
      .slice(0, limit)
      .map((c) => c.name);
  }
}
