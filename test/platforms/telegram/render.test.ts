// The Telegram renderer: escaping, the 4,096 limit, and the places a message may never be cut.
// Every part is checked with the local server's Telegram HTML parser, the same check the API applies.
import { describe, expect, it } from "vitest";
import { quotesReply } from "../../../src/core/quotes";
import type { Citation, Reply } from "../../../src/core/reply";
import { sourceGroups } from "../../../src/core/source-list";
import { escapeHtml, MESSAGE_LIMIT, renderReply, splitPlain } from "../../../src/platforms/telegram/render";
import { parseTelegramHtml } from "../../support/telegram-server";

const citation = (n: number, quote = `Quote number ${n} & more`): Citation => ({
  n,
  source: `article-${n}.md`,
  title: `Article <${n}>`,
  quote,
  url: `https://example.org/a?x=${n}&y="q"`,
  factId: `fact-${n}`,
});

const shown = (parts: string[]) => parts.map(parseTelegramHtml);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("escapeHtml", () => {
  it("escapes exactly &, < and >", () => {
    expect(escapeHtml(`<b>Tom & "Jerry"</b>`)).toBe(`&lt;b&gt;Tom &amp; "Jerry"&lt;/b&gt;`);
  });
});

describe("renderReply", () => {
  it("escapes every piece of text and keeps it readable", () => {
    const reply: Reply = {
      lang: "en",
      title: "<b>title</b> & co",
      blocks: [
        { kind: "heading", text: "H <1>" },
        { kind: "text", line: { text: "a < b && c > d", cites: [1] } },
        { kind: "list", items: [{ text: "<i>item</i>", strong: true }] },
        { kind: "fields", fields: [{ name: "<k>", value: "v & w" }] },
      ],
      citations: [citation(1)],
      suggestions: [{ command: "/help <x>", label: "did & you" }],
    };
    const parts = renderReply(reply);
    expect(parts).toHaveLength(1);
    const [text] = shown(parts);
    for (const piece of ["<b>title</b> & co", "H <1>", "a < b && c > d [1]", "<i>item</i>", "<k>: v & w"]) {
      expect(text).toContain(piece);
    }
    expect(text).toContain("/help <x> — did & you");
    expect(text).toContain("Sources");
    expect(text).toContain("[1] page names no outlet · Article <1> · undated");
    // The quotes are one tap away, escaped the same way.
    expect(shown(renderReply(quotesReply(reply)))[0]).toContain(
      "“Quote number 1 & more” — Article <1> · /source fact-1",
    );
    expect(parts[0]).toContain('href="https://example.org/a?x=1&amp;y=&quot;q&quot;"');
    expect(parts[0]).toContain("<b>&lt;i&gt;item&lt;/i&gt;</b>");
  });

  it("links only web URLs", () => {
    const parts = renderReply({
      lang: "vi",
      title: "t",
      blocks: [],
      citations: [{ ...citation(1), url: "javascript:alert(1)" }],
    });
    expect(parts[0]).not.toContain("<a ");
    expect(shown(parts)[0]).toContain("Nguồn");
  });

  it("shows the page in the user's language", () => {
    const reply: Reply = { lang: "vi", title: "t", blocks: [], citations: [], paging: { page: 2, pageCount: 3 } };
    expect(shown(renderReply(reply))[0]).toContain("Trang 2/3");
    expect(shown(renderReply({ ...reply, lang: "en" }))[0]).toContain("Page 2/3");
  });

  it("splits a long reply between blocks, every part within the limit and valid", () => {
    const items = Array.from({ length: 300 }, (_, i) => ({
      text: `Item ${i} <tag> & text that fills the line`,
      cites: [1],
    }));
    const reply: Reply = { lang: "vi", title: "Long", blocks: [{ kind: "list", items }], citations: [citation(1)] };
    const parts = renderReply(reply);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    const all = shown(parts).join("\n");
    // Every item whole, in order.
    let from = 0;
    for (const item of items) {
      const at = all.indexOf(`• ${item.text} [1]`, from);
      expect(at).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });

  it("cuts a 5,000-character hostile line at word boundaries, never inside an entity, keeping its citations last", () => {
    const words = Array.from({ length: 700 }, (_, i) => (i % 3 === 0 ? "<b>" : i % 3 === 1 ? "&amp;" : "chữ"));
    const text = words.join(" ").slice(0, 5000);
    const reply: Reply = {
      lang: "vi",
      title: "T",
      blocks: [{ kind: "text", line: { text, cites: [1, 2] } }],
      citations: [],
    };
    const parts = renderReply(reply);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    const texts = shown(parts);
    expect(texts.join(" ").replace(/\s+/g, "")).toBe(`T${text}[1][2]`.replace(/\s+/g, ""));
    expect(texts.at(-1)?.endsWith(" [1][2]")).toBe(true);
    // Cut between words: no part starts or ends in the middle of "&amp;" or "<b>".
    for (const t of texts.slice(1)) expect(t).toMatch(/^(<b>|&amp;|chữ)/);
  });

  it("never splits a surrogate pair", () => {
    const reply: Reply = {
      lang: "vi",
      title: "E",
      blocks: [{ kind: "text", line: { text: "🇻🇳".repeat(3000) } }],
      citations: [],
    };
    const parts = renderReply(reply);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part).not.toMatch(LONE_SURROGATE);
  });

  it("names each source once with its numbers, never splits a source line, and splits long quotes at words", () => {
    const citations = Array.from({ length: 200 }, (_, i) => ({
      ...citation(i + 1, `${"Trích dẫn <dài> & đủ ".repeat(12)}${i + 1}`),
      title: `Article <${i + 1}> ${"with a long title ".repeat(6)}`,
    }));
    citations.push(citation(201, "x ".repeat(6000)));
    const reply: Reply = {
      lang: "vi",
      title: "C",
      blocks: [{ kind: "text", line: { text: "body", cites: [1] } }],
      citations,
    };
    const parts = renderReply(reply);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    const texts = shown(parts);
    for (const c of citations) {
      const line = `[${c.n}] trang không ghi tên báo · Article <${c.n}>`;
      expect(texts.filter((t) => t.includes(line))).toHaveLength(1);
    }
    // The quotes view: every quote there, a long one split between words, never inside a tag.
    const quoteParts = renderReply(quotesReply(reply));
    for (const part of quoteParts) expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    const quoteTexts = shown(quoteParts).join("\n");
    for (const c of citations.slice(0, 200)) expect(quoteTexts).toContain(`“${c.quote}”`);
    expect(quoteTexts.replace(/\s+/g, "")).toContain("x".repeat(6000));
  });

  it("does not leave a heading at the end of a message without its content", () => {
    // Sized so the heading alone would still fit after the filler, but not with its content.
    const filler = { kind: "text" as const, line: { text: "f".repeat(4066) } };
    const reply: Reply = {
      lang: "vi",
      title: "T",
      blocks: [filler, { kind: "heading", text: "Heading" }, { kind: "text", line: { text: "content" } }],
      citations: [],
    };
    const texts = shown(renderReply(reply));
    const withHeading = texts.find((t) => t.includes("Heading"));
    expect(withHeading).toContain("content");
  });
});

