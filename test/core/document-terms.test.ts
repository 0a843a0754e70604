import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DocumentTerms } from "../../src/core/document-terms";
import { documentTokens } from "../../src/core/question-words";

/** The counts documentTokens gives, in first-seen order (what the index was built from before). */
function countedTokens(text: string): [string, number][] {
  const counts = new Map<string, number>();
  for (const token of documentTokens(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return [...counts];
}

function counted(terms: DocumentTerms, text: string): [string, number][] {
  terms.count(text);
  const out: [string, number][] = [];
  for (let i = 0; i < terms.distinct.length; i++) {
    const t = terms.distinct.array[i] as number;
    out.push([terms.terms[t] as string, terms.countOf(t)]);
  }
  return out;
}

const word = fc.constantFrom(
  "Sơn",
  "La",
  "trao",
  "tặng",
  "trao tặng",
  "tặng",
  "khẩu trang",
  "chúc tết",
  "kỷ niệm chương",
  "students",
  "200 triệu",
  "15.000",
  "đồng",
  "VNĐ",
  "Xiêng Khoảng",
  "internationalisation",
  "hỗ trợ",
  "2024",
  ",",
  "\n",
  "😀",
);

describe("DocumentTerms", () => {
  it("counts a text's tokens as documentTokens gives them, in the order first seen", () => {
    const terms = new DocumentTerms();
    const text = "Trao tặng 200 triệu đồng; tặng khẩu trang, khẩu trang!";
    expect(counted(terms, text)).toEqual(countedTokens(text));
    expect(terms.countOf(terms.idOf("khau"))).toBe(2);
    expect(terms.countOf(terms.idOf("c:give"))).toBe(2);
  });

  it("gives ids in the order terms are first seen across texts, and forgets the last text's counts", () => {
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 15 }), { maxLength: 6 }), (texts) => {
        const terms = new DocumentTerms();
        const seen: string[] = [];
        for (const ws of texts) {
          const text = ws.join(" ");
          const expected = countedTokens(text);
          expect(counted(terms, text)).toEqual(expected);
          for (const [token] of expected) if (!seen.includes(token)) seen.push(token);
        }
        expect(terms.terms).toEqual(seen);
      }),
      { numRuns: 500 },
    );
  });
});
