// A question in plain words ("Sơn La tặng Xiêng Khoảng bao nhiêu tiền?", "what did Son La give Luang Prabang
// during covid") answered with the few facts that best match it. Ranking: BM25 over every fact's Vietnamese and
// English text and its quotes (OR over the content words, stop words dropped), concepts shared by both languages,
// numbers with their scale, and a bonus for the provinces and places the question names.
import MiniSearch from "minisearch";
import type { Corpus } from "./corpus";
import type { CitationRef, FactDate } from "./model";
import { fold } from "./normalize";
import {
  conceptsOf,
  contentWords,
  documentTokens,
  INTENT_CONCEPTS,
  numberGroups,
  RELATED,
  singular,
  stripMarks,
} from "./question-words";

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

interface FactDoc {
  id: string;
  title: string;
  body: string;
}

interface QuestionIndex {
  facts: Map<string, Fact>;
  search: MiniSearch<FactDoc>;
  /** Folded place alias → place id and its province. */
  places: Map<string, { id: string; province: string }>;
  longestName: number;
}

export interface RankedFact {
  fact: Fact;
  score: number;
}

export interface QuestionAnswer {
  facts: RankedFact[];
  /** Provinces the question names, in the order named. */
  provinces: string[];
  places: string[];
  /** The content words that were looked for (after stop words). */
  terms: Map<string, number>;
}

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

function collectFacts(corpus: Corpus): { fact: Fact; doc: FactDoc }[] {
  const out: { fact: Fact; doc: FactDoc }[] = [];
  const { data } = corpus;
  const quotes = (refs: readonly CitationRef[]) => refs.map((r) => r.quote).join("\n");
  const eventTitle = (id: string | undefined) => {
    const e = id ? data.events.find((x) => x.id === id) : undefined;
    return e ? both(e.title) : "";
  };
  for (const e of data.events) {
    out.push({
      fact: {
        id: `event:${e.id}`,
        kind: "event",
        ref: e.id,
        provinces: e.provinces,
        places: e.places,
        sources: e.sources,
        years: yearsOf(e.date),
      },
      doc: {
        id: `event:${e.id}`,
        title: both(e.title),
        body: `${both(e.summary)}\n${quotes(e.sources)}\n${years(e.date)}`,
      },
    });
  }
  const kindWords: Record<string, string> = {
    gift: "tặng gift",
    aid: "hỗ trợ aid",
    cash: "tiền mặt cash",
    students: "học sinh students",
    delegations: "đoàn delegations",
  };
  for (const f of data.figures) {
    const fact: Fact = {
      id: `figure:${f.id}`,
      kind: "figure",
      ref: f.id,
      provinces: [f.from, f.to],
      places: [],
      from: f.from,
      to: f.to,
      sources: f.sources,
      years: yearsOf(f.date),
    };
    const amount = `${f.amount.value} ${f.amount.unit === "VND" ? "VNĐ VND" : f.amount.unit}`;
    out.push({
      fact,
      doc: {
        id: fact.id,
        title: `${both(f.what)}\n${kindWords[f.kind] ?? ""}`,
        body: `${amount}\n${quotes(f.sources)}\n${eventTitle(f.event)}\n${years(f.date)}`,
      },
    });
  }
  for (const a of data.agreements) {
    const base = { provinces: a.parties, places: [] as string[] };
    out.push({
      fact: {
        id: `agreement:${a.id}`,
        kind: "agreement",
        ref: a.id,
        ...base,
        sources: a.sources,
        years: yearsOf(a.signed),
      },
      doc: {
        id: `agreement:${a.id}`,
        title: both(a.title),
        body: `${both(a.docType)}\n${quotes(a.sources)}\n${a.period ? `${a.period.from} ${a.period.to}` : ""}`,
      },
    });
    a.clauses.forEach((c, i) => {
      const id = `clause:${a.id}:${i}`;
      out.push({
        fact: { id, kind: "clause", ref: a.id, part: i, ...base, sources: c.sources },
        doc: { id, title: both(a.docType), body: `${both(c.text)}\n${quotes(c.sources)}` },
      });
    });
    a.commitments.forEach((c, i) => {
      const id = `commitment:${a.id}:${i}`;
      const amounts = c.amounts.map((x) => `${x.value} ${x.unit === "VND" ? "VNĐ" : x.unit}`).join(" ");
      out.push({
        fact: { id, kind: "commitment", ref: a.id, part: i, ...base, from: c.by, to: c.to, sources: c.sources },
        doc: { id, title: both(a.docType), body: `${both(c.what)}\n${amounts}\n${quotes(c.sources)}` },
      });
    });
  }
  for (const p of data.people) {
    const events = p.roles.map((r) => data.events.find((e) => e.id === r.at));
    const provinces = new Set<string>(p.province ? [p.province] : []);
    for (const e of events) for (const id of e?.provinces ?? []) provinces.add(id);
    out.push({
      fact: {
        id: `person:${p.id}`,
        kind: "person",
        ref: p.id,
        provinces: [...provinces],
        places: [],
        sources: p.roles.flatMap((r) => r.sources),
      },
      doc: {
        id: `person:${p.id}`,
        title: `${p.name}\n${p.name}`,
        body: p.roles.map((r) => both(r.title)).join("\n"),
      },
    });
  }
  for (const a of data.anniversaries) {
    out.push({
      fact: {
        id: `anniversary:${a.id}`,
        kind: "anniversary",
        ref: a.id,
        provinces: [],
        places: [],
        sources: a.sources,
      },
      doc: { id: `anniversary:${a.id}`, title: both(a.name), body: `${a.date.slice(0, 4)} kỷ niệm anniversary` },
    });
  }
  return out;
}

