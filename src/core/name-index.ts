// "Did you mean" over many names without scanning them all: an index of folded names by trigram, plus a sorted
// list for names that start with what was typed. Only the names that share a trigram with the input (or extend it,
// or that it extends) are scored by edit distance, with the same scoring as `suggestNames`.

import { gramKey, gramKeyAt } from "./gram-table";
import { encodePostings, type Postings, readPostings } from "./postings";
import { revive } from "./revive";
import { byCodeUnits, sortSteps } from "./sort-steps";
import { closeEnough, scoreName } from "./suggest";
import { trigramSet } from "./trigrams";

/** The forms a call counted, reused by every index (one call runs at a time; not part of a saved index). */
let touchedScratch = new Int32Array(0);

export class NameIndex {
  /** Folded names as given (the keys returned). */
  private readonly names: readonly string[];
  /**
   * Their distinct tight forms (no spaces), which scoring reads: "son la" and "sonla" are one form. Numbered in
   * order of their first name; the names of form f are `formNames[formStarts[f] … formStarts[f + 1]]`, ascending.
   */
  private forms: string[] = [];
  private formStarts = new Int32Array(1);
  private formNames = new Int32Array(0);
  /**
   * The forms holding trigram g (from `gramIds`, keyed by `gramKey`), as packed postings: flat typed arrays, so a saved index is
   * restored by copying them, not object by object.
   */
  private readonly gramIds = new Map<number, number>();
  private grams: Postings = { starts: new Int32Array(1), bytes: new Uint8Array(0) };
  /** Forms in code-unit order, for prefix ranges and exact matches. */
  private sortedForms = new Int32Array(0);
  /** Shared-trigram counts per form, reused between calls (JavaScript runs one call at a time). */
  private counts = new Uint16Array(0);

  constructor(names: Iterable<string>, lazy = false) {
    this.names = [...new Set(names)];
    if (!lazy) for (const _ of this.fill());
  }

  /**
   * What a snapshot keeps: all but the names, which the owner keeps already (see CorpusIndex.saved). The tight
   * forms are kept: nearly every one is also a name, so the packed snapshot stores it once and restores one
   * string for both, where making them again took a fifth of a second at ×1000 and a string each.
   */
  saved(): unknown {
    return { ...this, names: undefined };
  }

  /** An index from `saved()` and the names it was built from (distinct, in the same order). */
  static revive(saved: unknown, names: readonly string[]): NameIndex {
    const index = revive(NameIndex, saved);
    Object.assign(index, { names });
    return index;
  }

  /** The same index, built in steps (see CorpusIndex.build). */
  static *steps(names: Iterable<string>): Generator<void, NameIndex> {
    const index = new NameIndex(names, true);
    yield* index.fill();
    return index;
  }

