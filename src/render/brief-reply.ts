// A briefing note as a Reply: the .docx as a document attachment, and a short text saying what is in it.
// The document library is loaded on the first note, so starting the bot does not pay for it.
import type { Briefing } from "../core/briefing";
import type { CommandReply } from "../core/command";
import type { Corpus } from "../core/corpus";
import { type Lang, words } from "../core/i18n";
import { briefingNote } from "./briefing-content";
import { timelineChart } from "./chart-content";
import { renderChart } from "./chart-reply";
import { readableFileName } from "./file-name";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function briefReply(corpus: Corpus, briefing: Briefing, lang: Lang): Promise<CommandReply> {
  const note = briefingNote(corpus, briefing, lang);
  // The chart in the note carries no [n]: the document cites by footnotes instead.
  const chart = await renderChart(timelineChart(corpus, { lang, today: briefing.asOf, briefing }));
  const { briefingDocx } = await import("./docx");
  const bytes = await briefingDocx(note, chart);
  const facts = note.sections.reduce((n, s) => n + s.facts.length, 0);
  const notes = note.sections.reduce((n, s) => n + s.facts.reduce((m, f) => m + f.sources.length, 0), 0);
  return {
    title: note.title,
    blocks: [{ kind: "text", line: { text: words(lang).pictures.briefSummary(facts, notes) } }],
    citations: [],
    attachment: {
      kind: "document",
      ...readableFileName(["Hữu Nghị", note.province], briefing.asOf, "docx"),
      mime: DOCX_MIME,
      bytes,
      caption: `${note.title} — ${note.preparedLabel} ${note.prepared}`,
    },
  };
}
