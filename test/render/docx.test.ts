import { unzipSync } from "fflate";
import { parseDocument } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/app";
import { buildBriefing } from "../../src/core/briefing";
import type { Corpus } from "../../src/core/corpus";
import { normalizeSpace } from "../../src/core/normalize";
import { briefingNote } from "../../src/render/briefing-content";
import { chartSvg } from "../../src/render/chart";
import { timelineChart } from "../../src/render/chart-content";
import { briefingDocx } from "../../src/render/docx";
import { CHART_FONT_FILES } from "../../src/render/font";
import { svgToPng } from "../../src/render/png";
import { testCore } from "../support/core";

const TODAY = "2026-11-29";

type Node = { type: string; name?: string; attribs?: Record<string, string>; children?: Node[]; data?: string };

function all(node: Node, name: string, out: Node[] = []): Node[] {
  if (node.type === "tag" && node.name === name) out.push(node);
  for (const c of node.children ?? []) all(c, name, out);
  return out;
}
function textOf(node: Node): string {
  return all(node, "w:t")
    .map((t) => (t.children ?? []).map((c) => c.data ?? "").join(""))
    .join("");
}
const xml = (bytes: Uint8Array | undefined) =>
  parseDocument(new TextDecoder().decode(bytes), { xmlMode: true, decodeEntities: true }) as unknown as Node;

describe("briefing note (.docx)", () => {
  let core: Core;
  let corpus: Corpus;
  beforeAll(async () => {
    core = await testCore(TODAY);
    corpus = core.holder.get();
  });

  async function build(id: string, lang: "vi" | "en") {
    const province = corpus.province(id);
    if (!province) throw new Error(id);
    const briefing = buildBriefing(corpus, province, TODAY);
    const chart = svgToPng(chartSvg(timelineChart(corpus, { lang, today: TODAY, briefing })).svg, CHART_FONT_FILES);
    const note = briefingNote(corpus, briefing, lang);
    const files = unzipSync(await briefingDocx(note, chart));
    return { files, chart, note };
  }

  for (const [id, lang] of [
    ["son-la", "vi"],
    ["son-la", "en"],
    ["luang-prabang", "vi"],
    ["quang-tri", "en"],
  ] as const) {
    it(`${id} (${lang}): a zip whose every fact has a footnote quoting its source verbatim`, async () => {
      const { files, note } = await build(id, lang);
      expect(Object.keys(files)).toEqual(expect.arrayContaining(["word/document.xml", "word/footnotes.xml"]));
      const doc = xml(files["word/document.xml"]);
      const notes = new Map(
        all(xml(files["word/footnotes.xml"]), "w:footnote")
          .filter((f) => Number(f.attribs?.["w:id"]) > 0)
          .map((f) => [f.attribs?.["w:id"] ?? "", textOf(f)]),
      );
      // Fact paragraphs are the bulleted ones; each carries at least one footnote reference.
      const facts = all(doc, "w:p").filter((p) => all(p, "w:numPr").length > 0);
      expect(facts.length).toBe(note.sections.reduce((n, s) => n + s.facts.length, 0));
      const referenced = new Set<string>();
      for (const p of facts) {
        const refs = all(p, "w:footnoteReference").map((r) => r.attribs?.["w:id"] ?? "");
        expect(refs.length, textOf(p)).toBeGreaterThan(0);
        for (const r of refs) referenced.add(r);
      }
      expect([...referenced].sort()).toEqual([...notes.keys()].sort());
      // Every footnote: “quote” — title (file…); the quote occurs in that file.
      for (const [noteId, text] of notes) {
        const m = /^“(.+)” — .+ \(([\w.-]+)[,)]/.exec(text);
        expect(m, `footnote ${noteId}: ${text}`).not.toBeNull();
        const [, quote = "", file = ""] = m ?? [];
        const source = corpus.texts.get(file);
        expect(source, file).toBeDefined();
        expect(normalizeSpace(source ?? "")).toContain(normalizeSpace(quote));
      }
      // Title and date prepared.
      const body = textOf(doc);
      expect(body).toContain(note.title);
      expect(body).toContain("29/11/2026");
    });
  }

  it("has the sections a meeting needs, in the reader's language", async () => {
    const vi = textOf(xml((await build("son-la", "vi")).files["word/document.xml"]));
    for (const s of [
      "Báo cáo tóm tắt hợp tác — Sơn La",
      "Ngày lập",
      "Tỉnh đối tác",
      "Văn bản hợp tác",
      "đã hết hạn ngày 31/12/2024",
      "Sự kiện (mới nhất trước)",
      "Số liệu",
      "200 triệu VNĐ",
      "Nhân vật đã gặp",
      "Ngày kỷ niệm sắp tới",
      "Dòng thời gian",
    ]) {
      expect(vi).toContain(s);
    }
    const en = textOf(xml((await build("son-la", "en")).files["word/document.xml"]));
    for (const s of ["Cooperation briefing note — Sơn La", "Prepared", "Agreements", "expired on", "People met"]) {
      expect(en).toContain(s);
    }
    expect(en).not.toContain("Ngày lập");
    // Events newest first.
    const iNew = vi.indexOf("26/01/2024");
    const iOld = vi.indexOf("11/2019");
    expect(iNew).toBeGreaterThan(0);
    expect(iNew).toBeLessThan(iOld);
  });

  it("embeds the timeline chart itself", async () => {
    const { files, chart } = await build("son-la", "vi");
    const media = Object.keys(files).filter((f) => f.startsWith("word/media/") && !f.endsWith("/"));
    expect(media).toHaveLength(1);
    expect(Buffer.from(files[media[0] ?? ""] ?? []).equals(Buffer.from(chart.bytes))).toBe(true);
    const rels = new TextDecoder().decode(files["word/_rels/document.xml.rels"]);
    expect(rels).toContain(media[0]?.replace("word/", ""));
  });
});
