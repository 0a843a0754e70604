import { deserialize, serialize } from "node:v8";
import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SourceTexts } from "../../src/core/source-texts";
import { pack, unpack } from "../../src/corpus/snapshot-pack";

const samples: [string, string][] = [
  ["000_a.txt", "Tỉnh Sơn La và tỉnh Xiêng Khoảng (Lào) ký Biên bản hợp tác.\nDòng hai."],
  ["001_b.txt", "\uFEFFa file that starts with a byte-order mark"],
  ["002_c.txt", ""],
  ["003_d.txt", "ຊຽງຂວາງ 😀 — emoji and Lao script"],
];

describe("SourceTexts", () => {
  it("keeps UTF-8 files' bytes as they are: the same texts as decoding them and storing the texts", () => {
    const files = samples.map(([name, text]) => [name, Buffer.from(text, "utf8")] as const);
    const fromBytes = SourceTexts.fromUtf8(files);
    expect([...fromBytes]).toEqual(samples);
    expect([...fromBytes]).toEqual([...SourceTexts.of(files.map(([name, bytes]) => [name, bytes.toString("utf8")]))]);
    expect(fromBytes.get("001_b.txt")?.startsWith("\uFEFF")).toBe(true);
  });

  it("gives back every text exactly, in the order given, as a Map does", () => {
    const texts = SourceTexts.of(samples);
    expect(texts.size).toBe(4);
    expect([...texts]).toEqual(samples);
    expect([...texts.keys()]).toEqual(samples.map(([n]) => n));
    expect(texts.get("001_b.txt")).toBe(samples[1]?.[1]);
    expect(texts.has("nope.txt")).toBe(false);
    expect(texts.get("nope.txt")).toBeUndefined();
    expect(new Map(texts)).toEqual(new Map(samples));
  });

  it("keeps the last text of a name given twice, as a Map does", () => {
    const texts = SourceTexts.of([...samples, ["000_a.txt", "replaced"]]);
    expect(texts.get("000_a.txt")).toBe("replaced");
    expect([...texts.values()]).toEqual(["replaced", ...samples.slice(1).map(([, t]) => t)]);
  });

  it("round-trips any well-formed text, and survives a snapshot", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string({ unit: "grapheme" })), { maxLength: 40 }), (entries) => {
        const expected = new Map(entries);
        const texts = SourceTexts.of(entries);
        expect(new Map(texts)).toEqual(expected);
        expect(new Map(SourceTexts.revive(deserialize(serialize(texts))))).toEqual(expected);
      }),
      { seed: 3, numRuns: 100 },
    );
  });

  it("compressed, gives back every text exactly, also from a snapshot, in a fraction of the bytes", () => {
    const article = "Hai tỉnh Sơn La và Luông Pha Bang thống nhất tăng cường hợp tác toàn diện. ".repeat(200);
    const texts = SourceTexts.of([...samples, ["004_e.txt", article]]);
    const compressed = texts.compressedWith((bytes) => deflateRawSync(bytes, { level: 1 }));
    expect([...compressed]).toEqual([...texts]);
    expect(compressed.get("004_e.txt")).toBe(article);
    expect(compressed.get("002_c.txt")).toBe("");
    expect(compressed.get("nope.txt")).toBeUndefined();
    expect(compressed.compressedWith(() => new Uint8Array(0))).toBe(compressed);
    const bytesOf = (t: SourceTexts) => (t as unknown as { bytes: Uint8Array }).bytes.length;
    expect(bytesOf(compressed)).toBeLessThan(bytesOf(texts) / 5);
    const restored = SourceTexts.revive(unpack(deserialize(serialize(pack(compressed)))));
    expect([...restored]).toEqual([...texts]);
  });

  it("takes texts compressed elsewhere file by file, as compressedWith makes them", () => {
    const files = samples.map(
      ([name, text]) => [name, deflateRawSync(Buffer.from(text, "utf8"), { level: 1 })] as const,
    );
    const texts = SourceTexts.fromCompressed(files);
    expect([...texts]).toEqual(samples);
    expect(texts.compressedWith(() => new Uint8Array(0))).toBe(texts);
  });
});
