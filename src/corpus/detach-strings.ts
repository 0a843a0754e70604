// Records as a built corpus keeps them: each distinct string once, sharing no memory with the text it was parsed
// from, and each array at its exact size. What a parser or a message hands over is neither:
// - a parsed string of 13 characters or more is a slice of the YAML text (V8 makes such a substring a view of its
//   parent): one title kept keeps its whole file's text, 257 MB of YAML text as UTF-16 at ×1000; and a slice of a
//   text with one Vietnamese letter is two bytes a character even where it is plain English, and so is a copy of it
//   made by concatenation, a message made of it, and a snapshot (17 MB of a restored heap's 182 MB at ×1000);
// - every occurrence of a string is a string of its own, where a corpus names the same ids, files and quoted
//   sentences over and over;
// - an array filled one item at a time keeps room to grow (a one-item list of sources took 144 bytes, not 24).
// A corpus restored from its snapshot has none of this (snapshot-pack.ts writes each distinct string once and makes
// arrays at their exact size); these make a built one the same.

import { SLICED_FROM } from "../core/question-words";

/** Each distinct string copied out of the YAML text, each array at its exact size: a parsed value, made over. */
export function detachStrings<T>(value: T): T {
  return new DistinctStrings({ parsed: true }).adopt(value);
}

/**
 * One copy of each distinct string across every value adopted: for records that arrive a few hundred at a time (a
 * reload's records come from the worker thread in messages, and a message brings a new string for every
 * occurrence of one).
 */
export class DistinctStrings {
  private readonly distinct = new Map<string, string>();
  private readonly parsed: boolean;

  /** @param parsed the strings may be slices of a parsed text, to be copied out (a message's never are) */
  constructor({ parsed = false }: { parsed?: boolean } = {}) {
    this.parsed = parsed;
  }

  /**
   * `value` (arrays and plain objects) with every string replaced by its distinct copy, in place, and every array
   * by one at its exact size: what is returned is what to keep.
   */
  adopt<T>(value: T): T {
    return this.made(value) as T;
  }

  private made(value: unknown): unknown {
    if (typeof value === "string") return this.copyOf(value);
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.made(value[i]);
      // A copy is made at its exact size: the array filled by pushes kept room to grow.
      return value.slice();
    }
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const item = record[key];
      if (typeof item === "string") record[key] = this.copyOf(item);
      else if (item !== null && typeof item === "object") record[key] = this.made(item);
    }
    return record;
  }

  private copyOf(text: string): string {
    let copy = this.distinct.get(text);
    if (copy === undefined) {
      // A new flat string of its own: a slice of a copy would do too, but keeps a 32-byte slice in front of the copy
      // (13 MB at ×1000), and JSON gives back every string as it was, lone surrogates included. A short string is a
      // copy of its own already, and so is a message's.
      copy = this.parsed && text.length >= SLICED_FROM ? (JSON.parse(JSON.stringify(text)) as string) : text;
      this.distinct.set(copy, copy);
    }
    return copy;
  }
}
