import { beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../../src/app";
import { Corpus } from "../../../src/core/corpus";
import type { CorpusData, Province } from "../../../src/core/model";
import { fold } from "../../../src/core/normalize";
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
