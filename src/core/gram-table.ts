// Trigrams as numbers: a trigram's three UTF-16 code units make one exact 48-bit number, and an index keeps its
// trigrams as one sorted Float64Array, found by binary search. A Map from trigram strings took an entry and a
// string each (50,000 trigrams in the search and question indexes at ×1000), filled again on every restore.
import { lowerBound } from "./sort-steps";

/** A trigram (three code units, as `trigramSet` makes them) as one number. */
export function gramKey(gram: string): number {
  return gram.charCodeAt(0) * 2 ** 32 + gram.charCodeAt(1) * 2 ** 16 + gram.charCodeAt(2);
}

/**
 * The key of the `i`-th trigram of `term` (0 ≤ i < term.length) as `trigramSet` pads it (\u0001 at both edges),
 * made from the code units without making the trigram: `gramKey` of the same trigram.
 */
export function gramKeyAt(term: string, i: number): number {
  return (
    (i === 0 ? 1 : term.charCodeAt(i - 1)) * 2 ** 32 +
    term.charCodeAt(i) * 2 ** 16 +
    (i + 1 < term.length ? term.charCodeAt(i + 1) : 1)
  );
}

/** The trigrams of a map as sorted keys, and their values in the same order. */
export function sortedGrams<T>(byGram: ReadonlyMap<string, T>): { keys: Float64Array; values: T[] } {
  const entries = [...byGram].map(([gram, value]) => ({ key: gramKey(gram), value }));
  entries.sort((a, b) => a.key - b.key);
  return { keys: Float64Array.from(entries, (e) => e.key), values: entries.map((e) => e.value) };
}

/** The position of a trigram in sorted keys, or −1. */
export function gramAt(keys: Float64Array, gram: string): number {
  if (gram.length !== 3) return -1;
  const key = gramKey(gram);
  const at = lowerBound(keys, key);
  return keys[at] === key ? at : -1;
}

/** The source of this file's functions, for the fingerprint of the code a snapshot's indexes were built by. */
export function gramTableCode(): string {
  return [gramKey, gramKeyAt, sortedGrams, gramAt, lowerBound].map(String).join("\n");
}
