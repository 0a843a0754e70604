import { beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../src/app";
import { ask, plain, testCore } from "../support/core";

describe("/agreements", () => {
  let core: Awaited<ReturnType<typeof testCore>>;
  beforeAll(async () => {
    core = await testCore("2026-11-24");
  });

  it("lists the agreements signed and in force in 2022, labelled which, with clauses and commitments", async () => {
    const reply = await ask(core, "/agreements 2022");
    const text = plain(reply);
    expect(text).toContain(
      "Biên bản hợp tác toàn diện giai đoạn 2022 – 2024 giữa tỉnh Xiêng Khoảng và tỉnh Sơn La — ký trong năm, có hiệu lực trong năm",
    );
    expect(text).toContain("Biên bản thỏa thuận hợp tác giai đoạn 2022 – 2024 giữa tỉnh Sơn La và tỉnh Luông Pha Bang");
    expect(text).toContain("(1 dự án; 5 tỉ VNĐ)");
    expect(text).toContain("(2 khóa đào tạo; 90 suất học bổng)");
    expect(text).toContain("Đại diện ký: Sivilay Sengchalern, Đặng Ngọc Hậu");
    expect(text).toContain("đã hết hạn ngày 31/12/2024 (suy từ giai đoạn 2022 – 2024); chưa ghi nhận gia hạn");
    // The 200 million gift is not a commitment of the minutes: it is shown beside them, labelled as separate.
    expect(text).toMatch(
      /Tặng riêng nhân dịp lễ ký \(không thuộc nội dung văn bản\):\n\s+• 200 triệu VNĐ — Tiền tặng phục vụ công tác của chính quyền \(Sơn La → Xiêng Khoảng\)/,
    );
    expect(text.indexOf("Cam kết:")).toBeLessThan(text.indexOf("Tặng riêng"));
  });

  it("answers the same each time and in each language, whichever language asked first", async () => {
    const fresh = await testCore("2026-11-24");
    const first = {
      vi: plain(await ask(fresh, "/agreements 2022", "vi")),
      en: plain(await ask(fresh, "/agreements 2022", "en")),
    };
    expect(first.en).toContain("Parties: Xiangkhouang – Sơn La");
    expect(first.vi).toContain("Các bên: Xiêng Khoảng – Sơn La");
    for (const lang of ["en", "vi", "en"] as const)
      expect(plain(await ask(fresh, "/agreements 2022", lang))).toBe(first[lang]);
    // An agreement's status is said as of each core's today, over the very same corpus.
    const earlier = await createCore({ holder: fresh.holder, today: "2023-05-01" });
    expect(plain(await ask(earlier, "/agreements 2022", "en"))).toContain("Status: in force (→ 31/12/2024");
    expect(plain(await ask(fresh, "/agreements 2022", "en"))).toBe(first.en);
  });

  it("labels 2023 as in force only, and computes status against today", async () => {
    const during = await createCore({ today: "2023-05-01" });
    const text = plain(await ask(during, "/agreements 2023", "en"));
    expect(text).toContain("— in force that year");
    expect(text).not.toContain("signed that year");
    expect(text).toContain("in force (→ 31/12/2024, derived from the 2022–2024 period)");
    const before = await createCore({ today: "2021-01-01" });
    expect(plain(await ask(before, "/agreements", "en"))).toContain("not yet in force (16/08/2022)");
    // In the first year of the period but before the signing, a document is not in force yet.
    const beforeSigning = plain(await ask(await createCore({ today: "2022-08-20" }), "/agreements", "en"));
    expect(beforeSigning).toMatch(
      /Xiangkhouang[\s\S]*Status: in force[\s\S]*Luang Prabang[\s\S]*Status: not yet in force \(27\/08\/2022\)/,
    );
  });

  it("says when the signatories are not stated", async () => {
    const text = plain(await ask(core, "/agreements luang prabang", "en"));
    expect(text).toContain("Signed for the parties by: not stated");
  });

  it("filters by province, typed any way", async () => {
    const text = plain(await ask(core, "/agreements xieng khouang", "en"));
    expect(text).toContain("Xiangkhouang");
    expect(text).not.toContain("Luang Prabang –");
  });

  it("says which provinces have agreements when the one asked for has none", async () => {
    const text = plain(await ask(core, "/agreements savannakhet", "en"));
    expect(text).toContain("Provinces with agreements: Xiangkhouang, Sơn La, Luang Prabang.");
  });

  it("explains an empty year and refuses an impossible one", async () => {
    const empty = await ask(core, "/agreements 1999", "en");
    expect(plain(empty)).toContain("covering 2022–2024");
    const bad = await ask(core, "/agreements 3000", "en");
    expect(bad.error?.code).toBe("bad-argument");
    expect(plain(bad)).toContain("1900–2100");
  });
});
