// A text's words (runs of letters and digits), as `text.split(/[^\p{L}\p{N}]+/u)` without its empty ends gives
// them, read one code unit at a time against a table. The regex split was the largest single cost of building the
// question index (1.2 s for the 6 million words of the benchmark's ×1000).

/** Per UTF-16 code unit: 0 not yet asked, 1 a letter or digit, 2 neither. Surrogates are asked as a pair. */
const kind = new Uint8Array(0x10000);
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Code points above the BMP already asked (a letter or digit, or not). */
const astral = new Map<number, boolean>();

function isWordUnit(unit: number): boolean {
  let k = kind[unit] as number;
  if (k === 0) {
    k = WORD_CHAR.test(String.fromCharCode(unit)) ? 1 : 2;
    kind[unit] = k;
  }
  return k === 1;
}

function isWordCodePoint(codePoint: number): boolean {
  let known = astral.get(codePoint);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(codePoint));
    astral.set(codePoint, known);
  }
  return known;
}

/** The words of `text`, in order: the same list as splitting it on `/[^\p{L}\p{N}]+/u` and dropping empty ends. */
export function splitWords(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    let inWord: boolean;
    let width = 1;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        inWord = isWordCodePoint(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        width = 2;
      } else {
        inWord = false;
      }
    } else {
      // A lone surrogate is a code point of its own, neither letter nor digit (the table says so: the regex does).
      inWord = isWordUnit(unit);
    }
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}
