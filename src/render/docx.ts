// A briefing note as a Word document (docx): title, date prepared, the sections of facts, the timeline chart,
// and a footnote after every fact giving its source and the verbatim quote. Pure apart from the zip the
// library writes in memory: content in, bytes out.
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  TextRun,
} from "docx";
import type { BriefingNote, BriefSource } from "./briefing-content";
import type { Png } from "./png";

/** Usable width of an A4 page with the default margins, in pixels at 96 dpi (docx measures images so). */
const PAGE_WIDTH_PX = 600;
const FONT = "Arial";

function footnoteText(s: BriefSource): Paragraph {
  const where = s.url ? `${s.title} (${s.source}, ${s.url})` : `${s.title} (${s.source})`;
  return new Paragraph({ children: [new TextRun(`“${s.quote}” — ${where}`)] });
}

export async function briefingDocx(note: BriefingNote, chart?: Png): Promise<Uint8Array> {
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  let next = 1;
  const cite = (sources: readonly BriefSource[]): FootnoteReferenceRun[] =>
    sources.map((s) => {
      const id = next++;
      footnotes[String(id)] = { children: [footnoteText(s)] };
      return new FootnoteReferenceRun(id);
    });

  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(note.title)] }),
    new Paragraph({
      children: [new TextRun({ text: `${note.preparedLabel}: `, bold: true }), new TextRun(note.prepared)],
    }),
    new Paragraph({ children: [new TextRun({ text: note.footnoteNote, italics: true })] }),
  ];
  for (const section of note.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }));
    for (const fact of section.facts) {
      body.push(
        new Paragraph({
          bullet: { level: fact.sub ? 1 : 0 },
          children: [new TextRun(fact.text), ...cite(fact.sources)],
        }),
      );
    }
  }
  if (chart) {
    const scale = PAGE_WIDTH_PX / chart.width;
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(note.chartHeading)] }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: "png",
            data: chart.bytes,
            transformation: { width: PAGE_WIDTH_PX, height: Math.round(chart.height * scale) },
            altText: { name: note.chartHeading, description: note.chartCaption, title: note.chartHeading },
          }),
        ],
      }),
      new Paragraph({ children: [new TextRun({ text: note.chartCaption, italics: true })] }),
    );
  }

  const doc = new Document({
    creator: "Hữu Nghị",
    title: note.title,
    description: note.footnoteNote,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: note.lang === "vi" ? "vi-VN" : "en-GB" } } },
      },
    },
    footnotes,
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
