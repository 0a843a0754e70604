// Full-text search over facts and the Vietnam–Laos parts of the source texts, diacritic-insensitive.
// Page furniture and unrelated boxes are never indexed, so they can never surface in an answer.
//
// The index is built once per corpus version into flat arrays (postings per term and field, packed by
// postings.ts), so a query costs what its terms' postings cost, not a walk over every document. Ranking is MiniSearch's (BM25+ with k 1.2,
// b 0.7, d 0.5; title boost 2; prefix weight 0.375 and fuzzy weight 0.45; facts above sentences), which this
// index replaced because its per-posting maps made common words cost tens of milliseconds at a large corpus.

import { distance } from "fastest-levenshtein";
import type { Corpus } from "./corpus";
import { gramAt, sortedGrams } from "./gram-table";
import { grown, IntList } from "./int-list";
import { MarkedWords, markedText } from "./marked-words";
import type { CorpusData } from "./model";
import { fold, normalizeSpace } from "./normalize";
import { encodePostings, type Postings, PostingsWriter, readPostings } from "./postings";
import { revive } from "./revive";
import { byCodeUnits, lowerBound, sortSteps } from "./sort-steps";
import { runSteps, runStepsPausing } from "./steps";
import { trigramSet } from "./trigrams";
import { SeparatorClass } from "./word-scan";

export interface SearchDoc {
  id: string;
  /** "event", "agreement", "clause", "commitment", "figure", "person", "province", "place", "anniversary", "sentence". */
  kind: string;
  /** The fact id (or the source file for sentences). */
  ref: string;
  title: string;
  body: string;
  /** Source file of a sentence, for citation. */
  source?: string;
}

/**
 * The documents an index was built from, by position: an array, or a corpus's documents made when read
 * (`searchDocs`).
 */
export interface SearchDocList {
  readonly length: number;
  at(index: number): SearchDoc | undefined;
}

/** Splits article text into sentences for the sentence index. */
export function sentences(text: string): string[] {
  return normalizeSpace(text)
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}–-])|\s\|\s/u)
    .map((s) =>
      s
        .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
        .replace(/^[|\s]+|[|\s]+$/g, "")
        .trim(),
    )
    .filter((s) => s.length >= 20);
}

/** What the documents are made from: a corpus, or its records and texts before it is built (any map of texts). */
export type TextSource = Pick<Corpus, "sourceByFile"> & { texts: ReadonlyMap<string, string> };
export type DocSource = TextSource & Pick<Corpus, "data">;

/** The lines of a source file that are about Vietnam–Laos (article, boxes, captions marked so); not reference tables. */
export function relevantText(corpus: TextSource, file: string): string {
  const doc = corpus.sourceByFile.get(file);
  const text = corpus.texts.get(file);
  if (!doc || text === undefined) return "";
  const lines = text.split("\n");
  return doc.segments
    .filter((s) => s.vietnamLaos && s.kind !== "reference")
    .map((s) => lines.slice(s.lines[0] - 1, s.lines[1]).join("\n"))
    .join("\n");
}

/** MiniSearch's tokenizer: a text split on runs of white space and punctuation (`/[\n\r\p{Z}\p{P}]+/u`). */
const SPACE_OR_PUNCTUATION = new SeparatorClass(/^[\n\r\p{Z}\p{P}]$/u);
const FIELDS = 2; // title, body
const FIELD_BOOST = [2, 1];
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
/** Structured facts rank above raw article sentences that say the same thing. */
const SENTENCE_BOOST = 0.6;

/** Ranked hits: the count is known at once, the order is worked out only as far as it is read. */
export interface SearchHits {
  readonly length: number;
  /** Hits from `start` to `end` in rank order (best first). */
  slice(start?: number, end?: number): SearchDoc[];
  /** The hits whose document (by its position in the index) passes `keep`, in the same order. */
  filter(keep: (doc: number) => boolean): SearchHits;
}

