// Splitting a text on runs of one class of characters, as `text.split(/[…]+/u)` does, read one code unit at a time
// against a table. The regex split was the largest single cost of building the question index (1.2 s for the six
// million words of the benchmark's ×1000) and 1.3 s of building the search index.

export class SeparatorClass {
  /** Per UTF-16 code unit: 0 not yet asked, 1 a separator, 2 not. Surrogate pairs are asked as one code point. */
  private readonly kind = new Uint8Array(0x10000);
  private readonly astral = new Map<number, boolean>();

  /** @param one a regex matching one separator code point, such as /^[\p{P}\p{Z}]$/u */
  constructor(private readonly one: RegExp) {}

  private isSeparatorUnit(unit: number): boolean {
    let k = this.kind[unit] as number;
    if (k === 0) {
      // A lone surrogate is asked alone: a code point of its own to the regex, as to a split.
      k = this.one.test(String.fromCharCode(unit)) ? 1 : 2;
      this.kind[unit] = k;
    }
    return k === 1;
  }

  private isSeparatorCodePoint(codePoint: number): boolean {
    let known = this.astral.get(codePoint);
    if (known === undefined) {
      known = this.one.test(String.fromCodePoint(codePoint));
      this.astral.set(codePoint, known);
    }
    return known;
  }

  /**
   * The pieces of `text` between runs of separators: `text.split(/[…]+/u)`, with "" before a leading run and after
   * a trailing one (and [""] for ""), unless `dropEmptyEnds`.
   */
  split(text: string, dropEmptyEnds = false): string[] {
    const out: string[] = [];
    const length = text.length;
    let start = 0;
    let inRun = false;
    for (let i = 0; i < length; i++) {
      const unit = text.charCodeAt(i);
      let separator: boolean;
      let width = 1;
      const low = unit >= 0xd800 && unit <= 0xdbff && i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        separator = this.isSeparatorCodePoint(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        width = 2;
      } else {
        separator = this.isSeparatorUnit(unit);
      }
      if (separator && !inRun) {
        if (!dropEmptyEnds || i > start) out.push(text.slice(start, i));
        inRun = true;
      } else if (!separator && inRun) {
        start = i;
        inRun = false;
      }
      i += width - 1;
    }
    if (inRun) {
      if (!dropEmptyEnds) out.push("");
    } else if (!dropEmptyEnds || length > start) {
      out.push(text.slice(start));
    }
    return out;
  }
}

const NOT_WORD = new SeparatorClass(/^[^\p{L}\p{N}]$/u);

/** The words of `text`, in order: the same list as splitting it on `/[^\p{L}\p{N}]+/u` and dropping empty ends. */
export function splitWords(text: string): string[] {
  return NOT_WORD.split(text, true);
}
