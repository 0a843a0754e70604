import { beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../src/core/corpus";
import { resolveProvince } from "../../src/core/resolve";
import { testCore } from "../support/core";

let corpus: Corpus;
beforeAll(async () => {
  corpus = (await testCore()).holder.get();
});

function idOf(input: string): string | undefined {
  const r = resolveProvince(corpus, input);
  return r.kind === "found" ? r.province.id : undefined;
}

describe("province name resolution", () => {
  it.each([
    ["Sơn La", "son-la"],
    ["son la", "son-la"],
    ["SON-LA", "son-la"],
    ["Sonla", "son-la"],
    ["tỉnh Sơn La", "son-la"],
    ["Luông Pha Bang", "luang-prabang"],
    ["Luang Prabang", "luang-prabang"],
    ["Louangphabang", "luang-prabang"],
    ["luang prabang province", "luang-prabang"],
    ["xieng khouang", "xieng-khouang"],
    ["Xiangkhouang", "xieng-khouang"],
    ["Xiêng Khoảng", "xieng-khouang"],
    ["Xaisomboun", "xaisomboun"],
    ["xay som bun", "xaisomboun"],
    ["Bokeo", "bokeo"],
    ["bò kẹo", "bokeo"],
    ["Xa-vẳn-na-khệt", "savannakhet"],
    ["quang tri", "quang-tri"],
    ["ຫຼວງພະບາງ", "luang-prabang"],
  ])("resolves %s", (input, id) => {
    expect(idOf(input)).toBe(id);
  });

  it("resolves a district to its province and says so", () => {
    const r = resolveProvince(corpus, "Moc Chau");
    expect(r.kind).toBe("found");
    if (r.kind === "found") {
      expect(r.province.id).toBe("son-la");
      expect(r.via?.id).toBe("moc-chau");
    }
  });

  it("reports ambiguity instead of guessing", () => {
    const luang = resolveProvince(corpus, "luang");
    expect(luang.kind).toBe("ambiguous");
    if (luang.kind === "ambiguous") {
      expect(luang.candidates.map((p) => p.id).sort()).toEqual(["luang-namtha", "luang-prabang"]);
    }
    const xay = resolveProvince(corpus, "xay");
    expect(xay.kind).toBe("ambiguous");
    if (xay.kind === "ambiguous") expect(xay.candidates.map((p) => p.id)).toContain("xayabury");
  });

  it("suggests the closest names for a typo", () => {
    const r = resolveProvince(corpus, "Luang Prabanng");
    expect(r.kind).toBe("unknown");
    if (r.kind === "unknown") expect(r.suggestions[0]?.id).toBe("luang-prabang");
    const s = resolveProvince(corpus, "Savanakhett");
    expect(s.kind === "unknown" && s.suggestions[0]?.id).toBe("savannakhet");
  });

  it("finds nothing for gibberish, and does not crash on empty input", () => {
    expect(resolveProvince(corpus, "qwxzv").kind).toBe("unknown");
    expect(resolveProvince(corpus, "   ").kind).toBe("unknown");
  });
});