class Ranked implements SearchHits {
  private sorted: number[] | undefined;
  constructor(
    private readonly docs: SearchDocList,
    private readonly ids: Int32Array,
    private readonly scores: Float64Array,
  ) {}
  get length(): number {
    return this.ids.length;
  }
  filter(keep: (doc: number) => boolean): SearchHits {
    const ids = new Int32Array(this.ids.length);
    const scores = new Float64Array(this.ids.length);
    let kept = 0;
    for (let i = 0; i < this.ids.length; i++) {
      const doc = this.ids[i] as number;
      if (!keep(doc)) continue;
      ids[kept] = doc;
      scores[kept++] = this.scores[i] as number;
    }
    return new Ranked(this.docs, ids.subarray(0, kept), scores.subarray(0, kept));
  }
  slice(start = 0, end = this.ids.length): SearchDoc[] {
    const stop = Math.min(end, this.ids.length);
    if (start >= stop) return [];
    return this.order(stop)
      .slice(start, stop)
      .map((i) => this.docs.at(this.ids[i] as number) as SearchDoc);
  }
  /** Positions of the best `n` hits, best first (ties in index order). A full sort only when much is read. */
  private order(n: number): number[] {
    if (this.sorted && this.sorted.length >= n) return this.sorted;
    const by = (a: number, b: number) =>
      (this.scores[b] as number) - (this.scores[a] as number) || (this.ids[a] as number) - (this.ids[b] as number);
    const all = Array.from({ length: this.ids.length }, (_, i) => i);
    if (n * 8 >= all.length) {
      this.sorted = all.sort(by);
      return this.sorted;
    }
    // Keep the best n in a small sorted window; most hits fall below it and cost one comparison.
    const best: number[] = [];
    for (const i of all) {
      if (best.length === n && by(i, best[n - 1] as number) >= 0) continue;
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (by(best[mid] as number, i) <= 0) lo = mid + 1;
        else hi = mid;
      }
      best.splice(lo, 0, i);
      if (best.length > n) best.pop();
    }
    this.sorted = best;
    return best;
  }
}

/** A query's scratch arrays for `n` documents, as a query leaves them: nothing matched, no stamp. */
function queryScratch(n: number): { matched: Uint8Array; total: Float64Array; stamp: Int32Array } {
  return { matched: new Uint8Array(n), total: new Float64Array(n), stamp: new Int32Array(n).fill(-1) };
}

export class SearchIndex {
  readonly documentCount: number;
  /**
   * Vocabulary in code-unit order: a term's id is its position, found by binary search (no Map of every term to
   * fill on each restore and keep: 200,000 terms at ×1000), and prefix ranges are contiguous.
   */
  private terms: string[] = [];
  /** Documents and term frequencies of term t in a field: list t · FIELDS + field. */
  private postings: Postings = { starts: new Int32Array(1), bytes: new Uint8Array(0) };
  private readonly fieldLength: Uint16Array;
  private averageFieldLength: number[] = [0, 0];
  private readonly docBoost: Float32Array;
  /** Vocabulary trigrams, sorted (gram-table.ts); list g of `gramTerms` holds the ids of the terms with gram g. */
  private gramKeys: Float64Array = new Float64Array(0);
  private gramTerms: Postings = { starts: new Int32Array(1), bytes: new Uint8Array(0) };
  /** Each document's words as written (marked-words.ts), for queries typed with diacritics. */
  private marked = MarkedWords.empty();
  /**
   * Per-query scratch space, reused (a query runs to its end before the next starts, and leaves it as it found
   * it): never saved, made again with the documents (`withDocs`).
   */
  private readonly matched: Uint8Array;
  private readonly total: Float64Array;
  private readonly stamp: Int32Array;

  constructor(
    private readonly list: SearchDocList,
    lazy = false,
  ) {
    const n = list.length;
    this.documentCount = n;
    this.fieldLength = new Uint16Array(n * FIELDS);
    this.docBoost = new Float32Array(n);
    ({ matched: this.matched, total: this.total, stamp: this.stamp } = queryScratch(n));
    if (!lazy) for (const _ of this.fill());
  }

