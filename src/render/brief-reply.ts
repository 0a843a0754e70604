// A briefing note as a Reply: the .docx as a document attachment, and a short text saying what is in it.
import type { Corpus } from "../core/corpus";
import type { Lang } from "../core/i18n";
import type { Province } from "../core/model";
import type { Reply } from "../core/reply";
import { briefingNote } from "./briefing-content";
import { chartSvg } from "./chart";
import { timelineChart } from "./chart-content";
import { briefingDocx } from "./docx";
import { readableFileName } from "./file-name";
import { CHART_FONT_FILES } from "./font";
import { svgToPng } from "./png";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const WORDS = {
  vi: (facts: number, notes: number) =>
    `Báo cáo Word đính kèm: ${facts} mục, mỗi mục có chú thích nguồn và câu trích nguyên văn (${notes} chú thích), kèm biểu đồ dòng thời gian.`,
  en: (facts: number, notes: number) =>
    `Word briefing note attached: ${facts} items, each footnoted with its source and the verbatim quote (${notes} footnotes), with the timeline chart.`,
} as const;

export async function briefReply(corpus: Corpus, province: Province, lang: Lang, today: string): Promise<Reply> {
  const note = briefingNote(corpus, province, lang, today);
  // The chart in the note carries no [n]: the document cites by footnotes instead.
  const chart = svgToPng(chartSvg(timelineChart(corpus, { lang, today, province })).svg, CHART_FONT_FILES);
  const bytes = await briefingDocx(note, chart);
  const facts = note.sections.reduce((n, s) => n + s.facts.length, 0);
  const notes = note.sections.reduce((n, s) => n + s.facts.reduce((m, f) => m + f.sources.length, 0), 0);
  const text = WORDS[lang](facts, notes);
  return {
    lang,
    title: note.title,
    blocks: [{ kind: "text", line: { text } }],
    citations: [],
    attachment: {
      kind: "document",
      ...readableFileName(["Hữu Nghị", note.province], today, "docx"),
      mime: DOCX_MIME,
      bytes,
      caption: `${note.title} — ${note.preparedLabel} ${note.prepared}`,
    },
  };
}
