// Splits the readable segments of a page into sentences, each an exact substring of the stored text (so it can be
// quoted) and tagged with the story it belongs to: the main story, or the side box it sits in.
import type { Page, PageSegment } from "./page";

export interface Sentence {
  /** Exact text, a substring of its line. */
  text: string;
  /** 1-based line number. */
  line: number;
  segment: PageSegment;
  /** "main" for the title, article and captions; "box:<first line>" for a side box's own story. */
  story: string;
  /** Order in the page. */
  index: number;
}

/** Where one sentence ends: ., !, ?, … or ";" before a capital, or "." glued to a capital ("tỉnh.Đoàn"). */
const BOUNDARY = /(?<=[\p{Ll}\p{N})”"’.…!?])([.!?…]+)(?=\s*[\p{Lu}“"(–-])|(?<=[\p{Ll}\p{N}])(\.)(?=\p{Lu})/gu;

function splitLine(line: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = line.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    let text = raw.trim();
    let offset = start + lead;
    // Table-row pipes around boxes and captions are layout, not words.
    if (text.startsWith("|")) {
      const cut = text.length - text.slice(1).trimStart().length;
      offset += cut;
      text = text.slice(cut);
    }
    text = text.replace(/\s*\|\s*$/u, "");
    if (/[\p{L}\p{N}]/u.test(text) && !/^!\[/.test(text)) out.push({ text, start: offset });
  };
  for (const m of line.matchAll(BOUNDARY)) {
    const end = (m.index ?? 0) + m[0].length;
    push(end);
    start = end;
  }
  push(line.length);
  return out;
}

export function sentencesOf(page: Page, options: { all?: boolean } = {}): Sentence[] {
  const lines = page.text.split("\n");
  const out: Sentence[] = [];
  for (const segment of page.segments) {
    if (!options.all && (!segment.vietnamLaos || segment.kind === "furniture")) continue;
    const story = segment.kind === "box" ? `box:${segment.lines[0]}` : "main";
    for (let n = segment.lines[0]; n <= segment.lines[1]; n++) {
      for (const s of splitLine(lines[n - 1] ?? "")) {
        out.push({ text: s.text, line: n, segment, story: segment.kind === "box" ? `box:${n}` : story, index: 0 });
      }
    }
  }
  out.sort((a, b) => a.line - b.line);
  out.forEach((s, i) => {
    s.index = i;
  });
  return out;
}