  /** The same index, built in slices that let other work run between (see CorpusIndex.build). */
  static async build(docs: SearchDocList, pause: () => Promise<void>): Promise<SearchIndex> {
    const index = new SearchIndex(docs, true);
    await runStepsPausing(index.fill(), pause);
    return index;
  }

  private *fill(): Generator<void> {
    const docs = this.list;
    const n = docs.length;
    // Every distinct raw token is folded once: its id, and the id of its term (−1 when it folds to nothing).
    // Terms are numbered as met here, then renumbered in code-unit order below.
    const tokenIds = new Map<string, number>();
    const termOfToken: number[] = [];
    const termIdsMet = new Map<string, number>();
    const termsMet: string[] = [];
    // Per field of a document: which tokens and terms it has (a stamp per field), and each term's count.
    let tokenStamp = new Int32Array(1024).fill(-1);
    let termStamp = new Int32Array(1024).fill(-1);
    let termCount = new Int32Array(1024);
    const touched: number[] = [];
    // (term, field) slot, document and count of every posting, in document order.
    const entries = { slot: new IntList(), doc: new IntList(), count: new IntList() };
    const sums = [0, 0];
    const marked = MarkedWords.builder();
    for (let d = 0; d < n; d++) {
      if (d % 64 === 63) yield;
      const doc = docs.at(d) as SearchDoc;
      marked.add(markedText(doc.title, doc.body));
      this.docBoost[d] = doc.kind === "sentence" ? SENTENCE_BOOST : 1;
      for (let field = 0; field < FIELDS; field++) {
        const stamp = d * FIELDS + field;
        const tokens = SPACE_OR_PUNCTUATION.split(field === 0 ? doc.title : doc.body);
        // As MiniSearch counts a field's length: its distinct raw tokens.
        let length = 0;
        for (const token of tokens) {
          let id = tokenIds.get(token);
          if (id === undefined) {
            id = termOfToken.length;
            tokenIds.set(token, id);
            const term = token ? fold(token) : "";
            let t = -1;
            if (term.length > 0) {
              t = termIdsMet.get(term) ?? -1;
              if (t < 0) {
                t = termsMet.length;
                termIdsMet.set(term, t);
                termsMet.push(term);
                if (t >= termStamp.length) {
                  termStamp = grown(termStamp, -1);
                  termCount = grown(termCount, 0);
                }
              }
            }
            termOfToken.push(t);
            if (id >= tokenStamp.length) tokenStamp = grown(tokenStamp, -1);
          }
          if (tokenStamp[id] !== stamp) {
            tokenStamp[id] = stamp;
            length++;
          }
          const t = termOfToken[id] as number;
          if (t < 0) continue;
          if (termStamp[t] !== stamp) {
            termStamp[t] = stamp;
            termCount[t] = 0;
            touched.push(t);
          }
          termCount[t] = (termCount[t] as number) + 1;
        }
        this.fieldLength[d * FIELDS + field] = Math.min(length, 65535);
        sums[field] = (sums[field] as number) + length;
        for (const t of touched) {
          entries.slot.push(t * FIELDS + field);
          entries.doc.push(d);
          entries.count.push(Math.min(termCount[t] as number, 65535));
        }
        touched.length = 0;
      }
    }
    yield;
    this.marked = yield* marked.finish();
    this.averageFieldLength = sums.map((s) => (n > 0 ? s / n : 0));
    // The vocabulary in code-unit order; `rank` takes a term from the order it was met to its place there.
    this.terms = yield* sortSteps([...termsMet], byCodeUnits);
    const rank = new Int32Array(this.terms.length);
    for (let r = 0; r < this.terms.length; r++) rank[termIdsMet.get(this.terms[r] as string) as number] = r;
    // Postings list by list, slot t·FIELDS + field (each slot's documents stay in order): a saved index is
    // restored by copying a few arrays, not one object per term.
    const slots = this.terms.length * FIELDS;
    const postings = entries.slot.length;
    const slotOf = entries.slot.array;
    for (let i = 0; i < postings; i++) {
      if (i % 65536 === 65535) yield;
      const met = slotOf[i] as number;
      slotOf[i] = (rank[(met / FIELDS) | 0] as number) * FIELDS + (met % FIELDS);
    }
    this.postings = yield* encodePostings(slots, postings, slotOf, entries.doc.array, entries.count.array);
    yield;
    const gramLists = new Map<string, number[]>();
    for (let t = 0; t < this.terms.length; t++) {
      if (t % 512 === 511) yield;
      const term = this.terms[t] as string;
      for (const gram of trigramSet(term)) {
        const list = gramLists.get(gram);
        if (list) list.push(t);
        else gramLists.set(gram, [t]);
      }
    }
    yield;
    const { keys, values } = sortedGrams(gramLists);
    this.gramKeys = keys;
    const writer = new PostingsWriter(values.length);
    for (const [g, list] of values.entries()) for (const t of list) writer.add(g, t);
    this.gramTerms = writer.finish();
  }

