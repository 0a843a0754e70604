// A question in plain words ("Sơn La tặng Xiêng Khoảng bao nhiêu tiền?", "what did Son La give Luang Prabang
// during covid") answered with the few facts that best match it. Ranking: BM25 over every fact's Vietnamese and
// English text and its quotes (OR over the content words, stop words dropped), concepts shared by both languages,
// numbers with their scale, and a bonus for the provinces and places the question names.
import type { Corpus } from "./corpus";
import { fold } from "./normalize";
import { type Fact, KIND_ORDER, type QueryTerm, type QuestionIndex } from "./question-index";
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

export type { Fact, FactKind } from "./question-index";

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
    for (let n = Math.min(index.data.longestName, raw.length - i); n >= 1; n--) {
      const key = folded
        .slice(i, i + n)
        .join(" ")
        .trim();
      if (!key) continue;
      const ids = corpus.provinceAlias.get(key);
      const place = index.data.places.get(key)?.[0];
      if ((ids && ids.length === 1) || place) {
        if (ids && ids.length === 1) {
          const [id] = ids;
          if (id && !provinces.includes(id)) provinces.push(id);
        } else if (place && !places.includes(place)) {
          places.push(place);
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
  const index = corpus.questions;
  if (limit <= 0) return { facts: [], provinces: [], places: [], terms: new Map() };
  const { provinces, places, rest } = namesIn(corpus, index, question);
  const { terms, groups, intents } = termsOf(rest);
  const asked = [...terms.keys()]
    .map((t) => (/^n\d{4}$/.test(t) ? Number(t.slice(1)) : 0))
    .filter((y) => y >= 1900 && y <= 2100);
  // Candidates in the order the text search listed them, with their text score relative to the best one.
  let ids: Int32Array;
  let bases: Float64Array;
  if (terms.size > 0) {
    const keys = [...terms.keys()];
    const position = new Map(keys.map((t, i) => [t, i]));
    const query: QueryTerm[] = keys.map((term) => ({
      term,
      boost: terms.get(term) ?? 1,
      fuzzy: /^[a-z]{7,}$/.test(term),
    }));
    // A hit through folded forms alone ("bóng" finding "bổng") is not a hit when the question has diacritics.
    // A fact must also answer a good part of what was asked: one common word ("giá" in "giá vàng hôm nay")
    // is not an answer.
    const matches = index.match(
      query,
      groups.map((g) => [...g].map((t) => position.get(t) ?? -1)),
      { strongWeight: 0.5, minCoverage: MIN_COVERAGE },
    );
    ids = matches.ids;
    let top = 0;
    for (const score of matches.scores) top = Math.max(top, score);
    // Relative to the best, in place (the matches are the index's scratch, read only here).
    bases = matches.scores;
    for (let i = 0; i < bases.length; i++) bases[i] = (bases[i] as number) / (top || 1);
  } else if (provinces.length > 0 || places.length > 0) {
    // Only names: every fact about them is a candidate, ranked by the bonuses below (the others are left out).
    ids = index.factsNamed(provinces.length > 0 ? provinces : places, provinces.length > 0 ? "provinces" : "places");
    bases = new Float64Array(ids.length);
  } else {
    ids = new Int32Array(0);
    bases = new Float64Array(0);
  }
  if (finalsScratch.length < ids.length) finalsScratch = new Float64Array(ids.length);
  const finals = finalsScratch;
  const kept: number[] = [];
  let best = Number.NEGATIVE_INFINITY;
  const inProvinces = provinces.length > 0 ? index.namedCounts(provinces, "provinces") : undefined;
  const atPlaces = places.length > 0 ? index.namedCounts(places, "places") : undefined;
  const inYears = asked.length > 0 ? index.namedCounts(asked, "years") : undefined;
  const { kinds, givers, receivers } = index.data;
  const [giver, receiver] = provinces.length >= 2 ? provinces : [];
  const who = intents.has("who");
  const howMany = intents.has("howMany");
  /** The fact's final score, or undefined when it is left out. */
  const rank = (i: number): number | undefined => {
    const d = ids[i] as number;
    const kind = KIND_ORDER[kinds[d] as number];
    let score = bases[i] as number;
    if (inProvinces) {
      const shared = inProvinces[d] as number;
      // Squared, so a fact about all the provinces named beats one about only some of them; the text match of a
      // fact about other provinces counts for less.
      const share = (shared / provinces.length) ** 2;
      score = score * (0.5 + 0.5 * share) + 0.8 * share;
      // "Sơn La gave Luông Pha Bang": the giver named first.
      if (giver !== undefined && givers[d] === giver && receivers[d] === receiver) score += 0.1;
      if (shared === 0 && terms.size === 0) return undefined;
    }
    if (atPlaces) {
      const here = atPlaces[d] as number;
      score += (0.5 * here) / places.length;
      if (here === 0 && terms.size === 0 && provinces.length === 0) return undefined;
    }
    // "in 2024": what is dated that year comes before what only mentions it.
    if (inYears && (inYears[d] as number) > 0) score += 1;
    if (who && kind === "person") score += 0.3;
    if (howMany && (kind === "figure" || kind === "commitment")) score += 0.15;
    return score;
  };
  const keep = (i: number) => {
    const score = rank(i);
    if (score === undefined) return;
    finals[i] = score;
    kept.push(i);
    if (score > best) best = score;
  };
  // First the facts a bonus lifts (about a province or place named, dated in a year asked) and the best text
  // match; then the others only when their text score could still reach half the best so far (below it, a fact
  // is cut anyway): at a large corpus most matches stop at one comparison.
  const lifted = (i: number) => {
    const d = ids[i] as number;
    return (
      (inProvinces !== undefined && (inProvinces[d] as number) > 0) ||
      (atPlaces !== undefined && (atPlaces[d] as number) > 0) ||
      (inYears !== undefined && (inYears[d] as number) > 0) ||
      bases[i] === 1
    );
  };
  for (let i = 0; i < ids.length; i++) if (lifted(i)) keep(i);
  const weight = inProvinces ? 0.5 : 1;
  const extra = (who ? 0.3 : 0) + (howMany ? 0.15 : 0) + (giver !== undefined ? 0.1 : 0);
  for (let i = 0; i < ids.length; i++) {
    if ((bases[i] as number) * weight + extra < best * 0.5 || lifted(i)) continue;
    keep(i);
  }
  // Best first; ties by kind, then in the text search's order (its score, then the order it found them).
  const before = (x: number, y: number) =>
    (finals[y] as number) - (finals[x] as number) ||
    (kinds[ids[x] as number] as number) - (kinds[ids[y] as number] as number) ||
    (bases[y] as number) - (bases[x] as number) ||
    x - y;
  // A few facts that are nearly as good as the best one; a weak tail is noise.
  const chosen: number[] = [];
  for (const i of kept) {
    if ((finals[i] as number) < best * 0.5) continue;
    if (chosen.length === limit && before(i, chosen[limit - 1] as number) >= 0) continue;
    let at = chosen.length;
    while (at > 0 && before(i, chosen[at - 1] as number) < 0) at--;
    chosen.splice(at, 0, i);
    if (chosen.length > limit) chosen.pop();
  }
  const facts = chosen.map((i) => ({ fact: index.fact(ids[i] as number), score: finals[i] as number }));
  return { facts, provinces, places, terms };
}

/** Final scores by candidate position, reused by every question (one runs at a time). */
let finalsScratch = new Float64Array(0);

/** The share of the question's term weight a fact must match to count as an answer. */
const MIN_COVERAGE = 0.4;

/** How strongly a piece of text matches the question's terms (for choosing which quote or sentence to show). */
export function overlap(text: string, terms: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const token of new Set(documentTokens(text))) sum += terms.get(token) ?? 0;
  return sum;
}
