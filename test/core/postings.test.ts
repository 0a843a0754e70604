// The posting codec: any lists of ascending documents with their frequencies come back as given, whatever the
// gaps (0 to the largest document allowed) and frequencies (1, around a byte's 127/128 and 255/256, and far above).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodePostings, MAX_DOC, PostingsWriter, readPostings } from "../../src/core/postings";
import { runSteps } from "../../src/core/steps";

interface List {
  docs: number[];
  freqs: number[];
}

/** Gaps small, around the varint byte boundaries, and huge; the documents stay at most MAX_DOC. */
const gap = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 200 }),
  fc.constantFrom(126, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152),
  fc.integer({ min: 0, max: MAX_DOC }),
);
const freq = fc.oneof(
  fc.constant(1),
  fc.integer({ min: 1, max: 300 }),
  fc.constantFrom(63, 64, 127, 128, 254, 255, 256, 65_535, 65_536, 2 ** 31 - 1),
);
/** An ascending list (often empty or of one document), with a frequency per document. */
const list: fc.Arbitrary<List> = fc.array(fc.tuple(gap, freq), { maxLength: 40 }).map((pairs) => {
  const docs: number[] = [];
  const freqs: number[] = [];
  let last = -1;
  for (const [g, f] of pairs) {
    const doc = last + 1 + g;
    if (doc > MAX_DOC) break;
    docs.push(doc);
    freqs.push(f);
    last = doc;
  }
  return { docs, freqs };
});
const lists = fc.array(fc.oneof(list, fc.constant({ docs: [], freqs: [] }), list.map(oneOf)), { maxLength: 12 });

function oneOf(l: List): List {
  return { docs: l.docs.slice(0, 1), freqs: l.freqs.slice(0, 1) };
}

function decoded(postings: ReturnType<PostingsWriter["finish"]>, count: number): List[] {
  return Array.from({ length: count }, (_, s) => {
    const run = readPostings(postings, s);
    return { docs: [...run.docs.subarray(0, run.count)], freqs: [...run.freqs.subarray(0, run.count)] };
  });
}

describe("PostingsWriter and readPostings", () => {
  it("give back every list as written", () => {
    fc.assert(
      fc.property(lists, (given) => {
        const writer = new PostingsWriter(given.length);
        given.forEach((l, s) => {
          l.docs.forEach((doc, i) => {
            writer.add(s, doc, l.freqs[i]);
          });
        });
        const postings = writer.finish();
        expect(postings.starts.length).toBe(given.length + 1);
        expect(decoded(postings, given.length)).toEqual(given);
      }),
      { numRuns: 300 },
    );
  });

  it("keep a posting of frequency 1 and a small gap to one byte", () => {
    const writer = new PostingsWriter(1);
    for (let doc = 0; doc < 100; doc += 2) writer.add(0, doc);
    expect(writer.finish().bytes.length).toBe(50);
  });

  it("read lists of several sizes one after another (the scratch space grows)", () => {
    const writer = new PostingsWriter(3);
    const sizes = [3, 5000, 1];
    sizes.forEach((size, s) => {
      for (let doc = 0; doc < size; doc++) writer.add(s, doc * 3, (doc % 300) + 1);
    });
    const postings = writer.finish();
    sizes.forEach((size, s) => {
      const run = readPostings(postings, s);
      expect(run.count).toBe(size);
      expect(run.docs[size - 1]).toBe((size - 1) * 3);
      expect(run.freqs[size - 1]).toBe(((size - 1) % 300) + 1);
    });
  });

  it("refuse a list out of order, a document not after the last, and frequencies below 1", () => {
    const writer = new PostingsWriter(3);
    writer.add(1, 5);
    expect(() => writer.add(0, 7)).toThrow(/out of order/);
    expect(() => writer.add(1, 5)).toThrow(/not after 5/);
    expect(() => writer.add(1, 4)).toThrow(/not after 5/);
    expect(() => writer.add(3, 1)).toThrow(/out of order/);
    expect(() => writer.add(2, MAX_DOC + 1)).toThrow(/above/);
    expect(() => writer.add(2, 9, 0)).toThrow(/frequency 0/);
    expect(() => writer.add(2, 9, 1.5)).toThrow(/frequency 1.5/);
  });
});

describe("encodePostings", () => {
  it("refuses entries out of document order, out of range or with a bad frequency", () => {
    const encode = (lists: number[], docs: number[], freqs?: number[]) =>
      runSteps(
        encodePostings(2, lists.length, Int32Array.from(lists), Int32Array.from(docs), freqs && Int32Array.from(freqs)),
      );
    expect(() => encode([0, 0], [5, 5])).toThrow(/not after 5/);
    expect(() => encode([0, 2], [1, 2])).toThrow(/out of range/);
    expect(() => encode([1], [MAX_DOC + 1])).toThrow(/above/);
    expect(() => encode([1], [3], [0])).toThrow(/frequency 0/);
    expect(encode([1, 0, 1], [3, 4, 300], [1, 2, 200]).starts).toEqual(Int32Array.from([0, 2, 7]));
  });

  it("groups entries given in document order by list, each list in document order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), freq), { maxLength: 200 }),
        fc.boolean(),
        (slots, raw, withFreqs) => {
          // Entries as an index makes them: documents in order, a list at most once per document.
          const byKey = new Map<string, { slot: number; doc: number; freq: number }>();
          for (const [slot, doc, f] of raw)
            byKey.set(`${slot % slots} ${doc % 50}`, { slot: slot % slots, doc: doc % 50, freq: f });
          const entries = [...byKey.values()].sort((a, b) => a.doc - b.doc);
          const postings = runSteps(
            encodePostings(
              slots,
              entries.length,
              Int32Array.from(entries, (e) => e.slot),
              Int32Array.from(entries, (e) => e.doc),
              withFreqs ? Int32Array.from(entries, (e) => e.freq) : undefined,
            ),
          );
          const expected = Array.from({ length: slots }, (_, s) => {
            const mine = entries.filter((e) => e.slot === s);
            return { docs: mine.map((e) => e.doc), freqs: mine.map((e) => (withFreqs ? e.freq : 1)) };
          });
          expect(decoded(postings, slots)).toEqual(expected);
          // Byte for byte what the writer makes, given the same postings list by list.
          const writer = new PostingsWriter(slots);
          for (const [s, list] of expected.entries()) list.docs.forEach((d, i) => writer.add(s, d, list.freqs[i]));
          expect(postings).toEqual(writer.finish());
        },
      ),
      { numRuns: 200 },
    );
  });
});