const cache = new WeakMap<Corpus, QuestionIndex>();

/** The question index of a corpus version, built once on first use. */
export function questionIndex(corpus: Corpus): QuestionIndex {
  const known = cache.get(corpus);
  if (known) return known;
  const search = new MiniSearch<FactDoc>({
    fields: ["title", "body"],
    tokenize: (text) => documentTokens(text),
    processTerm: (term) => term,
    searchOptions: { boost: { title: 1.5 } },
  });
  const facts = new Map<string, Fact>();
  const all = collectFacts(corpus);
  for (const { fact } of all) facts.set(fact.id, fact);
  search.addAll(all.map((x) => x.doc));
  const places = new Map<string, { id: string; province: string }>();
  let longestName = 1;
  for (const p of corpus.data.places) {
    for (const name of [p.name.vi, p.name.en, ...p.aliases]) {
      const key = fold(name);
      if (key.length >= 3) places.set(key, { id: p.id, province: p.province });
    }
  }
  for (const key of [...corpus.provinceAlias.keys(), ...places.keys()]) {
    longestName = Math.max(longestName, key.split(" ").length);
  }
  const index: QuestionIndex = { facts, search, places, longestName };
  cache.set(corpus, index);
  return index;
}

/** Province and place names in the question, and the text left once they are taken out. */
function namesIn(
  corpus: Corpus,
  index: QuestionIndex,
  text: string,
): { provinces: string[]; places: string[]; rest: string } {
  // Split on spaces only, keeping each word's original spelling for the rest of the question.
  const raw = text.split(/\s+/).filter((w) => w.length > 0);
  const folded = raw.map((w) => fold(w.replace(/[^\p{L}\p{N}]+/gu, " ")));
  const provinces: string[] = [];
  const places: string[] = [];
  const used = new Set<number>();
  for (let i = 0; i < raw.length; i++) {
    for (let n = Math.min(index.longestName, raw.length - i); n >= 1; n--) {
      const key = folded
        .slice(i, i + n)
        .join(" ")
        .trim();
      if (!key) continue;
      const ids = corpus.provinceAlias.get(key);
      const place = index.places.get(key);
      if ((ids && ids.size === 1) || place) {
        if (ids && ids.size === 1) {
          const [id] = ids;
          if (id && !provinces.includes(id)) provinces.push(id);
        } else if (place && !places.includes(place.id)) {
          places.push(place.id);
        }
        for (let k = i; k < i + n; k++) used.add(k);
        i += n - 1;
        break;
      }
    }
  }
  return { provinces, places, rest: raw.filter((_, i) => !used.has(i)).join(" ") };
}

/**
 * Weighted search terms of the question's remaining words, and the groups they form: one group per thing asked
 * (a word with its folded and singular forms and its concepts, or a number), for how much of the question a
 * fact answers.
 */
function termsOf(rest: string): { terms: Map<string, number>; groups: Set<string>[]; intents: Set<string> } {
  const terms = new Map<string, number>();
  const add = (group: Set<string>, term: string, weight: number) => {
    terms.set(term, Math.max(terms.get(term) ?? 0, weight));
    group.add(term);
  };
  // Typed with diacritics: words as typed count fully, their folded forms (which may be other words) a little.
  const marked = stripMarks(rest) !== rest.toLowerCase();
  const byWord = new Map<string, Set<string>>();
  for (const { word, folded } of contentWords(rest)) {
    const group = byWord.get(folded) ?? new Set<string>();
    byWord.set(folded, group);
    if (marked && word !== folded) {
      add(group, `=${word}`, 1);
      add(group, folded, 0.3);
    } else {
      add(group, folded, 1);
    }
    const s = singular(folded);
    if (s) add(group, s, 0.8);
  }
  const groups = [...byWord.values()];
  const intents = new Set<string>();
  for (const { concept, words } of conceptsOf(rest, !marked)) {
    if (INTENT_CONCEPTS.has(concept)) {
      intents.add(concept);
      continue;
    }
    // The concept joins the group of each content word it spans ("hỗ trợ" → both words), or is a group alone.
    const own = words.map((w) => byWord.get(w)).filter((g): g is Set<string> => g !== undefined);
    if (own.length === 0) {
      const group = new Set<string>();
      groups.push(group);
      own.push(group);
    }
    for (const group of own) {
      add(group, `c:${concept}`, 1.5);
      for (const r of RELATED[concept] ?? []) add(group, `c:${r}`, 0.6);
    }
  }
  for (const numbers of numberGroups(rest)) {
    const group = new Set<string>();
    for (const n of numbers) add(group, n, 2);
    groups.push(group);
  }
  return { terms, groups, intents };
}

