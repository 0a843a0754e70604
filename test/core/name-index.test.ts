import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/app";
import { NameIndex } from "../../src/core/name-index";
import { suggestNames } from "../../src/core/suggest";
import { loadCorpus } from "../../src/corpus/load";

const loaded = await loadCorpus(DEFAULT_DATA_DIR);
if (!loaded.ok) throw new Error("data/ does not load");
const names = [...loaded.corpus.provinceAlias.keys()];
const index = new NameIndex(names);

/** A name with one letter dropped, doubled or replaced: the typos staff make. */
const typo = fc
  .tuple(
    fc.constantFrom(...names),
    fc.nat(),
    fc.constantFrom("drop", "double", "swap"),
    fc.constantFrom(..."aeiounhgk"),
  )
  .map(([name, at, kind, letter]) => {
    const i = at % name.length;
    if (kind === "drop") return name.slice(0, i) + name.slice(i + 1);
    if (kind === "double") return name.slice(0, i) + name[i] + name.slice(i);
    return name.slice(0, i) + letter + name.slice(i + 1);
  })
  .filter((s) => s.trim().length > 0);

describe("NameIndex", () => {
  it("suggests, in the same order, names a scan of every name ranks; a one-letter typo gets the scan's best", () => {
    fc.assert(
      fc.property(typo, (input) => {
        const scan = suggestNames(input, names, names.length);
        const suggested = index.suggest(input, 5);
        // Only candidates sharing trigrams are measured, so the index may leave out weak matches, never reorder.
        const positions = suggested.map((name) => scan.indexOf(name));
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        if (input.replace(/ /g, "").length >= 6) expect(suggested[0]).toBe(scan[0]);
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it("suggests the same from names in any order, and from names that leave out some tight forms", () => {
    // Sorted names holding every tight form take their order in one pass; other lists are sorted.
    const shuffled = [...names].reverse();
    const spacedOnly = names.filter((name) => name.includes(" "));
    const fromSpaced = new NameIndex(spacedOnly);
    for (const input of ["luang prabanng", "savanakhett", "xieng khuang", "sonla", "bo keo", "son", "x"]) {
      expect(new NameIndex(shuffled).suggest(input, 5)).toEqual(index.suggest(input, 5));
      expect(fromSpaced.suggest(input, 5)).toEqual(suggestNames(input, spacedOnly, spacedOnly.length).slice(0, 5));
    }
  });

  it("answers the same once saved and restored as flat arrays", async () => {
    const { deserialize, serialize } = await import("node:v8");
    // Saved without its names (the corpus index keeps them), given back on revival.
    const saved = deserialize(serialize(index.saved())) as Record<string, unknown>;
    expect(saved.names).toBeUndefined();
    const restored = NameIndex.revive(saved, [...new Set(names)]);
    for (const input of ["luang prabanng", "savanakhett", "xieng khuang", "sonla", "bo keo", "x"]) {
      expect(restored.suggest(input, 5)).toEqual(index.suggest(input, 5));
    }
    expect(index.suggest("luang prabanng", 5)).toContain("luang prabang");
  });
});
