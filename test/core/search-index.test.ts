// The search index as a snapshot and a loading thread hand it over: without its documents and per-query scratch.
import { deserialize, serialize } from "node:v8";
import { beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../src/core/corpus";
import { relevantText, SearchIndex, searchDocs, sentences } from "../../src/core/search-index";
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

describe("searchDocs", () => {
  it("makes each document from its record or sentence when read, in index order", () => {
    const list = searchDocs(corpus);
    expect(list.at(-1)).toBeUndefined();
    expect(list.at(list.length)).toBeUndefined();
    const docs = Array.from({ length: list.length }, (_, d) => list.at(d));
    expect(new Set(docs.map((doc) => doc?.id)).size).toBe(list.length);
    // Records first, in the order of their files (an agreement before its clauses and commitments); then
    // sentences, source by source.
    const { data } = corpus;
    const ids = (kind: string, records: readonly { id: string }[]) => records.map((r) => `${kind}:${r.id}`);
    const recordIds = [
      ...ids("event", data.events),
      ...data.agreements.flatMap((a) => [
        `agreement:${a.id}`,
        ...a.clauses.map((_, i) => `clause:${a.id}:${i}`),
        ...a.commitments.map((_, i) => `commitment:${a.id}:${i}`),
      ]),
      ...ids("figure", data.figures),
      ...ids("person", data.people),
      ...ids(
        "province",
        data.provinces.filter((p) => p.covered),
      ),
      ...ids("place", data.places),
      ...ids("anniversary", data.anniversaries),
    ];
    expect(docs.slice(0, recordIds.length).map((doc) => doc?.id)).toEqual(recordIds);
    expect(docs.slice(recordIds.length).every((doc) => doc?.kind === "sentence")).toBe(true);
    for (const doc of docs) {
      if (!doc) throw new Error("a document in range is missing");
      expect(doc.id.startsWith(`${doc.kind}:${doc.ref}`), doc.id).toBe(true);
      if (doc.kind !== "sentence") expect(corpus.byId.get(doc.ref), doc.id).toBeDefined();
    }
    const agreement = data.agreements.find((a) => a.commitments.length > 1);
    const commitment = agreement?.commitments[1];
    expect(docs.find((doc) => doc?.id === `commitment:${agreement?.id}:1`)?.body).toBe(
      `${commitment?.what.vi} ${commitment?.what.en}`,
    );
    for (const source of corpus.data.sources) {
      const mine = docs.filter((doc) => doc?.source === source.file).map((doc) => [doc?.id, doc?.body]);
      const expected = sentences(relevantText(corpus, source.file)).map((body, i) => [
        `sentence:${source.file}:${i}`,
        body,
      ]);
      expect(mine).toEqual(expected);
    }
    const event = corpus.data.events[0];
    const first = docs.find((doc) => doc?.id === `event:${event?.id}`);
    expect(first?.title).toBe(`${event?.title.vi} ${event?.title.en}`);
  });

  it("gives the same documents from the sentences a snapshot keeps", () => {
    const saved = corpus.search.saved(corpus.data.sources).sentences;
    expect(saved.sentences.length).toBeGreaterThan(0);
    expect(SearchIndex.withDocs(corpus.search.withoutDocs(), searchDocs(corpus, saved)).docs).toEqual(
      corpus.search.docs,
    );
  });
});