/** The best `limit` facts for a question, most relevant first; none when nothing in the corpus matches. */
export function answerQuestion(corpus: Corpus, question: string, limit = 3): QuestionAnswer {
  const index = questionIndex(corpus);
  const { provinces, places, rest } = namesIn(corpus, index, question);
  const { terms, groups, intents } = termsOf(rest);
  const asked = [...terms.keys()]
    .map((t) => (/^n\d{4}$/.test(t) ? Number(t.slice(1)) : 0))
    .filter((y) => y >= 1900 && y <= 2100);
  const scored = new Map<string, number>();
  if (terms.size > 0) {
    const hits = index.search.search([...terms.keys()].join(" "), {
      combineWith: "OR",
      tokenize: (q) => q.split(" "),
      processTerm: (t) => t,
      boostTerm: (term) => terms.get(term) ?? 1,
      fuzzy: (term) => (/^[a-z]{7,}$/.test(term) ? 0.2 : false),
    });
    // A hit through folded forms alone ("bóng" finding "bổng") is not a hit when the question has diacritics.
    // A fact must also answer a good part of what was asked: one common word ("giá" in "giá vàng hôm nay")
    // is not an answer.
    const covered = (matched: readonly string[]) =>
      groups.filter((g) => matched.some((t) => g.has(t))).length / Math.max(1, groups.length);
    const real = hits.filter(
      (h) => h.queryTerms.some((t) => (terms.get(t) ?? 0) >= 0.5) && covered(h.queryTerms) >= MIN_COVERAGE,
    );
    const top = real[0]?.score ?? 0;
    for (const h of real) scored.set(String(h.id), h.score / (top || 1));
  } else if (provinces.length > 0 || places.length > 0) {
    // Only names: every fact about them is a candidate, ranked by the bonuses below.
    for (const id of index.facts.keys()) scored.set(id, 0);
  }
  const ranked: RankedFact[] = [];
  for (const [id, base] of scored) {
    const fact = index.facts.get(id);
    if (!fact) continue;
    let score = base;
    if (provinces.length > 0) {
      const shared = provinces.filter((p) => fact.provinces.includes(p)).length;
      // Squared, so a fact about all the provinces named beats one about only some of them; the text match of a
      // fact about other provinces counts for less.
      const share = (shared / provinces.length) ** 2;
      score = score * (0.5 + 0.5 * share) + 0.8 * share;
      // "Sơn La gave Luông Pha Bang": the giver named first.
      if (provinces.length >= 2 && fact.from === provinces[0] && fact.to === provinces[1]) score += 0.1;
      if (shared === 0 && terms.size === 0) continue;
    }
    if (places.length > 0) {
      const here = places.filter((p) => fact.places.includes(p)).length;
      score += (0.5 * here) / places.length;
      if (here === 0 && terms.size === 0 && provinces.length === 0) continue;
    }
    // "in 2024": what is dated that year comes before what only mentions it.
    if (asked.length > 0 && asked.some((y) => fact.years?.includes(y))) score += 1;
    if (intents.has("who") && fact.kind === "person") score += 0.3;
    if (intents.has("howMany") && (fact.kind === "figure" || fact.kind === "commitment")) score += 0.15;
    ranked.push({ fact, score });
  }
  ranked.sort((a, b) => b.score - a.score || kindOrder(a.fact) - kindOrder(b.fact));
  const best = ranked[0]?.score ?? 0;
  // A few facts that are nearly as good as the best one; a weak tail is noise.
  const facts = ranked.filter((r) => r.score >= best * 0.5).slice(0, limit);
  return { facts, provinces, places, terms };
}

/** The share of the question's term weight a fact must match to count as an answer. */
const MIN_COVERAGE = 0.4;

const KIND_ORDER: readonly FactKind[] = [
  "figure",
  "event",
  "commitment",
  "agreement",
  "clause",
  "person",
  "anniversary",
];
const kindOrder = (f: Fact) => KIND_ORDER.indexOf(f.kind);

/** How strongly a piece of text matches the question's terms (for choosing which quote or sentence to show). */
export function overlap(text: string, terms: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const token of new Set(documentTokens(text))) sum += terms.get(token) ?? 0;
  return sum;
}