  /**
   * What a snapshot keeps: the index, and of its documents only the sentences, per source of `sources` (the
   * corpus's, in order); the other documents are made from the records again (`searchDocs`, given these).
   */
  saved(sources: readonly { file: string }[]): { index: unknown; sentences: SavedSentences } {
    const perSource = new Map<string, number>();
    const sentences: string[] = [];
    for (let d = 0; d < this.list.length; d++) {
      const doc = this.list.at(d) as SearchDoc;
      if (doc.kind !== "sentence" || doc.source === undefined) continue;
      sentences.push(doc.body);
      perSource.set(doc.source, (perSource.get(doc.source) ?? 0) + 1);
    }
    const counts = Int32Array.from(sources, (s) => perSource.get(s.file) ?? 0);
    return { index: this.withoutDocs(), sentences: { sentences, counts } };
  }

  /** The index without its documents, for a thread that has the same documents (see `withDocs`). */
  withoutDocs(): unknown {
    // The per-query scratch arrays are made again on the other side.
    const { list: _list, matched: _matched, total: _total, stamp: _stamp, ...kept } = this;
    return kept;
  }

  /** An index from `withoutDocs()` and the documents it was built from, in the same order. */
  static withDocs(parts: unknown, docs: SearchDocList): SearchIndex {
    const index = revive(SearchIndex, { ...(parts as object), list: docs, ...queryScratch(docs.length) });
    index.marked = MarkedWords.revive(index.marked);
    return index;
  }

  /** Which documents hold every word exactly as typed (NFC, lower case, each with what folding would change). */
  holdingAsTyped(words: readonly string[]): (doc: number) => boolean {
    return this.marked.holdingAll(words);
  }

  /** Every document in index order, each made afresh at every call: for checks; a search reads its hits only. */
  get docs(): SearchDoc[] {
    return Array.from({ length: this.list.length }, (_, d) => this.list.at(d) as SearchDoc);
  }

  get termCount(): number {
    return this.terms.length;
  }

  /** Documents holding every word of the query (each word also as a prefix from 4 letters, fuzzily from 6). */
  search(query: string): SearchHits {
    const words: string[] = [];
    for (const token of SPACE_OR_PUNCTUATION.split(query)) {
      if (!token) continue;
      const term = fold(token);
      if (term.length > 0) words.push(term);
    }
    if (words.length === 0 || words.length > 255) return new Ranked(this.list, new Int32Array(0), new Float64Array(0));
    const touched: number[] = [];
    words.forEach((word, w) => {
      for (const [term, weight] of this.expand(word)) this.addTerm(term, weight, w, touched);
    });
    const ids: number[] = [];
    const scores: number[] = [];
    for (const d of touched) {
      if (this.matched[d] === words.length) {
        ids.push(d);
        scores.push(this.total[d] as number);
      }
      this.matched[d] = 0;
      this.total[d] = 0;
      this.stamp[d] = -1;
    }
    return new Ranked(this.list, Int32Array.from(ids), Float64Array.from(scores));
  }

