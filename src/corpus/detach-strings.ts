// Parsed records hold their long strings as slices of the YAML text they were read from (V8 makes a substring of
// 13 characters or more a view of its parent): one title kept keeps its whole file's text, 257 MB of YAML text as
// UTF-16 at ×1000, alive for as long as the corpus built from it. And they hold a string per occurrence, where a
// corpus names the same ids, files and quoted sentences over and over. Here every string is replaced by one copy
// per distinct value that shares no memory with the YAML text: what a corpus restored from its snapshot holds
// (snapshot-pack.ts writes each distinct string once).

/** V8 copies shorter substrings; from this length it makes a view of the parent (SlicedString). */
const SLICED_FROM = 13;

/** Replaces, in place, every string in a parsed value (arrays and plain objects) by its distinct copy. */
export function detachStrings(value: unknown): void {
  new DistinctStrings().adopt(value);
}

/**
 * One copy of each distinct string across every value adopted: for records that arrive a few hundred at a time (a
 * reload's records come from the worker thread in messages, and a message brings a new string for every
 * occurrence of one).
 */
export class DistinctStrings {
  private readonly distinct = new Map<string, string>();

  /** Replaces, in place, every string in `value` (arrays and plain objects) by its distinct copy. */
  adopt(value: unknown): void {
    walk(value, this.distinct);
  }
}

function walk(value: unknown, distinct: Map<string, string>): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === "string") value[i] = copyOf(item, distinct);
      else if (item !== null && typeof item === "object") walk(item, distinct);
    }
    return;
  }
  if (value === null || typeof value !== "object") return;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (typeof item === "string") record[key] = copyOf(item, distinct);
    else if (item !== null && typeof item === "object") walk(item, distinct);
  }
}

function copyOf(text: string, distinct: Map<string, string>): string {
  let copy = distinct.get(text);
  if (copy === undefined) {
    // A long string is copied: the concatenation is made flat (its characters copied into a new string) when it is
    // sliced, and the slice keeps only that new string. A short one is already a copy of its own.
    copy = text.length >= SLICED_FROM ? ` ${text}`.slice(1) : text;
    distinct.set(copy, copy);
  }
  return copy;
}
