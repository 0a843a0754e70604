// Vietnamese folding for matching what people type: "SƠN-LA", "son la" and "Sơn La" all fold to "son la".
// The original spelling is kept for display; only matching uses the folded form.

/** NFD, drop combining marks, đ→d, lower case, hyphens/dots/underscores to spaces, collapse spaces. */
export function fold(input: string): string {
  return unmarked(input)
    .toLowerCase()
    .replace(/[-‐‑–—_.,'’"“”()]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
/** Without combining marks, đ → d: "Tặng Đồng" → "Tang Dong" (case kept). */
export function unmarked(input: string): string {
  // Plain ASCII (most aliases, ids and English words) has no marks to take off.
  return NOT_ASCII.test(input) ? input.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d") : input;
}

/** Any UTF-16 code unit above ASCII (surrogates included). */
const NOT_ASCII = /[\u0080-\uffff]/;

/** Folded and with no spaces at all: "Luang Prabang" and "Luangprabang" meet here. */
export function foldTight(input: string): string {
  return fold(input).replace(/ /g, "");
}

/** Collapses white space, including U+00A0 no-break spaces, for comparing quotes with source text. */
export function normalizeSpace(input: string): string {
  return input.replace(UNEVEN_SPACE, " ").trim();
}

/**
 * White space that is not already one plain space (a run of two or more, or a single other space: U+00A0, a
 * line break): replacing only these gives what replacing every run would, and leaves a text with nothing to change
 * as it is instead of rebuilding it at each of its spaces (the quote check normalises 60 MB at ×1000).
 */
const UNEVEN_SPACE = /\s{2,}|[^\S ]/g;
