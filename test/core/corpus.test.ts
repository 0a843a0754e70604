import { describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/app";
import { Corpus } from "../../src/core/corpus";
import { loadCorpusData } from "../../src/corpus/load";
import { answers } from "../support/corpus-answers";

async function data() {
  const loaded = await loadCorpusData(DEFAULT_DATA_DIR);
  if (!loaded.ok) throw new Error("data/ does not load");
  return loaded;
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
