import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conceptsOf,
  numberGroups,
  numberGroupsFolded,
  phraseTable,
  stripMarks,
  words,
} from "../../src/core/question-words";

/** Pieces a news text is made of, and the odd ones that make folding matter (marks, surrogates, đ). */
const piece = fc.constantFrom(
  "200",
  "15.000",
  "2,5",
  "1.",
  ".5",
  ",",
  " ",
  "  ",
  "\u00a0",
  "\n",
  "triệu",
  "TRIỆU",
  "trieu",
  "tỷ",
  "ty",
  "nghìn",
  "ngàn",
  "million",
  "billions",
  "đồng",
  "VNĐ",
  "Đ",
  "ấ",
  "\u0301",
  "\u0303",
  "e\u0302",
  "İ",
  "ß",
  "Σ",
  "한",
  "𝅥",
  "😀",
  "\ud800",
  "x",
  "-",
);

describe("numberGroups", () => {
  it("reads numbers with their scale", () => {
    expect(numberGroups("Trao tặng 200 triệu đồng và 15.000 khẩu trang, 2,5 tỷ")).toEqual([
      ["n200", "n200000000"],
      ["n15000"],
      ["n2.5", "n2500000000"],
    ]);
  });

  it("gives what matching the folded text gives, for any text", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        expect(numberGroups(text)).toEqual(numberGroupsFolded(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("reads a number a combining mark stands beside as folding does", () => {
    for (const text of ["1\u03012 triệu", "1.\u03012", "5 \u0301triệu", "5 tri\u0301eu", "5 tri𝅥eu"]) {
      expect(numberGroups(text)).toEqual(numberGroupsFolded(text));
    }
    expect(numberGroups("1\u03012 triệu")).toEqual([["n12", "n12000000"]]);
  });
});

/** conceptsOf as first written: every span from the longest, joined and looked up (the phrases are its table). */
function conceptsByJoining(text: string, folded: boolean, phrases: ReadonlyMap<string, string>) {
  const ws = folded ? words(text).map(stripMarks) : words(text);
  const longest = Math.max(...[...phrases.keys()].map((k) => k.split(" ").length));
  const out: { concept: string; words: string[] }[] = [];
  for (let i = 0; i < ws.length; ) {
    let matched = 0;
    for (let n = Math.min(longest, ws.length - i); n >= 1 && matched === 0; n--) {
      const concept = phrases.get(ws.slice(i, i + n).join(" "));
      if (concept) {
        out.push({ concept, words: ws.slice(i, i + n).map(stripMarks) });
        matched = n;
      }
    }
    i += Math.max(1, matched);
  }
  return out;
}

describe("conceptsOf", () => {
  it("takes the longest phrase first", () => {
    expect(conceptsOf("Trao kỷ niệm chương nhân dịp kỷ niệm", false).map((c) => c.concept)).toEqual([
      "give",
      "medal",
      "anniversary",
    ]);
    expect(conceptsOf("chuc tet va tang khau trang", true)).toEqual([
      { concept: "tet", words: ["chuc", "tet"] },
      { concept: "give", words: ["tang"] },
      { concept: "mask", words: ["khau", "trang"] },
    ]);
  });

  it("finds what joining every span and looking it up finds", () => {
    const phraseWords = [...phraseTable(false).keys()].flatMap((p) => p.split(" "));
    const word = fc.constantFrom(...phraseWords, ...phraseWords.map(stripMarks), "và", "nhân", "dịp", "Lào", "2024");
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.boolean(), (ws, folded) => {
        const text = ws.join(" ");
        expect(conceptsOf(text, folded)).toEqual(conceptsByJoining(text, folded, phraseTable(folded)));
      }),
      { numRuns: 3000 },
    );
  });
});
