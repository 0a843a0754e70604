// Trigrams as sorted numbers: every trigram of a table is found at the position of its value, any other is not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gramAt, gramKey, gramKeyAt, sortedGrams } from "../../src/core/gram-table";
import { trigramSet } from "../../src/core/trigrams";

/** Three UTF-16 code units, mostly from a few (so trigrams share prefixes), edges and surrogate halves included. */
const unit = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1, 0x61, 0x62, 0xff, 0x100, 0x1ef1, 0xd83d, 0xffff), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: 0xffff }), weight: 1 },
);
const gram = fc.array(unit, { minLength: 3, maxLength: 3 }).map((units) => String.fromCharCode(...units));

describe("gram table", () => {
  it("keys distinct trigrams apart, in code-unit order", () => {
    fc.assert(
      fc.property(gram, gram, (a, b) => {
        expect(gramKey(a) === gramKey(b)).toBe(a === b);
        expect(Math.sign(gramKey(a) - gramKey(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 500 },
    );
    // A code unit's whole range stays below the next unit up.
    expect(gramKey("\u0000\u0000\uffff")).toBeLessThan(gramKey("\u0000\u0001\u0000"));
    expect(gramKey("\u0000\uffff\uffff")).toBeLessThan(gramKey("\u0001\u0000\u0000"));
  });

  it("finds each trigram of a table with its value, and no other", () => {
    fc.assert(
      fc.property(fc.uniqueArray(gram, { maxLength: 60 }), fc.array(gram, { maxLength: 20 }), (grams, others) => {
        const table = new Map(grams.map((g, i) => [g, i]));
        const { keys, values } = sortedGrams(table);
        expect(values.length).toBe(grams.length);
        for (const [g, i] of table) expect(values[gramAt(keys, g)]).toBe(i);
        for (const g of others) if (!table.has(g)) expect(gramAt(keys, g)).toBe(-1);
      }),
    );
  });

  it("finds the trigrams of Vietnamese words, and refuses what is not a trigram", () => {
    const table = new Map([...trigramSet("hữu nghị"), ...trigramSet("xiengkhouang")].map((g) => [g, g]));
    const { keys, values } = sortedGrams(table);
    for (const g of trigramSet("hữu nghị")) expect(values[gramAt(keys, g)]).toBe(g);
    expect(gramAt(keys, "\u0001ng")).toBe(-1);
    expect(gramAt(keys, "ng")).toBe(-1);
    expect(gramAt(keys, "nghi")).toBe(-1);
  });

  it("keys a term's trigrams from its code units as trigramSet and gramKey do", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (term) => {
        const keys = Array.from({ length: term.length }, (_, i) => gramKeyAt(term, i));
        expect([...new Set(keys)]).toEqual([...trigramSet(term)].map(gramKey));
      }),
      { seed: 17, numRuns: 500 },
    );
  });
});
