import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, foldTight, normalizeSpace } from "../../src/core/normalize";

describe("fold", () => {
  it("folds Vietnamese diacritics, đ, case, hyphens and spaces", () => {
    expect(fold("Sơn La")).toBe("son la");
    expect(fold("SON-LA")).toBe("son la");
    expect(fold("  Xiêng   Khoảng ")).toBe("xieng khoang");
    expect(fold("Đặng Ngọc Hậu")).toBe("dang ngoc hau");
    expect(fold("Xay Sổm Bun")).toBe("xay som bun");
  });
  it("folds plain ASCII (its quick way) as the whole fold does", () => {
    const whole = (input: string) =>
      input
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .replace(/[đĐ]/g, "d")
        .toLowerCase()
        .replace(/[-‐‑–—_.,'’"“”()]+/g, " ")
        .replace(/\s+/g, " ")
        .trim();
    const letters = fc.constantFrom("a", "Z", "é", "ơ", "Đ", "ệ", "e\u0301", "-", " ", ".", "\u00a0", "ß");
    const texts = fc.oneof(fc.string({ unit: "binary-ascii" }), fc.string({ unit: letters }), fc.string());
    fc.assert(
      fc.property(texts, (text) => {
        expect(fold(text)).toBe(whole(text));
      }),
      { numRuns: 500 },
    );
    expect(fold("Luang-Prabang_(LPB).")).toBe("luang prabang lpb");
  });
  it("tight folding removes spaces so run-together spellings meet", () => {
    expect(foldTight("Luang Prabang")).toBe(foldTight("Luangprabang"));
    expect(foldTight("Xa-vẳn-na-khệt")).toBe("xavannakhet");
  });
  it("normalises no-break spaces in quotes", () => {
    expect(normalizeSpace("Ngày\u00a016/8,  diễn ra")).toBe("Ngày 16/8, diễn ra");
  });
  it("collapses white space as replacing every run with one space does", () => {
    const everyRun = (text: string) => text.replace(/[\s\u00a0\u202f\u2007]+/gu, " ").trim();
    const unit = fc.constantFrom(..."ab ơ.\t\n\r\u00a0\u202f\u2007\u2028\ufeff\u3000😀\ud800".split(""), "  ", " \n ");
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
        const text = units.join("");
        expect(normalizeSpace(text)).toBe(everyRun(text));
      }),
      { numRuns: 3000 },
    );
  });
});
