import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import { PageTokens, parsePageData } from "../../../src/core/paging";
import type { Citation, Reply } from "../../../src/core/reply";
import { pageButtons, suggestionButtons } from "../../../src/platforms/discord/buttons";
import { clip } from "../../../src/platforms/discord/limits";
import { escapeMarkdown, safeUrl } from "../../../src/platforms/discord/markdown";
import { renderEmbeds } from "../../../src/platforms/discord/render";
import { offersFor } from "../../../src/platforms/shared/offers";

/** Discord's documented embed limits, checked independently of the renderer's own constants. */
function violations(embeds: APIEmbed[]): string[] {
  const out: string[] = [];
  if (embeds.length > 10) out.push("more than 10 embeds");
  let total = 0;
  for (const e of embeds) {
    const title = e.title?.length ?? 0;
    const description = e.description?.length ?? 0;
    const footer = e.footer?.text.length ?? 0;
    if (title > 256) out.push(`title ${title}`);
    if (description > 4096) out.push(`description ${description}`);
    if (footer > 2048) out.push(`footer ${footer}`);
    if ((e.fields?.length ?? 0) > 25) out.push("more than 25 fields");
    for (const f of e.fields ?? []) {
      if (f.name.length > 256 || f.name.length === 0) out.push(`field name ${f.name.length}`);
      if (f.value.length > 1024 || f.value.length === 0) out.push(`field value ${f.value.length}`);
      total += f.name.length + f.value.length;
    }
    total += title + description + footer;
  }
  if (total > 6000) out.push(`total ${total}`);
  return out;
}

function citation(n: number, quoteLength = 80): Citation {
  return {
    n,
    source: `bao-${n}.md`,
    title: `Bài báo số ${n} về hợp tác Việt – Lào`,
    quote: `Câu trích dẫn ${n} `.padEnd(quoteLength, "x"),
    factId: `fact-${n}`,
  };
}

const all = (embeds: APIEmbed[]): string =>
  embeds
    .map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join("\n"))
    .join("\n");

