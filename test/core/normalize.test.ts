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
  it("tight folding removes spaces so run-together spellings meet", () => {
    expect(foldTight("Luang Prabang")).toBe(foldTight("Luangprabang"));
    expect(foldTight("Xa-vẳn-na-khệt")).toBe("xavannakhet");
  });
  it("normalises no-break spaces in quotes", () => {
    expect(normalizeSpace("Ngày\u00a016/8,  diễn ra")).toBe("Ngày 16/8, diễn ra");
  });
});
