// The search index against the ranking it replaced, MiniSearch with the options /search used (BM25+, title boost
// 2, AND, prefixes from 4 letters, fuzzy 0.2 from 6, sentences × 0.6), over generated documents: long lists with
// small and large gaps between documents, rare words, words repeated hundreds of times in one field, and
// diacritics. Same hits, same scores, in score order (ties in index order).
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { fold } from "../../src/core/normalize";
import { type SearchDoc, SearchIndex } from "../../src/core/search-index";

/** Park–Miller: the same documents every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const COMMON = ["hợp tác", "Việt Nam", "Lào", "hỗ trợ", "tỉnh", "province", "support", "cooperation", "2022"];
const RARE = [
  "khẩu trang",
  "Xiêng Khoảng",
  "Savannakhet",
  "scholarship",
  "học bổng",
  "bệnh viện",
  "hospital",
  "15.000",
];

function generatedDocs(count: number, next: () => number): SearchDoc[] {
  const pick = (words: readonly string[]) => words[Math.floor(next() * words.length)] as string;
  // Words of 2–9 letters from a few syllables, so prefixes and near misses meet other words.
  const syllables = ["an", "ba", "kho", "ng", "ươ", "ia", "ter", "sa", "vi", "lo"];
  const made = () => Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(syllables)).join("");
  const docs: SearchDoc[] = [];
  for (let d = 0; d < count; d++) {
    const words = (n: number) =>
      Array.from({ length: n }, () => {
        const r = next();
        return r < 0.3 ? pick(COMMON) : r < 0.305 ? pick(RARE) : made();
      });
    const body = words(Math.floor(next() * 25));
    // Now and then one word many times over: frequencies past a byte.
    if (next() < 0.02) body.push(...Array(100 + Math.floor(next() * 300)).fill(pick(COMMON)));
    const sentence = next() < 0.5;
    docs.push({
      id: `doc:${d}`,
      kind: sentence ? "sentence" : "event",
      ref: `r${d}`,
      title: sentence ? "" : words(Math.floor(next() * 6)).join(" "),
      body: body.join(next() < 0.5 ? " " : ", "),
    });
  }
  return docs;
}

function reference(docs: readonly SearchDoc[]): MiniSearch<SearchDoc> {
  const mini = new MiniSearch<SearchDoc>({
    fields: ["title", "body"],
    storeFields: ["kind"],
    processTerm: (term) => {
      const f = fold(term);
      return f.length > 0 ? f : null;
    },
    searchOptions: {
      boost: { title: 2 },
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      combineWith: "AND",
      boostDocument: (_id, _term, stored) => (stored?.kind === "sentence" ? 0.6 : 1),
    },
  });
  mini.addAll(docs);
  return mini;
}

describe("the search index ranks generated documents as MiniSearch did", () => {
  const next = random(20261129);
  const docs = generatedDocs(3000, next);
  const index = new SearchIndex(docs);
  const mini = reference(docs);
  const position = new Map(docs.map((d, i) => [d.id, i]));
  const words = docs.flatMap((d) => `${d.title} ${d.body}`.split(/[\s,]+/).filter(Boolean));
  const queries = [...COMMON, ...RARE, "khau trang", "viet nam lao", "hop tac 2022", "coopera", "suport", "hospitl"];
  for (let i = 0; i < 60; i++) {
    const word = words[Math.floor(next() * words.length)] as string;
    queries.push(word, word.slice(0, 4), `${word} ${words[Math.floor(next() * words.length)]}`);
    if (word.length >= 7) queries.push(word.slice(0, 2) + word.slice(3));
  }

  it.each(queries)("%s", (query) => {
    const expected = mini.search(query);
    const score = new Map(expected.map((r) => [r.id as string, r.score]));
    const hits = index.search(query);
    const got = hits.slice(0, hits.length).map((d) => d.id);
    expect(new Set(got)).toEqual(new Set(score.keys()));
    for (const [i, id] of got.entries()) {
      if (i === 0) continue;
      const before = got[i - 1] as string;
      const drop = (score.get(before) as number) - (score.get(id) as number);
      // Best first; equal scores (within rounding) in index order.
      if (Math.abs(drop) > 1e-9) expect(drop).toBeGreaterThan(0);
      else expect(position.get(id) as number).toBeGreaterThan(position.get(before) as number);
    }
  });

  it("meets what it is meant to test: hits, long lists, large gaps, frequencies past 255", () => {
    expect(index.search("hop tac").length).toBeGreaterThan(300);
    // A rare word's documents lie hundreds apart: gaps of two bytes and more.
    const rare = index.search("Savannakhet");
    const at = rare
      .slice(0, rare.length)
      .map((d) => position.get(d.id) as number)
      .sort((a, b) => a - b);
    expect(Math.max(...at.slice(1).map((p, i) => p - (at[i] as number)))).toBeGreaterThan(128);
    const mostRepeats = Math.max(
      ...docs.map((d) => {
        const counts = new Map<string, number>();
        for (const w of d.body.split(/[\s,]+/)) counts.set(w, (counts.get(w) ?? 0) + 1);
        return Math.max(0, ...counts.values());
      }),
    );
    expect(mostRepeats).toBeGreaterThan(255);
  });
});