describe("Reply → embeds", () => {
  it("renders title, blocks, fields and citations with their numbers", () => {
    const reply: Reply = {
      lang: "vi",
      title: "Sơn La",
      blocks: [
        { kind: "heading", text: "Tỉnh đối tác" },
        { kind: "text", line: { text: "Kết nghĩa với Hủa Phăn", cites: [1, 2], strong: true } },
        { kind: "list", items: [{ text: "Ký năm 2022", cites: [2] }, { text: "Đoàn công tác" }] },
        { kind: "fields", fields: [{ name: "Quốc gia", value: "Việt Nam" }] },
      ],
      citations: [citation(1), { ...citation(2), url: "https://example.org/bai-2" }],
      paging: { page: 2, pageCount: 3 },
    };
    const embeds = renderEmbeds(reply);
    expect(violations(embeds)).toEqual([]);
    const [first] = embeds;
    expect(first?.title).toBe("Sơn La");
    expect(first?.description).toContain("**Kết nghĩa với Hủa Phăn** [1][2]");
    expect(first?.description).toContain("• Ký năm 2022 [2]");
    expect(first?.description).toContain("**Quốc gia:** Việt Nam");
    const sources = embeds.flatMap((e) => e.fields ?? []);
    expect(sources[0]?.name).toBe("Nguồn");
    // Each source once: its numbers, outlet, short title (linked when it has an address), date or "undated".
    expect(sources[0]?.value).toContain(
      "**[1]** trang không ghi tên báo · Bài báo số 1 về hợp tác Việt – Lào · không ghi ngày",
    );
    expect(sources[0]?.value).toContain(
      "**[2]** trang không ghi tên báo · [Bài báo số 2 về hợp tác Việt – Lào](https://example.org/bai-2)",
    );
    expect(embeds.at(-1)?.footer?.text).toContain("Trang 2/3");
  });

  it("uses English labels for English replies", () => {
    const embeds = renderEmbeds({
      lang: "en",
      title: "Son La",
      blocks: [],
      citations: [citation(1)],
      paging: { page: 1, pageCount: 2 },
    });
    expect(embeds[0]?.fields?.[0]?.name).toBe("Sources");
    expect(embeds.at(-1)?.footer?.text).toContain("Page 1/2");
  });

  it("keeps a very long answer within every limit, and says it was shortened", () => {
    const lines = Array.from({ length: 400 }, (_, i) => ({
      text: `Sự kiện ${i}: ${"nội dung ".repeat(12)}`,
      cites: [(i % 40) + 1],
    }));
    const reply: Omit<Reply, "lang"> = {
      title: "T".repeat(400),
      blocks: [
        { kind: "text", line: { text: "y".repeat(5000) } },
        { kind: "list", items: lines },
        { kind: "fields", fields: Array.from({ length: 40 }, (_, i) => ({ name: `F${i}`, value: "v".repeat(900) })) },
      ],
      citations: Array.from({ length: 60 }, (_, i) => citation(i + 1, 900)),
      suggestions: [{ command: "/province son la", label: "Sơn La" }],
    };
    for (const lang of ["vi", "en"] as const) {
      const embeds = renderEmbeds({ ...reply, lang });
      expect(violations(embeds)).toEqual([]);
      expect(embeds[0]?.title?.endsWith("…")).toBe(true);
      expect(all(embeds)).toContain(lang === "vi" ? "đã rút gọn" : "shortened");
      // Citations survive the shortening, and the ones left out are counted.
      const sources = embeds
        .flatMap((e) => e.fields ?? [])
        .map((f) => f.value)
        .join("\n");
      expect(sources).toContain("**[1]** ");
      expect(sources).toMatch(/… \+\d+ /);
    }
  });

  it("splits a body over 4,096 characters into a continuation embed when it fits the total", () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ text: `${i} ${"chữ ".repeat(20)}` }));
    const embeds = renderEmbeds({ lang: "vi", title: "Dài", blocks: [{ kind: "list", items }], citations: [] });
    expect(violations(embeds)).toEqual([]);
    expect(embeds.length).toBe(2);
    expect(embeds[1]?.title).toBeUndefined();
    expect(all(embeds)).toContain("• 59 ");
  });

  it("escapes markdown, links and mentions in corpus and user text", () => {
    const hostile = "**bold** _x_ `code` [click](https://evil.example) <@123> <#456> @everyone ||spoiler|| ~~s~~";
    const embeds = renderEmbeds({
      lang: "en",
      title: hostile,
      blocks: [
        { kind: "text", line: { text: hostile } },
        { kind: "text", line: { text: "# heading\n> quote\n- item\n1. first" } },
      ],
      citations: [{ ...citation(1), title: hostile, quote: hostile, url: "javascript:alert(1)" }],
    });
    const text = all(embeds);
    expect(violations(embeds)).toEqual([]);
    expect(text).not.toMatch(/(^|[^\\])\*\*bold/);
    expect(text).not.toMatch(/(^|[^\\])\[click\]/);
    expect(text).not.toMatch(/(^|[^\\])<@123>/);
    expect(text).not.toMatch(/(^|[^\\])`code/);
    expect(text).not.toContain("javascript:");
    expect(embeds[0]?.description).toContain("\\# heading\n\\> quote\n\\- item\n1\\. first");
  });

  it("marks errors with their own colour", () => {
    const ok = renderEmbeds({ lang: "vi", title: "a", blocks: [], citations: [] });
    const bad = renderEmbeds({ lang: "vi", title: "a", blocks: [], citations: [], error: { code: "x" } });
    expect(ok[0]?.color).not.toBe(bad[0]?.color);
  });
});

describe("page buttons", () => {
  it("point to the neighbouring pages with unique custom ids of at most 100 characters", () => {
    for (const [page, pageCount] of [
      [1, 3],
      [2, 3],
      [3, 3],
    ] as const) {
      const rows = pageButtons("AbC_d-12", { page, pageCount }, "vi");
      const buttons = rows.flatMap((r) => r.components);
      const ids = buttons.map((b) => ("custom_id" in b ? b.custom_id : ""));
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
      const prev = buttons[0];
      const next = buttons[2];
      expect(prev && "custom_id" in prev ? prev.custom_id : "").toBe(`pg:AbC_d-12:${page - 1}`);
      expect(prev?.disabled).toBe(page === 1);
      expect(next && "custom_id" in next ? next.custom_id : "").toBe(`pg:AbC_d-12:${page + 1}`);
      expect(next?.disabled).toBe(page === pageCount);
    }
  });

  it("are absent for a single page", () => {
    expect(pageButtons("t", { page: 1, pageCount: 1 }, "en")).toEqual([]);
  });
});

describe("suggestion buttons", () => {
  it("turn each suggested command into a page-1 token for it, at most four, labels within 80", async () => {
    const pages = new PageTokens();
    const suggestions = [
      { command: "/province Sơn La", label: "Sơn La" },
      { command: `/search ${"x".repeat(120)}`, label: "x" },
      { command: "/province Sơn La", label: "again" },
      { command: "not a command", label: "?" },
      { command: "/help", label: "help" },
      { command: "/timeline", label: "timeline" },
    ];
    const reply: Reply = { lang: "vi", title: "t", blocks: [], citations: [], suggestions };
    const [row] = suggestionButtons(offersFor(reply, pages, "vi").suggestions);
    const buttons = row?.components ?? [];
    const targets = buttons.map((b) => parsePageData("custom_id" in b ? b.custom_id : ""));
    expect(targets.map((t) => t?.page)).toEqual([1, 1]);
    expect(await pages.get(targets[0]?.token ?? "")).toEqual({ command: "province", text: "Sơn La", lang: "vi" });
    expect(await pages.get(targets[1]?.token ?? "")).toEqual({ command: "search", text: "x".repeat(120), lang: "vi" });
    for (const b of buttons) expect("label" in b ? b.label?.length : 0).toBeLessThanOrEqual(80);
    expect(suggestionButtons([])).toEqual([]);
  });
});

describe("text helpers", () => {
  it("clip never splits a surrogate pair nor leaves an escaping backslash", () => {
    const flags = "🇻🇳".repeat(10);
    const clipped = clip(flags, 6);
    expect(clipped.length).toBeLessThanOrEqual(6);
    expect(clipped).not.toMatch(/[\ud800-\udbff]…$/);
    expect(clip("abc\\*def", 5)).toBe("abc…");
    expect(clip("short", 10)).toBe("short");
  });

  it("escapeMarkdown leaves plain Vietnamese untouched", () => {
    const plain = "Hợp tác giữa Sơn La và Hủa Phăn, giai đoạn 2022-2024.";
    expect(escapeMarkdown(plain)).toBe(plain);
  });

  it("safeUrl accepts only plain http(s) addresses", () => {
    expect(safeUrl("https://baosonla.vn/bai-1")).toBe("https://baosonla.vn/bai-1");
    expect(safeUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeUrl("https://x.example/a)b")).toBeUndefined();
    expect(safeUrl(undefined)).toBeUndefined();
  });
});
