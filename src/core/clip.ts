// Shortening text for display: cut between graphemes (Intl.Segmenter), so a cut never splits a surrogate pair
// (Telegram refuses text that is not valid UTF-8) nor separates a letter from its combining mark or an emoji
// from its modifier. Lengths are UTF-16 code units, what Telegram and Discord count.

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The longest run of whole graphemes from the start of `text` within `max` UTF-16 units. */
export function headWithin(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (end + segment.length > max) break;
    end += segment.length;
  }
  return text.slice(0, end);
}

/** `text` as is when it fits in `max` UTF-16 units, else cut between graphemes and ended with `ellipsis`. */
export function clipText(text: string, max: number, ellipsis = "…"): string {
  if (text.length <= max) return text;
  if (max < ellipsis.length) return headWithin(text, max);
  return `${headWithin(text, max - ellipsis.length).trimEnd()}${ellipsis}`;
}

/** `text` on one line (runs of white space as one space, trimmed), clipped to `max`: titles, labels, echoed input. */
export function clipLine(text: string, max: number, ellipsis = "…"): string {
  return clipText(text.replace(/\s+/g, " ").trim(), max, ellipsis);
}
