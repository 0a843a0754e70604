// The index `/ask` ranks facts with, built once per corpus version (with the corpus, so no user waits for it):
// every answerable fact as a document (title, body), and an inverted index over the question words of those
// documents in flat arrays. A question costs what its terms' postings cost. Ranking is MiniSearch's, which this
// index replaced (BM25+ k 1.2, b 0.7, d 0.5; title boost 1.5; fuzzy weight 0.45, distance 0.2 × length up to 6;
// the score times the number of query terms matched), so the answers stay what they were.
//
// `QuestionIndexData` is data a snapshot can store (arrays, typed arrays, Maps of strings and numbers, the place
// names' AliasTable, saved flat); `QuestionIndex` adds the per-query scratch, and makes a fact from its record
// when one is asked for.

import { distance } from "fastest-levenshtein";
import { AliasTable } from "./alias-table";
import type { CorpusIndex } from "./corpus-index";
import { DocumentTerms } from "./document-terms";
import { gramAt, gramTableCode, sortedGrams } from "./gram-table";
import { grown, IntList } from "./int-list";
import type { CitationRef, CorpusData, FactDate } from "./model";
import { fold } from "./normalize";
import { encodePostings, type Postings, postingsCode, readPostings } from "./postings";
import { questionWordsCode } from "./question-words";
import { byCodeUnits, sortSteps } from "./sort-steps";
import { runSteps, runStepsPausing } from "./steps";
import { trigramSet } from "./trigrams";

export type FactKind = "event" | "figure" | "agreement" | "clause" | "commitment" | "person" | "anniversary";

/** One answerable fact: a record, or one clause or commitment of an agreement. */
export interface Fact {
  id: string;
  kind: FactKind;
  /** The record id (for `/source`). */
  ref: string;
  /** Position of a clause or commitment in its agreement. */
  part?: number;
  provinces: readonly string[];
  places: readonly string[];
  /** Giver and receiver, where the fact has a direction. */
  from?: string;
  to?: string;
  sources: readonly CitationRef[];
  /** Years the fact's own date spans (an event, a figure, a signing). */
  years?: readonly number[];
}

/** A fact as the index reads it: a title (boosted) and a body, written only when tokenized (not on a restore). */
export interface FactDoc {
  fact: Fact;
  text(): { title: string; body: string };
}

export interface QuestionIndexData {
  /**
   * Where fact d (in the order MiniSearch was given them) comes from: its record's position among its kind's
   * records at [2d], its part (a clause's or commitment's position, else −1) at [2d+1]; its kind is `kinds[d]`.
   * A fact is made from its record when asked for (`fact(d)`), not kept: an object each was 15 MB at ×1000.
   */
  factOrigin: Int32Array;
  /** Vocabulary; a term's id is its position. */
  terms: string[];
  /**
   * Term ids in their terms' code-unit order, for finding a term by binary search: no Map of every term to fill
   * on each restore and keep (100,000 terms at ×1000).
   */
  termOrder: Int32Array;
  /** Postings of term t in field f (0 title, 1 body): list 2t + f, docs ascending (see postings.ts). */
  postings: Postings;
  /** BM25's length norm of fact d's field f at [2d+f]: k × (1 − b + b × distinct terms ÷ their average). */
  norms: Float64Array;
  /**
   * Trigrams of the terms a fuzzy query word can reach (six letters and more), sorted (gram-table.ts), and the ids
   * of the terms holding trigram g, ascending: `gramTerms[gramStarts[g] … gramStarts[g + 1]]` (one flat list).
   */
  gramKeys: Float64Array;
  gramStarts: Int32Array;
  gramTerms: Int32Array;
  /** Folded place name or alias → [place id], sorted (no Map of every alias to fill on each restore and keep). */
  places: AliasTable;
  /** The most words a province or place name has. */
  longestName: number;
  /** Facts (ascending) about a province, and at a place: the candidates of a question that only names them. */
  factsByProvince: Map<string, Int32Array>;
  factsByPlace: Map<string, Int32Array>;
  /** Facts (ascending) whose own date spans a year: "in 2024" ranks them first. */
  factsByYear: Map<number, Int32Array>;
  /** Per fact, flat (one shape, cheap to read for thousands of candidates): its kind's rank in `KIND_ORDER`,
   *  and its giver and receiver ("" when it has no direction). */
  kinds: Uint8Array;
  givers: string[];
  receivers: string[];
}

