import { beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app";
import { ask, plain, testCore } from "../support/core";

let core: Core;
beforeAll(async () => {
  core = await testCore("2026-11-24");
});

describe("/province", () => {
  it("briefs Sơn La with its partners, agreements, events newest first, commitments, figures and people", async () => {
    const reply = await ask(core, "/province son la");
    expect(reply.error).toBeUndefined();
    const text = plain(reply);
    expect(reply.title).toBe("Sơn La (Việt Nam)");
    for (const partner of ["Xiêng Khoảng", "Luông Pha Bang", "Bò Kẹo", "Xay Sổm Bun"]) expect(text).toContain(partner);
    expect(text).toContain("16/08/2022");
    expect(text).toContain("đã hết hạn 31/12/2024 (hết giai đoạn)");
    expect(text).toContain("5 tỉ VNĐ");
    expect(text).toContain("90 suất học bổng");
    expect(text).toContain("200 triệu VNĐ");
    expect(text).toContain("78 lưu học sinh");
    // Newest first, each event with its key content: the 2024 Tết visit precedes the 2022 signing, undated last.
    expect(text.indexOf("26/01/2024*")).toBeLessThan(text.indexOf("16/08/2022* — Ký Biên bản"));
    expect(text.indexOf("16/08/2022* — Ký Biên bản")).toBeLessThan(text.indexOf("không rõ ngày"));
    expect(text).toContain("2 máy thở, 15.000 khẩu trang y tế");
    expect(text).toContain("* Năm được suy ra");
    // The gift at the signing sits beside that agreement, labelled as separate from its text.
    expect(text).toMatch(
      /Biên bản hợp tác toàn diện 2022 – 2024, với Xiêng Khoảng[^\n]*\n(?:[^\n]*Cam kết[^\n]*\n)*[^\n]*Tặng riêng nhân dịp lễ ký, không thuộc nội dung văn bản: 200 triệu VNĐ/,
    );
    // People met are the other side's, with the title held at the time.
    expect(text).toContain("Sivilay Sengchalern — Phó Chủ tịch tỉnh Xiêng Khoảng (16/08/2022)");
    expect(text).not.toContain("Lò Minh Hùng — ");
  });

  it("cites every fact and lists the sources, each quote present in its article", async () => {
    const reply = await ask(core, "/province Xiêng Khoảng");
    expect(reply.citations.length).toBeGreaterThan(3);
    const corpus = core.holder.get();
    for (const c of reply.citations) {
      const text = (corpus.texts.get(c.source) ?? "").replace(/\s+/g, " ");
      expect(text).toContain(c.quote.replace(/\s+/g, " "));
    }
    const cited = new Set(
      reply.blocks.flatMap((b) => (b.kind === "list" ? b.items.flatMap((i) => i.cites ?? []) : [])),
    );
    expect(cited.size).toBeGreaterThan(3);
    for (const n of cited) expect(reply.citations.some((c) => c.n === n)).toBe(true);
  });

  it("answers in English with the same facts", async () => {
    const text = plain(await ask(core, "/province Luang Prabang", "en"));
    expect(text).toContain("Luang Prabang (Laos)");
    expect(text).toContain("2 ventilators");
    expect(text).toContain("15,000 medical and 5,000 cloth masks");
    expect(text).toContain("300 million VND");
    expect(text).toContain("expired 31/12/2024 (end of the period)");
    // Seen from the other side, a person with the title held at that province's event (titles change).
    const xaisomboun = plain(await ask(core, "/province xaisomboun", "vi"));
    expect(xaisomboun).toContain("Lò Minh Hùng — Phó Bí thư Thường trực Tỉnh ủy Sơn La (26/01/2024)");
    expect(plain(await ask(core, "/province xieng khouang", "vi"))).toContain(
      "Lò Minh Hùng — Phó Bí thư Tỉnh ủy Sơn La (16/08/2022)",
    );
  });

  it("names Savannakhet from the side box, and the planned border exchange", async () => {
    const text = plain(await ask(core, "/province savannakhet", "en"));
    expect(text).toContain("12/2021");
    expect(text).toContain("Sepon");
  });

  it("says plainly when a known province has no coverage", async () => {
    const reply = await ask(core, "/province Houaphanh", "en");
    expect(reply.error).toBeUndefined();
    expect(plain(reply)).toContain("No article in the corpus covers this province yet.");
  });

  it("suggests close names for an unknown one, and reports ambiguity", async () => {
    const unknown = await ask(core, "/province Luang Prabanng");
    expect(unknown.error?.code).toBe("unknown-province");
    expect(unknown.suggestions?.[0]?.command).toBe("/province Luông Pha Bang");
    const ambiguous = await ask(core, "/province luang", "en");
    expect(ambiguous.error?.code).toBe("ambiguous-province");
    expect(plain(ambiguous)).toContain("Luang Namtha");
  });

  it("answers a country name with that country's provinces", async () => {
    const reply = await ask(core, "/province Lào");
    expect(reply.error?.code).toBe("country-not-province");
    expect(reply.suggestions?.map((s) => s.command)).toContain("/province Luông Pha Bang");
  });

  it("never mixes unrelated page items into an answer", async () => {
    for (const name of ["son la", "quang tri", "xieng khouang"]) {
      const text = plain(await ask(core, `/province ${name}`));
      for (const noise of ["Nga", "Triều Tiên", "Hà Giang", "Bách Sắc", "Hamas", "Cuba", "Palestine"]) {
        expect(text).not.toMatch(new RegExp(`\\b${noise}\\b`, "u"));
      }
    }
  });

  it("asks for a name when none is given, and refuses a huge argument clearly", async () => {
    expect((await ask(core, "/province")).error?.code).toBe("missing-argument");
    const huge = await ask(core, `/province ${"<b>&".repeat(1250)}`);
    expect(huge.error?.code).toBe("argument-too-long");
    expect(plain(huge)).toContain("5000");
  });

  it("answers a name without content with the provinces that have content", async () => {
    for (const name of ["Nghệ An", "Vientiane", "Atlantis"]) {
      expect(plain(await ask(core, `/province ${name}`))).toContain(
        "Các tỉnh có nội dung: Sơn La, Xiêng Khoảng, Xay Sổm Bun, Luông Pha Bang, Bò Kẹo, Quảng Trị, Savannakhet.",
      );
    }
    expect((await ask(core, "/province Atlantis")).error?.code).toBe("unknown-province");
    expect(plain(await ask(core, "/province Vientiane", "en"))).toContain(
      "Provinces with content: Sơn La, Xiangkhouang",
    );
  });

  it("shows places as named at the event, with the administrative change where the corpus records it", async () => {
    const text = plain(await ask(core, "/province son la"));
    expect(text).toMatch(
      /huyện Mộc Châu \(Tên tại thời điểm sự kiện; bảng tên gọi ghi cấp huyện bị bãi bỏ từ 1\/7\/2025/,
    );
    const via = await ask(core, "/province moc chau", "en");
    expect(plain(via)).toContain("Mộc Châu district is in Sơn La province. As named at the event;");
    expect(via.citations.some((c) => c.source === "reference-aliases.json" && c.quote.includes("1 Jul 2025"))).toBe(
      true,
    );
  });
});
