// The question index against the ranking it replaced: MiniSearch over the same fact documents, with the options
// /ask used (BM25+, title boost 1.5, OR, term boosts, fuzzy 0.2 for long plain words). Same hits, same scores;
// and the index built in slices (as a reload builds it) is the index built at once.
import MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../src/core/corpus";
import { answerQuestion } from "../../src/core/question";
import { factDocuments, QuestionIndex } from "../../src/core/question-index";
import { documentTokens } from "../../src/core/question-words";
import { testCore } from "../support/core";

const QUESTIONS = [
  "Sơn La tặng Xiêng Khoảng bao nhiêu tiền?",
  "son la tang xieng khoang bao nhieu tien",
  "how many masks did Luang Prabang receive",
  "infrastucture project worth 5 billion",
  "scholarshps for Xiangkhouang",
  "hospitl treatment for residents",
  "border defence friendship exchange with Savannakhet",
  "Xaisomboun People's Council delegation",
  "what happened in 2024",
  "15.000 khẩu trang",
  "ngày thiết lập quan hệ ngoại giao",
];

let corpus: Corpus;
let reference: MiniSearch<{ id: string; title: string; body: string }>;

beforeAll(async () => {
  corpus = (await testCore()).holder.get();
  reference = new MiniSearch({
    fields: ["title", "body"],
    tokenize: (text) => documentTokens(text),
    processTerm: (term) => term,
    searchOptions: { boost: { title: 1.5 } },
  });
  reference.addAll(factDocuments(corpus).map(({ fact, text }) => ({ id: fact.id, ...text() })));
});

describe("the question index ranks as MiniSearch did", () => {
  it.each(QUESTIONS)("%s", (question) => {
    const { terms } = answerQuestion(corpus, question);
    const keys = [...terms.keys()];
    expect(keys.length).toBeGreaterThan(0);
    const fuzzy = (term: string) => /^[a-z]{7,}$/.test(term);
    const expected = reference.search(keys.join(" "), {
      combineWith: "OR",
      tokenize: (q) => q.split(" "),
      processTerm: (t) => t,
      boostTerm: (term) => terms.get(term) ?? 1,
      fuzzy: (term) => (fuzzy(term) ? 0.2 : false),
    });
    // Every hit, unfiltered: one group holding every term, no minimum weight or coverage.
    const got = corpus.questions.match(
      keys.map((term) => ({ term, boost: terms.get(term) ?? 1, fuzzy: fuzzy(term) })),
      [keys.map((_, i) => i)],
      { strongWeight: 0, minCoverage: 0 },
    );
    const hits = [...got.ids]
      .map((d, i) => ({ id: corpus.questions.fact(d).id, score: got.scores[i] as number }))
      .sort((a, b) => b.score - a.score);
    expect(hits.length).toBe(expected.length);
    expect(hits.length).toBeGreaterThan(0);
    hits.forEach((hit, i) => {
      expect(hit.id).toBe(expected[i]?.id);
      expect(hit.score).toBeCloseTo(expected[i]?.score ?? Number.NaN, 9);
    });
  });

  it("reaches misspelt long words through the vocabulary, as MiniSearch's fuzzy match did", () => {
    const ids = answerQuestion(corpus, "infrastucture project").facts.map((f) => f.fact.id);
    expect(ids[0]).toBe("commitment:agr-xieng-khouang-son-la-2022-2024:0");
  });
});

describe("building the index", () => {
  it("in slices gives the index built at once", async () => {
    let pauses = 0;
    const sliced = await QuestionIndex.build({ data: corpus.data, index: corpus.index }, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThan(3);
    expect(sliced.data).toEqual(corpus.questions.data);
  });
});
