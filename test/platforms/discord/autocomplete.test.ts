import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../../src/app";
import { Corpus } from "../../../src/core/corpus";
import type { CorpusData, Province } from "../../../src/core/model";
import { fold, foldTight } from "../../../src/core/normalize";
import { provinceChoices } from "../../../src/platforms/discord/autocomplete";

let corpus: Corpus;
beforeAll(async () => {
  corpus = (await createCore({ today: "2026-11-24" })).holder.get();
});

/** The province a choice's value resolves to, the way the core resolves typed names. */
function resolved(value: string): string[] {
  return [...(corpus.provinceAlias.get(fold(value)) ?? [])];
}

describe("province autocomplete", () => {
  it("offers Sơn La first for “son”, with its Vietnamese name as the value", () => {
    const choices = provinceChoices(corpus, "son", "vi");
    expect(choices[0]?.value).toBe("Sơn La");
    expect(choices[0]?.name).toContain("Sơn La");
    expect(resolved(choices[0]?.value ?? "")).toEqual(["son-la"]);
  });

  it("ignores diacritics, case and hyphens", () => {
    for (const typed of ["SƠN", "sơn-la", "Son La", "sonla"]) {
      expect(provinceChoices(corpus, typed, "en")[0]?.value, typed).toBe("Sơn La");
    }
  });

  it("matches aliases: other spellings, old names and Lao script", () => {
    const houaphanh = corpus.province("houaphanh")?.name.vi;
    const xieng = corpus.province("xieng-khouang")?.name.vi;
    expect(provinceChoices(corpus, "sam nua", "vi")[0]?.value).toBe(houaphanh);
    expect(provinceChoices(corpus, "Houaphan", "en")[0]?.value).toBe(houaphanh);
    expect(provinceChoices(corpus, "ຊຽງຂວາງ", "vi")[0]?.value).toBe(xieng);
  });

  it("lists each matching province once, and only those", () => {
    const values = provinceChoices(corpus, "luang", "en").map((c) => c.value);
    expect(new Set(values).size).toBe(values.length);
    expect(values.map((v) => resolved(v)[0]).sort()).toEqual(["luang-namtha", "luang-prabang"]);
  });

  it("shows English names first to English users", () => {
    const [first] = provinceChoices(corpus, "luang prabang", "en");
    expect(first?.name.startsWith(corpus.province("luang-prabang")?.name.en ?? "?")).toBe(true);
    expect(first?.value).toBe(corpus.province("luang-prabang")?.name.vi);
  });

  it("answers nothing for an unknown name and survives hostile input", () => {
    expect(provinceChoices(corpus, "zzzz-no-such-place", "vi")).toEqual([]);
    const hostile = provinceChoices(corpus, `${"<@everyone> ".repeat(2000)}`, "vi");
    expect(hostile.length).toBeLessThanOrEqual(25);
  });

  it("never offers more than 25 choices, names and values within 100 characters", () => {
    const base = corpus.data.provinces[0] as Province;
    const many: Province[] = Array.from({ length: 40 }, (_, i) => ({
      ...base,
      id: `tinh-${i}`,
      name: { vi: `Tỉnh Thử ${i} ${"dài ".repeat(40)}`, en: `Test Province ${i}` },
      aliases: [],
    }));
    const data: CorpusData = { ...corpus.data, provinces: many };
    const big = new Corpus(data, corpus.texts);
    for (const typed of ["", "tinh", "thu"]) {
      const choices = provinceChoices(big, typed, "vi");
      expect(choices.length).toBe(25);
      for (const c of choices) {
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
  });
});

/** The ranking as first written: every name folded at every keystroke. The index-backed one must rank the same. */
function scoredAtEveryKeystroke(typed: string): { id: string; s: number }[] {
  const query = fold(typed.slice(0, 100));
  const tight = query.replace(/ /g, "");
  const out: { id: string; s: number; key: string; covered: boolean }[] = [];
  for (const p of corpus.data.provinces) {
    const names = [p.name.vi, p.name.en];
    const all = [...names, p.id, ...p.aliases];
    const folded = all.map(fold);
    const tights = all.map(foldTight);
    let s: number | undefined;
    if (!query) s = 5;
    else if (folded.includes(query) || tights.includes(tight)) s = 0;
    else if (names.some((n) => fold(n).startsWith(query) || foldTight(n).startsWith(tight))) s = 1;
    else if (folded.some((a) => a.startsWith(query)) || tights.some((a) => a.startsWith(tight))) s = 2;
    else if (folded.some((a) => a.split(" ").some((w) => w.startsWith(query)))) s = 3;
    else if (folded.some((a) => a.includes(query)) || tights.some((a) => a.includes(tight))) s = 4;
    if (s !== undefined) out.push({ id: p.id, s, key: fold(p.name.vi), covered: p.covered });
  }
  out.sort(
    (a, b) => a.s - b.s || Number(b.covered) - Number(a.covered) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return out.slice(0, 25).map(({ id, s }) => ({ id, s }));
}

describe("province autocomplete over names folded once", () => {
  it("ranks exactly as folding every name at every keystroke did", () => {
    const names = corpus.data.provinces.flatMap((p) => [p.name.vi, p.name.en, p.id, ...p.aliases]);
    // Prefixes, middles and misspellings of real names, and anything at all.
    const typed = fc.oneof(
      fc
        .tuple(fc.constantFrom(...names), fc.nat(), fc.nat())
        .map(([n, a, b]) => n.slice(Math.min(a, b) % (n.length + 1), Math.max(a, b) % (n.length + 1) || undefined)),
      fc.tuple(fc.constantFrom(...names), fc.nat(), fc.nat()).map(([n, cut, space]) => {
        // A prefix with a space put anywhere in it, upper-cased after the space.
        const prefix = n.slice(0, (cut % n.length) + 1);
        const at = space % (prefix.length + 1);
        return `${prefix.slice(0, at)} ${prefix.slice(at).toUpperCase()}`;
      }),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(typed, (text) => {
        const expected = scoredAtEveryKeystroke(text).map(({ id }) => corpus.province(id)?.name.vi);
        expect(provinceChoices(corpus, text, "vi").map((c) => c.value)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});