  /** The word itself, the longer words it starts (from 4 letters), and words one or two edits away (from 6). */
  private expand(word: string): [number, number][] {
    const out: [number, number][] = [];
    const from = lowerBound(this.terms, word);
    const exact = this.terms[from] === word ? from : undefined;
    if (exact !== undefined) out.push([exact, 1]);
    const prefixed = new Set<number>();
    // Short words ("nga", "lao") must match exactly: as prefixes they would match "ngay", "lao dong"…
    if (word.length >= 4) {
      for (let t = from; t < this.terms.length; t++) {
        const term = this.terms[t] as string;
        if (!term.startsWith(word)) break;
        if (term.length === word.length) continue;
        prefixed.add(t);
        out.push([t, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - word.length))]);
      }
    }
    if (word.length >= 6) {
      const maxDistance = Math.min(MAX_FUZZY, Math.round(word.length * 0.2));
      for (const [t, d] of this.fuzzy(word, maxDistance)) {
        if (prefixed.has(t) || t === exact) continue;
        const term = this.terms[t] as string;
        out.push([t, (FUZZY_WEIGHT * term.length) / (term.length + d)]);
      }
    }
    return out;
  }

  /**
   * Terms within `maxDistance` edits. A term that close shares at least (its distinct trigrams − 3 per edit) of
   * the word's trigrams, so only terms over that count are measured.
   */
  private fuzzy(word: string, maxDistance: number): [number, number][] {
    const grams = trigramSet(word);
    const counts = new Map<number, number>();
    for (const gram of grams) {
      const g = gramAt(this.gramKeys, gram);
      if (g < 0) continue;
      const { count, docs: termsOfGram } = readPostings(this.gramTerms, g);
      for (let i = 0; i < count; i++) {
        const t = termsOfGram[i] as number;
        counts.set(t, (counts.get(t) ?? 0) + 1);
      }
    }
    const need = grams.size - 3 * maxDistance;
    const out: [number, number][] = [];
    const check = (t: number) => {
      const term = this.terms[t] as string;
      if (Math.abs(term.length - word.length) > maxDistance) return;
      const d = distance(word, term);
      if (d > 0 && d <= maxDistance) out.push([t, d]);
    };
    if (need > 0) {
      for (const [t, c] of counts) if (c >= need) check(t);
    } else {
      for (let t = 0; t < this.terms.length; t++) check(t);
    }
    return out;
  }

  private addTerm(t: number, weight: number, word: number, touched: number[]): void {
    const n = this.documentCount;
    for (let field = 0; field < FIELDS; field++) {
      const { count: matching, docs, freqs } = readPostings(this.postings, t * FIELDS + field);
      if (matching === 0) continue;
      const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
      const average = this.averageFieldLength[field] as number;
      const boost = weight * (FIELD_BOOST[field] as number);
      for (let i = 0; i < matching; i++) {
        const d = docs[i] as number;
        // Only documents that matched every earlier word can still be hits.
        if (this.matched[d] !== word && this.stamp[d] !== word) continue;
        const tf = freqs[i] as number;
        const length = this.fieldLength[d * FIELDS + field] as number;
        const raw = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / average)));
        if (this.stamp[d] !== word) {
          if (word === 0) touched.push(d);
          this.stamp[d] = word;
          this.matched[d] = word + 1;
        }
        this.total[d] = (this.total[d] as number) + boost * (this.docBoost[d] as number) * raw;
      }
    }
  }
}

