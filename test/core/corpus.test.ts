import { describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/app";
import { Corpus } from "../../src/core/corpus";
import { answers } from "../support/corpus-answers";
import { corpusData } from "../support/corpus-data";

async function data() {
  const loaded = await corpusData(DEFAULT_DATA_DIR);
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

describe("records by id", () => {
  it("finds every record of its own kind by id, and nothing under another kind's id", async () => {
    const loaded = await data();
    const corpus = new Corpus(loaded.data, new Map(loaded.texts), loaded.version);
    expect(loaded.data.anniversaries.length).toBeGreaterThan(0);
    for (const a of loaded.data.anniversaries) expect(corpus.anniversary(a.id)).toBe(a);
    for (const e of loaded.data.events) {
      expect(corpus.event(e.id)).toBe(e);
      expect(corpus.anniversary(e.id)).toBeUndefined();
    }
    for (const f of loaded.data.figures) expect(corpus.figure(f.id)).toBe(f);
    expect(corpus.anniversary("no-such-id")).toBeUndefined();
  });
});