/** Kinds in the order a tie puts them: a figure says most, an anniversary least. */
export const KIND_ORDER: readonly FactKind[] = [
  "figure",
  "event",
  "commitment",
  "agreement",
  "clause",
  "person",
  "anniversary",
];

/** What the index needs from a corpus being built. */
export interface QuestionSource {
  data: Readonly<CorpusData>;
  index: Pick<CorpusIndex, "eventById" | "provinceAlias">;
}

const FIELD_BOOST = [1.5, 1];
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const FUZZY_WEIGHT = 0.45;
const FUZZY = 0.2;
const MAX_FUZZY = 6;
/** A fuzzy query word has seven letters or more, so the terms it can reach have six or more. */
const SHORTEST_FUZZY_TERM = 6;

const both = (t: { vi: string; en: string }) => `${t.vi}\n${t.en}`;

/** Every year a dated fact spans, so "2021" finds what happened during 2019–2022. */
function yearsOf(date: FactDate): number[] {
  if (!date.value) return [];
  const from = Number(date.value.slice(0, 4));
  const to = date.until ? Number(date.until.slice(0, 4)) : from;
  const out: number[] = [];
  for (let y = from; y <= to && out.length < 50; y++) out.push(y);
  return out;
}
const years = (date: FactDate) => yearsOf(date).join(" ");

const KIND_WORDS: Record<string, string> = {
  gift: "tặng gift",
  aid: "hỗ trợ aid",
  cash: "tiền mặt cash",
  students: "học sinh students",
  delegations: "đoàn delegations",
};

const quotes = (refs: readonly CitationRef[]) => refs.map((r) => r.quote).join("\n");

/**
 * The fact at position `at` of its kind's records (`part`: a clause's or commitment's position in its agreement,
 * else −1) and its document. Made when the index is built, and again when a fact is asked for (`fact(i)`).
 */
function factDoc({ data, index }: QuestionSource, kind: FactKind, at: number, part: number): FactDoc {
  switch (kind) {
    case "event": {
      const e = data.events[at] as CorpusData["events"][number];
      return {
        fact: {
          id: `event:${e.id}`,
          kind,
          ref: e.id,
          provinces: e.provinces,
          places: e.places,
          sources: e.sources,
          years: yearsOf(e.date),
        },
        text: () => ({ title: both(e.title), body: `${both(e.summary)}\n${quotes(e.sources)}\n${years(e.date)}` }),
      };
    }
    case "figure": {
      const f = data.figures[at] as CorpusData["figures"][number];
      const amount = `${f.amount.value} ${f.amount.unit === "VND" ? "VNĐ VND" : f.amount.unit}`;
      const event = f.event ? index.eventById.get(f.event) : undefined;
      return {
        fact: {
          id: `figure:${f.id}`,
          kind,
          ref: f.id,
          provinces: [f.from, f.to],
          places: [],
          from: f.from,
          to: f.to,
          sources: f.sources,
          years: yearsOf(f.date),
        },
        text: () => ({
          title: `${both(f.what)}\n${KIND_WORDS[f.kind] ?? ""}`,
          body: `${amount}\n${quotes(f.sources)}\n${event ? both(event.title) : ""}\n${years(f.date)}`,
        }),
      };
    }
    case "agreement": {
      const a = data.agreements[at] as CorpusData["agreements"][number];
      return {
        fact: {
          id: `agreement:${a.id}`,
          kind,
          ref: a.id,
          provinces: a.parties,
          places: [],
          sources: a.sources,
          years: yearsOf(a.signed),
        },
        text: () => ({
          title: both(a.title),
          body: `${both(a.docType)}\n${quotes(a.sources)}\n${a.period ? `${a.period.from} ${a.period.to}` : ""}`,
        }),
      };
    }
    case "clause": {
      const a = data.agreements[at] as CorpusData["agreements"][number];
      const c = a.clauses[part] as (typeof a.clauses)[number];
      return {
        fact: {
          id: `clause:${a.id}:${part}`,
          kind,
          ref: a.id,
          part,
          provinces: a.parties,
          places: [],
          sources: c.sources,
        },
        text: () => ({ title: both(a.docType), body: `${both(c.text)}\n${quotes(c.sources)}` }),
      };
    }
    case "commitment": {
      const a = data.agreements[at] as CorpusData["agreements"][number];
      const c = a.commitments[part] as (typeof a.commitments)[number];
      const amounts = c.amounts.map((x) => `${x.value} ${x.unit === "VND" ? "VNĐ" : x.unit}`).join(" ");
      return {
        fact: {
          id: `commitment:${a.id}:${part}`,
          kind,
          ref: a.id,
          part,
          provinces: a.parties,
          places: [],
          from: c.by,
          to: c.to,
          sources: c.sources,
        },
        text: () => ({ title: both(a.docType), body: `${both(c.what)}\n${amounts}\n${quotes(c.sources)}` }),
      };
    }
    case "person": {
      const p = data.people[at] as CorpusData["people"][number];
      const provinces = new Set<string>(p.province ? [p.province] : []);
      for (const r of p.roles) for (const id of index.eventById.get(r.at)?.provinces ?? []) provinces.add(id);
      return {
        fact: {
          id: `person:${p.id}`,
          kind,
          ref: p.id,
          provinces: [...provinces],
          places: [],
          sources: p.roles.flatMap((r) => r.sources),
        },
        text: () => ({ title: `${p.name}\n${p.name}`, body: p.roles.map((r) => both(r.title)).join("\n") }),
      };
    }
    case "anniversary": {
      const a = data.anniversaries[at] as CorpusData["anniversaries"][number];
      return {
        fact: { id: `anniversary:${a.id}`, kind, ref: a.id, provinces: [], places: [], sources: a.sources },
        text: () => ({ title: both(a.name), body: `${a.date.slice(0, 4)} kỷ niệm anniversary` }),
      };
    }
  }
}