/** The documents the index holds: facts, their clauses and commitments, names, and Vietnam–Laos sentences. */
export function searchDocs(corpus: DocSource, given?: SavedSentences): SearchDocList {
  return runSteps(searchDocSteps(corpus, given));
}

/** The sentences of every source, back to back in `data.sources` order, with how many each has. */
export interface SavedSentences {
  sentences: readonly string[];
  counts: Int32Array;
}

/** Kinds of the documents made from a record (the rest are sentences). */
const RECORD_KINDS = [
  "event",
  "agreement",
  "clause",
  "commitment",
  "figure",
  "person",
  "province",
  "place",
  "anniversary",
] as const;
type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * A corpus's documents, each made when read: from its record (the list keeps its kind, the record's position and
 * its part) or from a kept sentence. An object and its strings for each cost about 200 bytes a document (30 MB at
 * ×1000), and a search reads only its hits.
 */
class CorpusDocs implements SearchDocList {
  constructor(
    private readonly kinds: Uint8Array,
    /** Per record document: the record's position among its kind's records at [2d], its part at [2d+1]. */
    private readonly origins: Int32Array,
    private readonly recordDoc: (kind: RecordKind, at: number, part: number) => SearchDoc,
    private readonly sentenceCount: number,
    private readonly sentenceDoc: (s: number) => SearchDoc,
  ) {}

  get length(): number {
    return this.kinds.length + this.sentenceCount;
  }

  at(d: number): SearchDoc | undefined {
    if (!(d >= 0 && d < this.length)) return undefined;
    if (d >= this.kinds.length) return this.sentenceDoc(d - this.kinds.length);
    const kind = RECORD_KINDS[this.kinds[d] as number] as RecordKind;
    return this.recordDoc(kind, this.origins[d * 2] as number, this.origins[d * 2 + 1] as number);
  }
}

