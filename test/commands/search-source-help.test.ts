import { beforeAll, describe, expect, it } from "vitest";
import { createCore, DEFAULT_DATA_DIR } from "../../src/app";
import { Corpus, citationsIn } from "../../src/core/corpus";
import { quotesReply } from "../../src/core/quotes";
import { CorpusHolder } from "../../src/corpus/holder";
import { ask, plain, testCore } from "../support/core";
import { corpusData } from "../support/corpus-data";

describe("/search, /source and /help", () => {
  let core: Awaited<ReturnType<typeof testCore>>;
  beforeAll(async () => {
    core = await testCore();
  });

  it("finds facts without diacritics, ranked facts first, with snippets and sources", async () => {
    const reply = await ask(core, "/search khau trang");
    const text = plain(reply);
    // Each source is named once with the numbers cited from it; the quotes view says where to read more.
    expect(text).toMatch(/\[1[–,\d\s]*\] trang không ghi tên báo · Hội đàm giữa/);
    expect(plain(quotesReply(reply))).toContain("· /source fig-covid-medical-masks");
    expect(text).toContain("Khẩu trang y tế: 15.000 khẩu trang");
    // Each hit says its kind and its date, or that the source gives none.
    expect(text).toContain("[số liệu · 2020 – 2021]");
    expect(text).toContain("[bài viết · không rõ ngày]");
    expect(reply.citations.every((c) => c.source === "003_c91044f3eca921e9.txt")).toBe(true);
    // A commitment is a hit of its own, cited by its own sentence.
    const scholarships = await ask(core, "/search hoc bong", "en");
    expect(plain(scholarships)).toContain("[commitment · 16/08/2022 (year inferred)]");
    expect(plain(scholarships)).toContain("90 scholarships");
    expect(scholarships.citations.some((c) => c.quote.includes("90 suất học bổng"))).toBe(true);
  });

  it("never returns page furniture or unrelated boxes", async () => {
    // Unrelated items, and Lao-themed headline-only links from the page menus.
    for (const words of [
      "Nga",
      "Hamas",
      "Bách Sắc",
      "Palestine",
      "Tochigi",
      "Cuba",
      "Herzen",
      "Champasak",
      "Bunpimay",
      "Hàn Quốc",
    ]) {
      const reply = await ask(core, `/search ${words}`);
      expect(reply.error?.code, words).toBe("no-results");
    }
  });

  it("tells the reader when a query's diacritics match nothing exactly", async () => {
    // "Triều Tiên" (Korea) folds like "triệu … tiền" (million … money): not the same words.
    const text = plain(await ask(core, "/search Triều Tiên", "en"));
    expect(text).toContain("No result matches the diacritics as typed");
    expect(plain(await ask(core, "/search khẩu trang", "en"))).not.toContain("approximate");
    expect(plain(await ask(core, '/search "máy thở"', "en"))).not.toContain("approximate");
    expect(plain(await ask(core, "/search “học bổng”", "en"))).not.toContain("approximate");
  });

  it("hides hits found only by folding when some hit matches the words as typed, and cuts snippets at words", async () => {
    // "tặng" (give) folds like "tăng" (increase, in "tăng cường"): only the exact "tặng" hits are shown.
    const reply = await ask(core, "/search tặng");
    const items = reply.blocks.flatMap((b) => (b.kind === "list" ? b.items : []));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.text.normalize("NFC").toLowerCase()).toContain("tặng");
    for (const item of items) {
      const snippetText = item.text.slice(item.text.indexOf(": ") + 2);
      // Starts and ends on a whole word (or the text's own start or end).
      expect(snippetText).toMatch(/^(…[\p{L}\p{N}“"(]|[^…])/u);
      expect(snippetText).toMatch(/([\p{L}\p{N}.,;:)”"]…|[^…])$/u);
    }
  });

  it("treats markup in the query as text", async () => {
    const reply = await ask(core, "/search <script>alert(1)</script>");
    expect(reply.title).toContain("<script>");
    expect(reply.error?.code).toBe("no-results");
  });

  it("shows a fact's quotes with line numbers, and a source's structure", async () => {
    const fact = plain(await ask(core, "/source agr-xieng-khouang-son-la-2022-2024", "en"));
    expect(fact).toContain("001_809524e14a84028a.txt, line 4");
    expect(fact).toContain("5 tỉ VNĐ");
    const src = plain(await ask(core, "/source 004", "en"));
    expect(src).toContain("not Vietnam–Laos, never used in answers");
    expect(src).toContain("ev-2021-12-border-defence-friendship-exchange");
    const unknown = await ask(core, "/source ev-2022-08-16-xieng-khouang", "en");
    expect(unknown.error?.code).toBe("unknown-source");
    expect(unknown.suggestions?.[0]?.command).toBe("/source ev-2022-08-16-xieng-khouang-son-la-signing");
    // Every source this corpus has is named (fewer than the dozen listed at most).
    expect(plain(unknown)).toContain("Source ids: 000, 001, 002, 003, 004");
    expect(plain(unknown)).not.toContain("…");
  });

  it("lists the commands, explains one, and suggests for a typo", async () => {
    const all = plain(await ask(core, "/help"));
    for (const name of ["/province", "/agreements", "/timeline", "/anniversaries", "/search", "/source"]) {
      expect(all).toContain(name);
    }
    expect(all).not.toContain("/reload"); // admin-only commands are hidden from non-admins
    const one = plain(await ask(core, "/help timeline", "en"));
    expect(one).toContain("/timeline luang prabang 2019-2022");
    const typo = await ask(core, "/provnce son la");
    expect(typo.error?.code).toBe("unknown-command");
    expect(typo.suggestions?.[0]?.command).toBe("/province son la");
  });
});

describe("/source over a larger corpus", () => {
  it("lists the facts citing a source as a scan of every record finds them, and names only the first sources", async () => {
    const loaded = await corpusData(DEFAULT_DATA_DIR);
    if (!loaded.ok) throw new Error("data/ does not load");
    const copies = Array.from({ length: 3 }, (_, k) =>
      loaded.data.sources.map((s) => ({ ...s, file: `9${k}${s.file}` })),
    );
    const corpus = new Corpus(
      { ...loaded.data, sources: [...loaded.data.sources, ...copies.flat()] },
      new Map(loaded.texts),
      "more-sources",
    );
    const core = await createCore({
      today: "2026-11-24",
      holder: new CorpusHolder(corpus, DEFAULT_DATA_DIR, async () => ({ ok: false, errors: [] })),
    });
    for (const { file } of loaded.data.sources) {
      const scanned = [...corpus.byId.entries()]
        .filter(([, r]) => r.kind !== "sources" && citationsIn(r.record).some((c) => c.source === file))
        .map(([id]) => id);
      const text = plain(await ask(core, `/source ${file}`, "en"));
      expect(text).toContain(scanned.join(", ") || "—");
    }
    const unknown = plain(await ask(core, "/source zzz", "en"));
    expect(corpus.data.sources.length).toBeGreaterThan(12);
    const listed = unknown.match(/Source ids: ([^\n]*)\./)?.[1]?.split(", ") ?? [];
    expect(listed).toHaveLength(13);
    expect(listed.at(-1)).toBe("…");
  });
});