/** Where each fact comes from, in index order: its kind, its record's position and its part (−1: none). */
interface FactOrigins {
  kinds: FactKind[];
  records: number[];
  parts: number[];
}

/** Every fact's origin, yielding every few hundred records. */
function* factOrigins(data: Readonly<CorpusData>): Generator<void, FactOrigins> {
  const out: FactOrigins = { kinds: [], records: [], parts: [] };
  const add = (kind: FactKind, record: number, part = -1) => {
    out.kinds.push(kind);
    out.records.push(record);
    out.parts.push(part);
  };
  let step = 0;
  const tick = () => ++step % 256 === 0;
  for (let at = 0; at < data.events.length; at++) {
    if (tick()) yield;
    add("event", at);
  }
  for (let at = 0; at < data.figures.length; at++) {
    if (tick()) yield;
    add("figure", at);
  }
  for (const [at, a] of data.agreements.entries()) {
    if (tick()) yield;
    add("agreement", at);
    for (let i = 0; i < a.clauses.length; i++) add("clause", at, i);
    for (let i = 0; i < a.commitments.length; i++) add("commitment", at, i);
  }
  for (let at = 0; at < data.people.length; at++) {
    if (tick()) yield;
    add("person", at);
  }
  for (let at = 0; at < data.anniversaries.length; at++) {
    if (tick()) yield;
    add("anniversary", at);
  }
  return out;
}

/** Every fact of a corpus with its document, in index order. */
export function factDocuments(source: QuestionSource): FactDoc[] {
  const { kinds, records, parts } = runSteps(factOrigins(source.data));
  return kinds.map((kind, i) => factDoc(source, kind, records[i] as number, parts[i] as number));
}

function addTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** The index, as steps that yield every few hundred documents (see `Corpus.build`). */
function* buildSteps(source: QuestionSource): Generator<void, QuestionIndexData> {
  const origins = yield* factOrigins(source.data);
  const n = origins.kinds.length;
  const vocabulary = new DocumentTerms();
  // (term, field, doc, count) in document order, so each posting list comes out sorted by document.
  const entries = { term: new IntList(), doc: new IntList(), count: new IntList() };
  const fieldLength = new Uint32Array(n * 2);
  const averageFieldLength: [number, number] = [0, 0];
  for (let d = 0; d < n; d++) {
    // Tokenizing a fact with its quotes takes up to a millisecond: a few at a time, so a reload never stalls.
    if (d % 8 === 7) yield;
    const { title, body } = factDoc(
      source,
      origins.kinds[d] as FactKind,
      origins.records[d] as number,
      origins.parts[d] as number,
    ).text();
    for (let field = 0; field < 2; field++) {
      vocabulary.count(field === 0 ? title : body);
      const { distinct } = vocabulary;
      // As MiniSearch keeps it: the number of distinct tokens, and a running average over the documents.
      fieldLength[d * 2 + field] = distinct.length;
      averageFieldLength[field] = ((averageFieldLength[field] as number) * d + distinct.length) / (d + 1);
      for (let i = 0; i < distinct.length; i++) {
        const t = distinct.array[i] as number;
        entries.term.push(t * 2 + field);
        entries.doc.push(d);
        entries.count.push(Math.min(vocabulary.countOf(t), 65535));
      }
    }
  }
  const { terms, termIds } = vocabulary;
  yield;
  const sorted = yield* sortSteps([...terms], byCodeUnits);
  const termOrder = Int32Array.from(sorted, (term) => termIds.get(term) as number);
  yield;
  const postings = yield* encodePostings(
    terms.length * 2,
    entries.term.length,
    entries.term.array,
    entries.doc.array,
    entries.count.array,
  );
  yield;
  const gramLists = new Map<string, number[]>();
  for (let t = 0; t < terms.length; t++) {
    if (t % 1024 === 1023) yield;
    const term = terms[t] as string;
    if (term.length < SHORTEST_FUZZY_TERM) continue;
    for (const gram of trigramSet(term)) addTo(gramLists, gram, t);
  }
  const { keys: gramKeys, values: gramValues } = sortedGrams(gramLists);
  const gramStarts = new Int32Array(gramValues.length + 1);
  for (const [g, list] of gramValues.entries()) gramStarts[g + 1] = (gramStarts[g] as number) + list.length;
  const gramTerms = new Int32Array(gramStarts[gramValues.length] as number);
  for (const [g, list] of gramValues.entries()) gramTerms.set(list, gramStarts[g] as number);
  yield;
  const places = new Map<string, readonly string[]>();
  let step = 0;
  const tick = () => ++step % 1024 === 0;
  for (const p of source.data.places) {
    if (tick()) yield;
    // One list per place, shared by its names (the table keeps each distinct list once).
    const ids = [p.id];
    for (const name of [p.name.vi, p.name.en, ...p.aliases]) {
      const key = fold(name);
      if (key.length >= 3) places.set(key, ids);
    }
  }
  let longestName = 1;
  for (const key of [...source.index.provinceAlias.keys(), ...places.keys()]) {
    if (tick()) yield;
    longestName = Math.max(longestName, key.split(" ").length);
  }
  yield;
  const byProvince = new Map<string, number[]>();
  const byPlace = new Map<string, number[]>();
  const byYear = new Map<number, number[]>();
  const kinds = new Uint8Array(n);
  const givers: string[] = [];
  const receivers: string[] = [];
  const factOrigin = new Int32Array(n * 2);
  for (let d = 0; d < n; d++) {
    if (tick()) yield;
    const record = origins.records[d] as number;
    const part = origins.parts[d] as number;
    const { fact } = factDoc(source, origins.kinds[d] as FactKind, record, part);
    factOrigin[d * 2] = record;
    factOrigin[d * 2 + 1] = part;
    for (const p of fact.provinces) addTo(byProvince, p, d);
    for (const p of fact.places) addTo(byPlace, p, d);
    for (const y of fact.years ?? []) addTo(byYear, y, d);
    kinds[d] = KIND_ORDER.indexOf(fact.kind);
    givers.push(fact.from ?? "");
    receivers.push(fact.to ?? "");
  }
  const typed = <K>(map: Map<K, number[]>) => new Map([...map].map(([k, v]) => [k, Int32Array.from(v)] as const));
  const { k, b } = BM25;
  const norms = new Float64Array(n * 2);
  for (let i = 0; i < n * 2; i++) {
    const average = averageFieldLength[i % 2] as number;
    norms[i] = k * (1 - b + (b * (fieldLength[i] as number)) / average);
  }
  return {
    factOrigin,
    terms,
    termOrder,
    postings,
    norms,
    gramKeys,
    gramStarts,
    gramTerms,
    places: yield* AliasTable.steps(places),
    longestName,
    factsByProvince: typed(byProvince),
    factsByPlace: typed(byPlace),
    factsByYear: typed(byYear),
    kinds,
    givers,
    receivers,
  };
}

