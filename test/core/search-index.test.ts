// The search index as a snapshot and a loading thread hand it over: without its documents and per-query scratch.
import { deserialize, serialize } from "node:v8";
import { beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../src/core/corpus";
import { SearchIndex } from "../../src/core/search-index";
import { testCore } from "../support/core";

let corpus: Corpus;

beforeAll(async () => {
  corpus = (await testCore()).holder.get();
});

const QUERIES = ["khau trang", "khẩu trang", "Sơn La", "xieng khouang", "hỗ trợ", "covid", "khau", "bóng đá", "200"];

/** Each query's hits, best first, by document id. */
const answers = (index: SearchIndex) =>
  QUERIES.map((q) => {
    const hits = index.search(q);
    return hits.slice(0, hits.length).map((d) => d.id);
  });

describe("SearchIndex.withoutDocs / withDocs", () => {
  it("saves no per-query scratch array (nothing per document beyond the index itself)", () => {
    const n = corpus.search.documentCount;
    const saved = corpus.search.withoutDocs() as Record<string, unknown>;
    for (const field of ["docs", "termIds", "matched", "total", "stamp"]) expect(saved[field], field).toBeUndefined();
    // What is left per document: its field lengths and boost, nothing else of that size.
    const perDocument = Object.entries(saved)
      .filter(([, v]) => ArrayBuffer.isView(v) && (v as Uint8Array).length >= n && (v as Uint8Array).length <= n * 2)
      .map(([k]) => k)
      .sort();
    expect(perDocument).toEqual(["docBoost", "fieldLength"]);
  });

  it("answers as the built index after a trip through v8's serializer, query after query", () => {
    expect(corpus.search.documentCount).toBeGreaterThan(0);
    const expected = answers(corpus.search);
    expect(expected[0]?.length).toBeGreaterThan(0);
    const revived = SearchIndex.withDocs(deserialize(serialize(corpus.search.withoutDocs())), corpus.search.docs);
    // Twice: a query must leave the scratch as it found it.
    expect(answers(revived)).toEqual(expected);
    expect(answers(revived)).toEqual(expected);
  });
});
