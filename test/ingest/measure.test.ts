// The extractor against the answer key: the five articles in data/sources/ and the records an editor built from
// them. Prints the table reported in docs/ingest.md (`npm run ingest -- --measure` prints the same).
import { beforeAll, describe, expect, it } from "vitest";
import { type ArticleScores, formatScores, measureArticle, totals } from "../../src/ingest/measure";
import { realCorpus } from "./support";

describe("extractor recall and attribution precision on the hand-built corpus", () => {
  let scores: ArticleScores[];
  beforeAll(async () => {
    const { data, texts } = await realCorpus();
    const files = data.sources.map((s) => s.file).filter((f) => f.endsWith(".txt"));
    expect(files).toHaveLength(5);
    scores = files.map((f) => measureArticle(f, data, texts));
    console.log(formatScores(scores));
  });

  it("finds at least 90% of dates (with precision), periods, provinces, people with titles, amounts", () => {
    const t = totals(scores);
    for (const key of ["dates", "periods", "provinces", "people", "amounts"] as const) {
      expect(t[key].total, key).toBeGreaterThan(0);
      expect(t[key].found / t[key].total, `${key}: missed ${t[key].missed.join("; ")}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("quotes nothing from furniture or unrelated boxes (100% attribution precision)", () => {
    const t = totals(scores);
    expect(t.attribution.total).toBeGreaterThan(50);
    expect(t.attribution.missed).toEqual([]);
  });
});