/** One query term: its weight, and whether it may match other terms a few edits away. */
export interface QueryTerm {
  term: string;
  boost: number;
  fuzzy: boolean;
}

/**
 * The facts a query matched, in the order MiniSearch listed them before sorting (first matched first). Views of
 * the index's scratch space: valid until its next query.
 */
export interface FactMatches {
  /** Fact positions. */
  ids: Int32Array;
  /** MiniSearch's score: BM25 summed over the terms, times the number of query terms matched. */
  scores: Float64Array;
}

export class QuestionIndex {
  // Per-query scratch, one slot per fact (a query runs to its end before the next starts).
  private scratch:
    | {
        total: Float64Array;
        partial: Float64Array;
        stamp: Int32Array;
        matched: Uint16Array;
        strong: Uint8Array;
        groupStamp: Int32Array;
        groups: Uint16Array;
        termStamp: Int32Array;
        order: Int32Array;
        ids: Int32Array;
        scores: Float64Array;
        hits: Int32Array;
      }
    | undefined;
  private queries = 0;
  private readonly named = {
    provinces: { counts: new Uint8Array(0), touched: [] as number[] },
    places: { counts: new Uint8Array(0), touched: [] as number[] },
    years: { counts: new Uint8Array(0), touched: [] as number[] },
  };

  /** @param source the corpus the index was built from, whose records its facts are made from */
  constructor(
    readonly data: QuestionIndexData,
    private readonly source: QuestionSource,
  ) {}

  /** What a snapshot keeps: the data (the facts are made from the records of the corpus it is revived with). */
  saved(): unknown {
    return { ...this.data, places: this.data.places.saved() };
  }

  /** An index from `saved()` and the corpus it was built from. */
  static revive(saved: unknown, source: QuestionSource): QuestionIndex {
    const data = saved as QuestionIndexData;
    return new QuestionIndex({ ...data, places: AliasTable.revive(data.places) }, source);
  }

  static of(source: QuestionSource): QuestionIndex {
    return new QuestionIndex(runSteps(buildSteps(source)), source);
  }

  /** The same index, built in slices: `pause` is awaited between steps of a few hundred documents. */
  static async build(source: QuestionSource, pause: () => Promise<void>): Promise<QuestionIndex> {
    return new QuestionIndex(await runStepsPausing(buildSteps(source), pause), source);
  }

  /** How many facts the index holds. */
  get factCount(): number {
    return this.data.kinds.length;
  }

  /** Fact d (a position from `match` or `factsNamed`), made from its record. */
  fact(d: number): Fact {
    const { kinds, factOrigin } = this.data;
    const kind = KIND_ORDER[kinds[d] as number] as FactKind;
    return factDoc(this.source, kind, factOrigin[d * 2] as number, factOrigin[d * 2 + 1] as number).fact;
  }

  /** Every fact in index order, each made afresh at every call: for checks; an answer reads `fact(d)`. */
  get facts(): readonly Fact[] {
    return Array.from({ length: this.factCount }, (_, d) => this.fact(d));
  }

