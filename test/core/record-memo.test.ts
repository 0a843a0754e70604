import { describe, expect, it } from "vitest";
import { Corpus } from "../../src/core/corpus";
import type { Lang } from "../../src/core/i18n";
import type { Province } from "../../src/core/model";
import { RecordMemo } from "../../src/core/record-memo";
import { testCore } from "../support/core";

describe("RecordMemo", () => {
  it("writes a record's text once per language and corpus, and anew for a corpus that shares the record", async () => {
    const corpus = (await testCore()).holder.get();
    const sharing = new Corpus(corpus.data, new Map());
    const written: string[] = [];
    const memo = new RecordMemo<Province, string>((c: Corpus, p: Province, lang: Lang) => {
      written.push(`${c === corpus ? "first" : "second"}:${p.id}:${lang}`);
      return `${p.name[lang]} (${c.version})`;
    });
    const [a, b] = corpus.data.provinces;
    if (!a || !b) throw new Error("the corpus has fewer than two provinces");
    expect(memo.get(corpus, a, "vi")).toBe(`${a.name.vi} (${corpus.version})`);
    expect(memo.get(corpus, a, "vi")).toBe(`${a.name.vi} (${corpus.version})`);
    expect(memo.get(corpus, a, "en")).toBe(`${a.name.en} (${corpus.version})`);
    expect(memo.get(corpus, b, "vi")).toBe(`${b.name.vi} (${corpus.version})`);
    expect(memo.get(sharing, a, "vi")).toBe(`${a.name.vi} (${sharing.version})`);
    expect(memo.get(corpus, a, "vi")).toBe(`${a.name.vi} (${corpus.version})`);
    expect(written).toEqual([
      `first:${a.id}:vi`,
      `first:${a.id}:en`,
      `first:${b.id}:vi`,
      `second:${a.id}:vi`,
      `first:${a.id}:vi`,
    ]);
  });
});
