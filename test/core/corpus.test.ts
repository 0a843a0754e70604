import { describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/app";
import { Corpus } from "../../src/core/corpus";
import { fold } from "../../src/core/normalize";
import { loadCorpusData } from "../../src/corpus/load";

async function data() {
  const loaded = await loadCorpusData(DEFAULT_DATA_DIR);
  if (!loaded.ok) throw new Error("data/ does not load");
  return loaded;
}

/** What the indexes answer, for a spread of lookups: two builds that answer alike are alike. */
function answers(corpus: Corpus) {
  const names = [...corpus.provinceAlias.keys()];
  return {
    prefixes: ["luang", "xieng", "son", "savan", "bo", "vieng"].map((w) => [...corpus.index.provincesWithPrefix(w)]),
    places: ["moc", "phon", "nam"].map((w) => [...corpus.index.placeProvincesWithPrefix(w)]),
    suggestions: ["luang prabanng", "savanakhett", "xieng khuang", "son laa", "bokeo"].map((w) =>
      corpus.index.provinceNames.suggest(fold(w), 5),
    ),
    search: ["khau trang", "hoc sinh", "hợp tác", "Luông Pha Bang"].map((q) =>
      corpus.search
        .search(q)
        .slice(0, 20)
        .map((d) => d.id),
    ),
    anniversaries: corpus.index.anniversariesWithin("2026-01-01", 366).map((h) => h.anniversary.id),
    aliases: names.length,
  };
}

describe("a corpus built in slices", () => {
  it("answers exactly as one built at once, and pauses while it builds", async () => {
    const loaded = await data();
    const texts = new Map(loaded.texts);
    const atOnce = new Corpus(loaded.data, texts, loaded.version);
    let pauses = 0;
    const sliced = await Corpus.build(loaded.data, texts, loaded.version, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThan(5);
    expect(answers(sliced)).toEqual(answers(atOnce));
    expect(answers(atOnce).suggestions[0]).toContain("luang prabang");
  });
});
