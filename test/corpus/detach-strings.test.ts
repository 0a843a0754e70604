import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { DistinctStrings, detachStrings } from "../../src/corpus/detach-strings";
import { collectGarbage } from "../../src/ops/collect-garbage";

/** A YAML list of records, each with a long title: about 3 MB of text. */
function bigYaml(records: number): string {
  const lines: string[] = [];
  for (let i = 0; i < records; i++)
    lines.push(`- id: record-${i}\n  title: "Đoàn đại biểu tỉnh Sơn La số ${i} thăm Lào"`);
  return lines.join("\n");
}

function heapAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe("detachStrings", () => {
  it("keeps every value as it was, in arrays and objects at any depth", () => {
    const value = load(bigYaml(50)) as unknown[];
    const before = structuredClone(value);
    const nested = { a: [{ b: "ngắn" }, "x".repeat(40), 3, null, true, [["sâu lắm lắm lắm lắm"]]] };
    detachStrings(value);
    detachStrings(nested);
    expect(value).toEqual(before);
    expect(nested).toEqual({ a: [{ b: "ngắn" }, "x".repeat(40), 3, null, true, [["sâu lắm lắm lắm lắm"]]] });
  });

  it("lets the parsed text go: a few records kept no longer keep the whole YAML text alive", () => {
    const keep = (detach: boolean): number => {
      const base = heapAfterGc();
      let text: string | undefined = bigYaml(40_000);
      const records = load(text) as { title: string }[];
      text = undefined;
      if (detach) detachStrings(records);
      const kept = records.slice(0, 10);
      records.length = 0;
      const grown = heapAfterGc() - base;
      expect(kept).toHaveLength(10);
      return grown;
    };
    // Without the copy, ten titles hold the 2.8 MB text (two bytes a character: it has Vietnamese letters).
    expect(keep(false)).toBeGreaterThan(4_000_000);
    expect(keep(true)).toBeLessThan(500_000);
  });

  it("keeps one copy of equal strings across values adopted one after another (a reload's messages)", () => {
    const held = (adopt: boolean): number => {
      const base = heapAfterGc();
      const strings = new DistinctStrings();
      const messages: { quote: string }[][] = [];
      for (let m = 0; m < 100; m++) {
        // Each message brings its own string for the same quote, as a structured clone does.
        const message = Array.from({ length: 1000 }, (_, i) => ({
          quote: `Đoàn đại biểu tỉnh Sơn La ${i % 10}`.repeat(2),
        }));
        if (adopt) strings.adopt(message);
        messages.push(message);
      }
      const grown = heapAfterGc() - base;
      expect(messages.flat()).toHaveLength(100_000);
      return grown;
    };
    // 100,000 records of one field: their objects are the same either way; the quotes are 100,000 or 10.
    expect(held(false) - held(true)).toBeGreaterThan(5_000_000);
  });

  it("gives every array back at its exact size, the room a filled array kept to grow let go", () => {
    const held = (adopt: boolean): number => {
      const base = heapAfterGc();
      const strings = new DistinctStrings();
      let records = Array.from({ length: 50_000 }, (_, i) => {
        const sources: number[] = [];
        sources.push(i); // filled as a parser fills it: room for 16 more
        return { sources };
      });
      if (adopt) records = strings.adopt(records);
      const grown = heapAfterGc() - base;
      expect(records[49_999]?.sources).toEqual([49_999]);
      return grown;
    };
    // 50,000 lists of one item: about 136 bytes more each as filled than at their exact size.
    expect(held(false) - held(true)).toBeGreaterThan(50_000 * 100);
  });

  it("keeps plain English one byte a character, though it was read from a text with Vietnamese letters", () => {
    const lines = ["- Sơn La"];
    for (let i = 0; i < 20_000; i++)
      lines.push(`- "Delegation of Son La province number ${i} visits Laos for talks ${"x".repeat(40)}"`);
    const held = (): number => {
      const base = heapAfterGc();
      let text: string | undefined = lines.join("\n");
      const kept = detachStrings(load(text) as string[]);
      text = undefined;
      const grown = heapAfterGc() - base;
      expect(kept).toHaveLength(20_001);
      return grown;
    };
    const chars = lines.reduce((sum, line) => sum + line.length, 0);
    // One byte a character and a string header each (two bytes a character would be 2 × chars and more).
    expect(held()).toBeLessThan(chars * 1.5);
  });
});
