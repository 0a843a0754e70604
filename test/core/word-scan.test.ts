import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SeparatorClass, splitWords } from "../../src/core/word-scan";

const bySplit = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

const units = fc.constantFrom(
  ..."aZ09 \t\n\r.,-!?…đĐơưăâêôặ\u0301\u0303\u00a0\u2007\u202f\u2028_'’“(𠀀😀𝟘𐎟\ud800\udc00٣中ß".split(""),
);
const anyText = fc
  .tuple(fc.array(units, { maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }))
  .map(([picked, any]) => picked.join("") + any);

describe("SeparatorClass", () => {
  it("splits as the regex split does, empty ends kept", () => {
    const spaceOrPunctuation = new SeparatorClass(/^[\n\r\p{Z}\p{P}]$/u);
    expect(spaceOrPunctuation.split("")).toEqual([""]);
    expect(spaceOrPunctuation.split(", a b.")).toEqual(["", "a", "b", ""]);
    fc.assert(
      fc.property(anyText, (text) => {
        expect(spaceOrPunctuation.split(text)).toEqual(text.split(/[\n\r\p{Z}\p{P}]+/u));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("splitWords", () => {
  it("gives a Vietnamese sentence's words", () => {
    expect(splitWords("Tỉnh Sơn La trao tặng 200 triệu đồng, (hỗ trợ) Lào!")).toEqual([
      "Tỉnh",
      "Sơn",
      "La",
      "trao",
      "tặng",
      "200",
      "triệu",
      "đồng",
      "hỗ",
      "trợ",
      "Lào",
    ]);
  });

  it("reads letters above the BMP as letters, and lone surrogates and symbols as separators", () => {
    expect(splitWords("a𠀀b 𝟘x \ud800y z\udc00 😀w")).toEqual(bySplit("a𠀀b 𝟘x \ud800y z\udc00 😀w"));
    expect(splitWords("a𠀀b")).toEqual(["a𠀀b"]);
  });

  it("gives what the regex split gives, for any text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(splitWords(text)).toEqual(bySplit(text));
      }),
      { numRuns: 3000 },
    );
  });
});
