// A page ready for extraction: its text (one paragraph per line, as in data/sources/*.txt) and its segments.
// Segments say which lines are the title, the article, side boxes, captions and page furniture, and whether each
// is about Vietnam–Laos: only those segments are read for facts, and a box keeps its own story.
import type { SourceDoc } from "../core/model";

export type SegmentKind = SourceDoc["segments"][number]["kind"];

export interface PageSegment {
  /** 1-based inclusive line range. */
  lines: [number, number];
  kind: SegmentKind;
  vietnamLaos: boolean;
  /** Why a segment was marked as it was (shown in the review). */
  why?: string;
}

export interface Page {
  title: string;
  /** The text as it will be stored in data/sources/: NFC, "\n" line ends. */
  text: string;
  segments: PageSegment[];
  url?: string;
  outlet?: string;
  /** What the intake knows about where the page came from ("file x.html", "pasted text", an address). */
  origin: string;
}

/** NFC, Unix line ends, no trailing white space on lines: the stored copy every quote is taken from. */
export function normalizePageText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[ \t\u00a0]+$/u, ""))
    .join("\n")
    .replace(/\n+$/, "");
}

/** Merges consecutive lines of one kind and one verdict into ranges. */
export function compactSegments(perLine: readonly (Omit<PageSegment, "lines"> | undefined)[]): PageSegment[] {
  const out: PageSegment[] = [];
  perLine.forEach((s, i) => {
    if (!s) return;
    const n = i + 1;
    const last = out.at(-1);
    if (last && last.kind === s.kind && last.vietnamLaos === s.vietnamLaos && last.lines[1] === n - 1) {
      last.lines[1] = n;
    } else {
      out.push({ lines: [n, n], kind: s.kind, vietnamLaos: s.vietnamLaos, ...(s.why ? { why: s.why } : {}) });
    }
  });
  return out;
}