  private *fill(): Generator<void> {
    // Work per distinct tight form: its trigrams found once, its place in the sort taken once, one posting per
    // trigram (not one per name: most forms are the tight form of two names).
    const { names, gramIds } = this;
    const n = names.length;
    const formIds = new Map<string, number>();
    const forms: string[] = [];
    const formOf = new Int32Array(n);
    const namesOfForm: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i % 4096 === 4095) yield;
      const name = names[i] as string;
      const tight = name.includes(" ") ? name.replace(/ /g, "") : name;
      let f = formIds.get(tight);
      if (f === undefined) {
        f = forms.length;
        formIds.set(tight, f);
        forms.push(tight);
        namesOfForm.push(0);
      }
      formOf[i] = f;
      namesOfForm[f] = (namesOfForm[f] as number) + 1;
    }
    this.forms = forms;
    this.counts = new Uint16Array(forms.length);
    const formStarts = new Int32Array(forms.length + 1);
    for (let f = 0; f < forms.length; f++) formStarts[f + 1] = (formStarts[f] as number) + (namesOfForm[f] as number);
    const formNames = new Int32Array(n);
    const nextName = formStarts.slice(0, forms.length);
    for (let i = 0; i < n; i++) {
      const f = formOf[i] as number;
      formNames[nextName[f] as number] = i;
      nextName[f] = (nextName[f] as number) + 1;
    }
    this.formStarts = formStarts;
    this.formNames = formNames;
    yield;
    // Each form's distinct trigrams, flat: gramList[gramStarts[f] … gramStarts[f + 1]].
    const gramStarts = new Int32Array(forms.length + 1);
    const gramList: number[] = [];
    for (let f = 0; f < forms.length; f++) {
      if (f % 512 === 511) yield;
      // trigramSet's trigrams as numbers, without making a string or a Set for each (300,000 forms at ×1000).
      const form = forms[f] as string;
      const first = gramList.length;
      for (let i = 0; i < form.length; i++) {
        const key = gramKeyAt(form, i);
        let g = gramIds.get(key);
        if (g === undefined) {
          g = gramIds.size;
          gramIds.set(key, g);
        }
        // Each trigram once per form (a form has a dozen or so: a look back is cheaper than a set).
        let seen = false;
        for (let at = first; at < gramList.length && !seen; at++) seen = gramList[at] === g;
        if (!seen) gramList.push(g);
      }
      gramStarts[f + 1] = gramList.length;
    }
    // Each trigram's forms, ascending, packed (postings.ts): about a byte a posting instead of four.
    const formOfEntry = new Int32Array(gramList.length);
    for (let f = 0; f < forms.length; f++) formOfEntry.fill(f, gramStarts[f] as number, gramStarts[f + 1] as number);
    this.grams = yield* encodePostings(gramIds.size, gramList.length, Int32Array.from(gramList), formOfEntry);
    // Binary search needs plain code-unit order. Names given sorted that include every form (the corpus's alias
    // table: each name's tight form is a name too) give that order in one pass; anything else is sorted.
    this.sortedForms =
      formsInOrderOf(names, formIds, forms.length) ??
      Int32Array.from(yield* sortSteps([...forms], byCodeUnits), (form) => formIds.get(form) as number);
  }

  get size(): number {
    return this.names.length;
  }

  /** Position in `sortedForms` of the first form not below `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.sortedForms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.forms[this.sortedForms[mid] as number] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Up to `limit` names closest to the folded `input`, best first (as `suggestNames` ranks them). */
  suggest(input: string, limit: number): string[] {
    const wanted = input.replace(/ /g, "");
    if (wanted.length === 0 || limit <= 0) return [];
    const { forms, formStarts, formNames, names } = this;
    const best = new Closest(limit);
    const consider = (f: number) => {
      const tight = forms[f] as string;
      const score = scoreName(wanted, tight);
      if (score > closeEnough(wanted.length, tight.length)) return;
      const end = formStarts[f + 1] as number;
      for (let at = formStarts[f] as number; at < end; at++) best.add(score, names[formNames[at] as number] as string);
    };
    // Forms that start with what was typed, and forms that what was typed starts with: the two cases where the
    // score is not the plain edit distance. Scored now.
    const scored = new Set<number>();
    const sorted = this.sortedForms;
    if (wanted.length >= 3) {
      for (let i = this.lowerBound(wanted); i < sorted.length; i++) {
        const f = sorted[i] as number;
        if (!(forms[f] as string).startsWith(wanted)) break;
        scored.add(f);
      }
    }
    for (let end = 1; end <= wanted.length; end++) {
      const prefix = wanted.slice(0, end);
      const i = this.lowerBound(prefix);
      const f = sorted[i];
      if (f !== undefined && forms[f] === prefix) scored.add(f);
    }
    for (const f of scored) consider(f);
    // Forms sharing a good part of the typed name's trigrams (a typo keeps most of them): only those are measured.
    const grams = trigramSet(wanted);
    const needed = Math.max(1, Math.ceil(grams.size * 0.3));
    const { counts } = this;
    if (touchedScratch.length < forms.length) touchedScratch = new Int32Array(forms.length);
    const touched = touchedScratch;
    let touchedCount = 0;
    for (const gram of grams) {
      const g = this.gramIds.get(gramKey(gram));
      if (g === undefined) continue;
      const { count: holding, docs: holders } = readPostings(this.grams, g);
      for (let p = 0; p < holding; p++) {
        const f = holders[p] as number;
        const count = counts[f] as number;
        if (count === 0) touched[touchedCount++] = f;
        counts[f] = count + 1;
      }
    }
    // Each edit removes at most three of the typed name's trigrams, and adds or drops a letter at most: a lower
    // bound on the distance. Measured from the lowest bound up, until the bound passes the last name kept.
    const byBound: number[][] = [];
    for (let t = 0; t < touchedCount; t++) {
      const f = touched[t] as number;
      const shared = counts[f] as number;
      counts[f] = 0;
      if (shared < needed || scored.has(f)) continue;
      const length = (forms[f] as string).length;
      const apart = Math.abs(length - wanted.length);
      if (apart > closeEnough(wanted.length, length)) continue;
      const bound = Math.max(apart, Math.ceil((grams.size - shared) / 3));
      let bucket = byBound[bound];
      if (!bucket) {
        bucket = [];
        byBound[bound] = bucket;
      }
      bucket.push(f);
    }
    for (let bound = 0; bound < byBound.length; bound++) {
      if (best.worst() < bound) break;
      for (const f of byBound[bound] ?? []) consider(f);
    }
    return best.names();
  }
}

/** The forms in code-unit order, read off `names` when they are sorted and hold every form; else undefined. */
function formsInOrderOf(
  names: readonly string[],
  formIds: ReadonlyMap<string, number>,
  formCount: number,
): Int32Array<ArrayBuffer> | undefined {
  const order = new Int32Array(formCount);
  let found = 0;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (i > 0 && !((names[i - 1] as string) < name)) return undefined;
    const f = formIds.get(name);
    if (f !== undefined) order[found++] = f;
  }
  return found === formCount ? order : undefined;
}

const collator = new Intl.Collator();

/** The `limit` lowest (score, name) pairs seen, in order: names compared as `localeCompare` compares them. */
class Closest {
  private readonly kept: { score: number; name: string }[] = [];
  constructor(private readonly limit: number) {}

  private static before(a: { score: number; name: string }, b: { score: number; name: string }): number {
    return a.score - b.score || collator.compare(a.name, b.name);
  }

  add(score: number, name: string): void {
    const entry = { score, name };
    const { kept, limit } = this;
    if (kept.length === limit && Closest.before(entry, kept[limit - 1] as typeof entry) >= 0) return;
    let at = kept.length;
    while (at > 0 && Closest.before(entry, kept[at - 1] as typeof entry) < 0) at--;
    kept.splice(at, 0, entry);
    if (kept.length > limit) kept.pop();
  }

  /** The score a name must not exceed to be kept (any score while fewer than `limit` are kept). */
  worst(): number {
    return this.kept.length < this.limit
      ? Number.POSITIVE_INFINITY
      : (this.kept[this.limit - 1] as { score: number }).score;
  }

  names(): string[] {
    return this.kept.map((c) => c.name);
  }
}