  /**
   * Facts matching any of the terms (OR), kept only when they match a term weighing at least `strongWeight`
   * and at least `minCoverage` of the groups (each group a list of positions in `query`).
   */
  match(
    query: readonly QueryTerm[],
    groups: readonly (readonly number[])[],
    { strongWeight, minCoverage }: { strongWeight: number; minCoverage: number },
  ): FactMatches {
    const { data } = this;
    const n = this.factCount;
    const s = this.scratchSpace();
    const { postings, norms } = data;
    const { stamp, partial, total, matched, strong, order } = s;
    const delta = BM25.d;
    const k1 = BM25.k + 1;
    let ordered = 0;
    // The documents each query term matched, back to back in `hits` (for the coverage of the groups).
    const termHits: number[] = [0];
    let hits = s.hits;
    let hitCount = 0;
    query.forEach(({ term, boost, fuzzy }, q) => {
      const first = hitCount;
      for (const [t, weight] of this.expansions(term, fuzzy)) {
        for (let field = 0; field < 2; field++) {
          const { count: matching, docs, freqs } = readPostings(postings, t * 2 + field);
          if (matching === 0) continue;
          const idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
          const coefficient = weight * boost * (FIELD_BOOST[field] as number) * 1;
          if (hits.length < hitCount + matching) hits = s.hits = grown(hits, 0, hitCount + matching);
          for (let i = 0; i < matching; i++) {
            const doc = docs[i] as number;
            const tf = freqs[i] as number;
            const score = coefficient * (idf * (delta + (tf * k1) / (tf + (norms[doc * 2 + field] as number))));
            if (stamp[doc] !== q) {
              stamp[doc] = q;
              partial[doc] = score;
              hits[hitCount++] = doc;
            } else {
              partial[doc] = (partial[doc] as number) + score;
            }
          }
        }
      }
      const isStrong = boost >= strongWeight ? 1 : 0;
      for (let h = first; h < hitCount; h++) {
        const doc = hits[h] as number;
        if (matched[doc] === 0) order[ordered++] = doc;
        total[doc] = (total[doc] as number) + (partial[doc] as number);
        matched[doc] = (matched[doc] as number) + 1;
        strong[doc] = (strong[doc] as number) | isStrong;
      }
      termHits.push(hitCount);
    });
    const { groupStamp, groups: covered } = s;
    groups.forEach((group, g) => {
      for (const q of group) {
        const end = termHits[q + 1] ?? 0;
        for (let h = termHits[q] ?? 0; h < end; h++) {
          const doc = hits[h] as number;
          if (groupStamp[doc] === g) continue;
          groupStamp[doc] = g;
          covered[doc] = (covered[doc] as number) + 1;
        }
      }
    });
    let kept = 0;
    const groupCount = Math.max(1, groups.length);
    const { ids, scores } = s;
    for (let o = 0; o < ordered; o++) {
      const doc = order[o] as number;
      if (strong[doc] === 1 && (covered[doc] as number) / groupCount >= minCoverage) {
        ids[kept] = doc;
        scores[kept++] = (total[doc] as number) * (matched[doc] as number);
      }
      total[doc] = 0;
      partial[doc] = 0;
      stamp[doc] = -1;
      matched[doc] = 0;
      strong[doc] = 0;
      groupStamp[doc] = -1;
      covered[doc] = 0;
    }
    return { ids: ids.subarray(0, kept), scores: scores.subarray(0, kept) };
  }

  /** A query term's own term (weight 1) and, when fuzzy, the terms a few edits away (weighed by distance). */
  private expansions(term: string, fuzzy: boolean): [number, number][] {
    const { data } = this;
    const out: [number, number][] = [];
    const exact = this.termId(term);
    if (exact !== undefined) out.push([exact, 1]);
    if (!fuzzy) return out;
    const maxDistance = Math.min(MAX_FUZZY, Math.round(term.length * FUZZY));
    if (maxDistance === 0) return out;
    for (const [t, distance] of this.fuzzyTerms(term, maxDistance)) {
      const length = (data.terms[t] as string).length;
      out.push([t, (FUZZY_WEIGHT * length) / (length + distance)]);
    }
    return out;
  }

