// Wraps console text at word boundaries to the terminal's width. A list item ("  • …", "[3] …", "  → …")
// continues under its own text, not under the bullet. Hand-written: the usual wrappers (wrap-ansi, word-wrap)
// have no hanging indent, and this is all the console needs.

/** Where a line's text starts after its bullet or citation number: the indent of its continuation lines. */
function hangingIndent(line: string): number {
  const m = /^(\s*(?:[•→-]\s+|\[\d+\]\s+|##\s+)?)/u.exec(line);
  return [...(m?.[1] ?? "")].length;
}

/** One line wrapped to `width` code points; a word longer than a whole line is cut. */
function wrapLine(line: string, width: number): string[] {
  if ([...line].length <= width) return [line];
  const indent = Math.min(hangingIndent(line), Math.floor(width / 2));
  const pad = " ".repeat(indent);
  const out: string[] = [];
  let current = "";
  // Leading indentation stays with the first word ("  •"); runs of spaces between words become one.
  for (const word of line.split(/(?<=\S)\s+/u)) {
    const candidate = current ? `${current} ${word}` : word;
    if ([...candidate].length <= width) {
      current = candidate;
      continue;
    }
    if (current) out.push(current);
    let rest = out.length > 0 || current ? `${pad}${word}` : word;
    // A word wider than the line (a long URL) is cut where the line ends.
    while ([...rest].length > width) {
      const chars = [...rest];
      out.push(chars.slice(0, width).join(""));
      rest = `${pad}${chars.slice(width).join("")}`;
    }
    current = rest;
  }
  if (current) out.push(current);
  return out;
}

/** Text wrapped to `width` columns, each line on its own; blank lines kept. */
export function wrapText(text: string, width: number): string {
  if (!Number.isFinite(width) || width < 20) return text;
  return text
    .split("\n")
    .flatMap((line) => wrapLine(line, width))
    .join("\n");
}
