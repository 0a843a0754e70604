import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMarked, MarkedWords, markedText } from "../../src/core/marked-words";
import { runSteps } from "../../src/core/steps";

/** Text from a small alphabet, so words repeat: letters with and without marks, đ, punctuation, white space. */
const text = fc
  .array(fc.constantFrom(..."aăâoơôuưhợtácđ-.,()’ \u00a0\n", "Hợp", "TÁC", "hợp tác", "HỢP"), { maxLength: 40 })
  .map((parts) => parts.join(""));

function indexOf(texts: { title: string; body: string }[]): MarkedWords {
  const builder = MarkedWords.builder();
  for (const t of texts) builder.add(markedText(t.title, t.body));
  return runSteps(builder.finish());
}

describe("MarkedWords", () => {
  it("finds exactly the documents whose text holds every word as typed, as reading each text does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text, body: text }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 6 })), { minLength: 1, maxLength: 3 }),
        (texts, picks) => {
          const written = texts.map((t) => markedText(t.title, t.body));
          // Words cut out of the texts (so that most are found), kept when marked and free of white space.
          const words = picks
            .map(([d, at, length]) => {
              const source = written[d % written.length] as string;
              const start = at % Math.max(1, source.length);
              return source.slice(start, start + 1 + length);
            })
            .filter((w) => w.length > 0 && !/\s/.test(w) && isMarked(w));
          const holds = indexOf(texts).holdingAll(words);
          written.forEach((t, d) => {
            expect(holds(d)).toBe(words.every((w) => t.includes(w)));
          });
        },
      ),
      { seed: 13, numRuns: 400 },
    );
  });

  it("refuses a word without marks, which it cannot answer, and finds nothing for more than 255 words", () => {
    const index = indexOf([{ title: "Hợp tác", body: "khẩu trang" }]);
    expect(index.holdingAll(["hợp", "khẩu"])(0)).toBe(true);
    expect(index.holdingAll(["hợp", "khấu"])(0)).toBe(false);
    expect(() => index.holdingAll(["trang"])).toThrow(RangeError);
    expect(index.holdingAll(Array.from({ length: 256 }, () => "hợp"))(0)).toBe(false);
  });
});