  /** A term's id, or undefined when the vocabulary does not hold it. */
  private termId(term: string): number | undefined {
    const { terms, termOrder } = this.data;
    let lo = 0;
    let hi = termOrder.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((terms[termOrder[mid] as number] as string) < term) lo = mid + 1;
      else hi = mid;
    }
    const t = termOrder[lo];
    return t !== undefined && terms[t] === term ? t : undefined;
  }

  /**
   * For each fact, how many of `names` it is about (provinces), at (places) or dated in (years), by fact position.
   * Valid until the next call for the same kind; costs what the facts about those names number, not the index.
   */
  namedCounts(names: readonly string[], kind: "provinces" | "places"): Uint8Array;
  namedCounts(names: readonly number[], kind: "years"): Uint8Array;
  namedCounts(names: readonly (string | number)[], kind: "provinces" | "places" | "years"): Uint8Array {
    const marks = this.named[kind];
    if (marks.counts.length !== this.factCount) marks.counts = new Uint8Array(this.factCount);
    for (const d of marks.touched) marks.counts[d] = 0;
    marks.touched.length = 0;
    const { factsByProvince, factsByPlace, factsByYear } = this.data;
    const by = (name: string | number) =>
      typeof name === "number"
        ? factsByYear.get(name)
        : (kind === "provinces" ? factsByProvince : factsByPlace).get(name);
    for (const name of names) {
      for (const d of by(name) ?? []) {
        if (marks.counts[d] === 0) marks.touched.push(d);
        marks.counts[d] = Math.min(255, (marks.counts[d] as number) + 1);
      }
    }
    return marks.counts;
  }

  /** Facts about at least one of these names, in index order. */
  factsNamed(names: readonly string[], kind: "provinces" | "places"): Int32Array {
    const counts = this.namedCounts(names, kind);
    return Int32Array.from(this.named[kind].touched.filter((d) => (counts[d] as number) > 0)).sort();
  }

  /**
   * Terms 1 … `maxDistance` edits from `word`. A term that close shares at least (the word's distinct trigrams −
   * 3 per edit) of them, so it holds one of any (3 × maxDistance + 1) of them: only the terms of the rarest
   * ones are measured.
   */
  private fuzzyTerms(word: string, maxDistance: number): [number, number][] {
    const { data } = this;
    const s = this.scratchSpace();
    const query = ++this.queries;
    const out: [number, number][] = [];
    const check = (t: number) => {
      if (s.termStamp[t] === query) return;
      s.termStamp[t] = query;
      const term = data.terms[t] as string;
      if (Math.abs(term.length - word.length) > maxDistance) return;
      const d = distance(word, term);
      if (d > 0 && d <= maxDistance) out.push([t, d]);
    };
    const grams = [...trigramSet(word)];
    const enough = grams.length - 3 * maxDistance;
    if (enough <= 0) {
      for (let t = 0; t < data.terms.length; t++) check(t);
      return out;
    }
    // Each trigram's range of `gramTerms`; the shortest first (a stable sort: ties keep the word's order).
    const { gramKeys, gramStarts, gramTerms } = data;
    const lists = grams
      .map((gram): [number, number] => {
        const g = gramAt(gramKeys, gram);
        return g < 0 ? [0, 0] : [gramStarts[g] as number, gramStarts[g + 1] as number];
      })
      .sort(([from, to], [otherFrom, otherTo]) => to - from - (otherTo - otherFrom))
      .slice(0, grams.length - enough + 1);
    for (const [from, to] of lists) for (let i = from; i < to; i++) check(gramTerms[i] as number);
    return out;
  }

  private scratchSpace() {
    if (!this.scratch) {
      const n = this.factCount;
      this.scratch = {
        total: new Float64Array(n),
        partial: new Float64Array(n),
        stamp: new Int32Array(n).fill(-1),
        matched: new Uint16Array(n),
        strong: new Uint8Array(n),
        groupStamp: new Int32Array(n).fill(-1),
        groups: new Uint16Array(n),
        termStamp: new Int32Array(this.data.terms.length),
        order: new Int32Array(n),
        ids: new Int32Array(n),
        scores: new Float64Array(n),
        hits: new Int32Array(1024),
      };
    }
    return this.scratch;
  }
}

/** The source of the code that builds this index: a snapshot's indexes must come from the same code. */
export function questionIndexCode(): string {
  return [
    QuestionIndex,
    buildSteps,
    factDoc,
    factOrigins,
    yearsOf,
    DocumentTerms,
    trigramSet,
    JSON.stringify({ KIND_WORDS, BM25, FIELD_BOOST }),
  ]
    .map(String)
    .concat(questionWordsCode(), postingsCode(), gramTableCode())
    .join("\n");
}