/** `searchDocs` in steps, yielding every few hundred sources. */
export function* searchDocSteps(
  corpus: DocSource,
  /** The sentences as a snapshot kept them (see `SearchIndex.saved`), instead of split from the texts again. */
  given?: SavedSentences,
): Generator<void, SearchDocList> {
  const { data } = corpus;
  const both = (t: { vi: string; en: string }) => `${t.vi} ${t.en}`;
  // A record's document, made again whenever it is read (here, so the code of the snapshot key covers it).
  const recordDoc = (kind: RecordKind, at: number, part: number): SearchDoc => {
    switch (kind) {
      case "event": {
        const e = data.events[at] as CorpusData["events"][number];
        return { id: `event:${e.id}`, kind, ref: e.id, title: both(e.title), body: both(e.summary) };
      }
      case "agreement": {
        const a = data.agreements[at] as CorpusData["agreements"][number];
        return { id: `agreement:${a.id}`, kind, ref: a.id, title: both(a.title), body: both(a.docType) };
      }
      // Clauses and commitments are hits of their own, each with its own quote ("học bổng" finds the 90 scholarships).
      case "clause": {
        const a = data.agreements[at] as CorpusData["agreements"][number];
        const c = a.clauses[part] as (typeof a.clauses)[number];
        return { id: `clause:${a.id}:${part}`, kind, ref: a.id, title: "", body: both(c.text) };
      }
      case "commitment": {
        const a = data.agreements[at] as CorpusData["agreements"][number];
        const c = a.commitments[part] as (typeof a.commitments)[number];
        return { id: `commitment:${a.id}:${part}`, kind, ref: a.id, title: "", body: both(c.what) };
      }
      case "figure": {
        const f = data.figures[at] as CorpusData["figures"][number];
        return {
          id: `figure:${f.id}`,
          kind,
          ref: f.id,
          title: both(f.what),
          body: `${f.amount.value} ${f.amount.unit}`,
        };
      }
      case "person": {
        const p = data.people[at] as CorpusData["people"][number];
        return {
          id: `person:${p.id}`,
          kind,
          ref: p.id,
          title: p.name,
          body: p.roles.map((r) => both(r.title)).join(" "),
        };
      }
      case "province": {
        const p = data.provinces[at] as CorpusData["provinces"][number];
        return { id: `province:${p.id}`, kind, ref: p.id, title: both(p.name), body: p.aliases.join(" ") };
      }
      case "place": {
        const p = data.places[at] as CorpusData["places"][number];
        return { id: `place:${p.id}`, kind, ref: p.id, title: both(p.name), body: p.aliases.join(" ") };
      }
      case "anniversary": {
        const a = data.anniversaries[at] as CorpusData["anniversaries"][number];
        return { id: `anniversary:${a.id}`, kind, ref: a.id, title: both(a.name), body: a.date };
      }
    }
  };
  const kinds: number[] = [];
  const origins = new IntList();
  const add = (kind: RecordKind, at: number, part = -1) => {
    kinds.push(RECORD_KINDS.indexOf(kind));
    origins.push(at);
    origins.push(part);
  };
  let step = 0;
  const tick = () => ++step % 256 === 0;
  for (let at = 0; at < data.events.length; at++) {
    if (tick()) yield;
    add("event", at);
  }
  for (const [at, a] of data.agreements.entries()) {
    if (tick()) yield;
    add("agreement", at);
    for (let i = 0; i < a.clauses.length; i++) add("clause", at, i);
    for (let i = 0; i < a.commitments.length; i++) add("commitment", at, i);
  }
  for (let at = 0; at < data.figures.length; at++) {
    if (tick()) yield;
    add("figure", at);
  }
  for (let at = 0; at < data.people.length; at++) {
    if (tick()) yield;
    add("person", at);
  }
  // Gazetteer entries with no content (covered: false) are for name resolution, not search hits.
  for (const [at, p] of data.provinces.entries()) {
    if (tick()) yield;
    if (p.covered) add("province", at);
  }
  for (let at = 0; at < data.places.length; at++) {
    if (tick()) yield;
    add("place", at);
  }
  for (let at = 0; at < data.anniversaries.length; at++) {
    if (tick()) yield;
    add("anniversary", at);
  }
  // The same text saved under two names is split once.
  const split = new Map<string, string[]>();
  const kept: string[] = [];
  const sentenceSource = new IntList();
  const firstSentence = new Int32Array(data.sources.length);
  for (const [n, s] of data.sources.entries()) {
    if (n % 16 === 15) yield;
    let list: readonly string[] | undefined;
    if (given) {
      list = given.sentences.slice(kept.length, kept.length + (given.counts[n] as number));
    } else {
      const text = relevantText(corpus, s.file);
      list = split.get(text);
      if (!list) {
        list = sentences(text);
        split.set(text, list as string[]);
      }
    }
    firstSentence[n] = kept.length;
    for (const sentence of list) {
      kept.push(sentence);
      sentenceSource.push(n);
    }
  }
  const sourceOf = sentenceSource.array.slice(0, sentenceSource.length);
  const sentenceDoc = (at: number): SearchDoc => {
    const n = sourceOf[at] as number;
    const file = (data.sources[n] as { file: string }).file;
    const i = at - (firstSentence[n] as number);
    return {
      id: `sentence:${file}:${i}`,
      kind: "sentence",
      ref: file,
      title: "",
      body: kept[at] as string,
      source: file,
    };
  };
  return new CorpusDocs(
    Uint8Array.from(kinds),
    origins.array.slice(0, origins.length),
    recordDoc,
    kept.length,
    sentenceDoc,
  );
}

export function buildSearchIndex(corpus: DocSource): SearchIndex {
  return new SearchIndex(searchDocs(corpus));
}

/** The same, in slices that let other work run between (see CorpusIndex.build). */
export async function buildSearchIndexSliced(corpus: DocSource, pause: () => Promise<void>): Promise<SearchIndex> {
  return SearchIndex.build(await runStepsPausing(searchDocSteps(corpus), pause), pause);
}