describe("splitPlain", () => {
  it("prefers paragraph, then line, then sentence boundaries", () => {
    expect(splitPlain("aaaa bbbb.\n\ncccc dddd", 14)).toEqual(["aaaa bbbb.", "cccc dddd"]);
    expect(splitPlain("aaaa bbbb\ncccc dddd", 12)).toEqual(["aaaa bbbb", "cccc dddd"]);
    expect(splitPlain("Aaa bbb. Ccc ddd eee", 16)).toEqual(["Aaa bbb.", "Ccc ddd eee"]);
  });

  it("counts the escaped length", () => {
    const pieces = splitPlain("& & & & & &", 10);
    for (const p of pieces) expect(escapeHtml(p).length).toBeLessThanOrEqual(10);
    expect(pieces.join(" ")).toBe("& & & & & &");
  });
});

describe("pages of a paginated list", () => {
  it("render as one message each, so a page button can edit the whole page", async () => {
    const { createCore } = await import("../../../src/app");
    const core = await createCore({ today: "2026-11-24" });
    const caller = {
      userId: "t",
      chatId: "t",
      platform: "console" as const,
      isChatAdmin: true,
      chatKind: "private" as const,
    };
    for (const [command, text] of [
      ["timeline", ""],
      ["search", "son la"],
    ] as const) {
      const first = await core.handle({ command, text, lang: "vi", caller });
      const pageCount = first.paging?.pageCount ?? 1;
      expect(pageCount, `${command} ${text}`).toBeGreaterThan(1);
      for (let page = 1; page <= pageCount; page++) {
        const reply = await core.handle({ command, text, lang: "vi", caller, page });
        const parts = renderReply(reply);
        expect(parts, `${command} ${text} page ${page}`).toHaveLength(1);
        // Every [n] in the text is listed under a source.
        const listed = new Set(sourceGroups(reply.citations).flatMap((g) => g.numbers));
        for (const m of (parts[0] ?? "").matchAll(/\[(\d+)\]/g)) expect(listed.has(Number(m[1]))).toBe(true);
      }
    }
  });
});

describe("digests", () => {
  it("render as one message on any day, so a digest is one post", async () => {
    const { createCore } = await import("../../../src/app");
    const { composeDigest } = await import("../../../src/core/digest");
    const corpus = (await createCore({ today: "2026-11-24" })).holder.get();
    let rendered = 0;
    for (
      let d = new Date("2024-01-01T00:00:00Z");
      d < new Date("2028-01-01T00:00:00Z");
      d.setUTCDate(d.getUTCDate() + 5)
    ) {
      const today = d.toISOString().slice(0, 10);
      for (const lang of ["vi", "en"] as const) {
        const digest = composeDigest(corpus, { today, lang });
        if (!digest) continue;
        rendered++;
        expect(renderReply(digest), `${today} ${lang}`).toHaveLength(1);
      }
    }
    expect(rendered).toBeGreaterThan(100);
  });
});
