import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitWords } from "../../src/core/word-scan";

const bySplit = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

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
    const units = fc.constantFrom(
      ..."aZ09 \t\n.,-đĐơưăâêôặ\u0301\u0303\u00a0\u2007\u202f_'’“(𠀀😀𝟘\ud800\udc00٣中ß".split(""),
    );
    fc.assert(
      fc.property(fc.array(units, { maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }), (picked, any) => {
        const text = picked.join("") + any;
        expect(splitWords(text)).toEqual(bySplit(text));
      }),
      { numRuns: 3000 },
    );
  });
});
