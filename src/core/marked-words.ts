// Words as typed, diacritics and all, found through an index instead of by reading every hit. `/search` folds
// the query, so "Triều Tiên" also finds "triệu … tiền"; when the query has marks, the hits holding its words
// exactly as typed come first. Checking that hit by hit made and normalised every hit's text: 88 ms for
// "hợp tác" at ×1000 (28,000 hits). Here each document's chunks between white space (NFC, lower case) that
// carry what folding would change are indexed once; a typed word is in a document's text exactly when it is
// inside one of its chunks (it holds no white space), so the vocabulary of chunks is scanned, not the texts.

import { grown, IntList } from "./int-list";
import { fold } from "./normalize";
import { encodePostings, type Postings, readPostings } from "./postings";
import { revive } from "./revive";

/** A document's text as the exact match reads it: NFC, lower case. */
export function markedText(title: string, body: string): string {
  return `${title} ${body}`.normalize("NFC").toLowerCase();
}

/** A word folding would change (marks, đ, inner punctuation): only such words need the index. */
export function isMarked(word: string): boolean {
  return word !== fold(word);
}

export class MarkedWords {
  /** Distinct chunks, in the order first met; the documents of chunk c are postings list c. */
  private chunks: string[] = [];
  private postings: Postings = { starts: new Int32Array(1), bytes: new Uint8Array(0) };
  private documentCount = 0;

  private constructor() {}

  static empty(): MarkedWords {
    return new MarkedWords();
  }

  static builder(): MarkedWordsBuilder {
    return new MarkedWordsBuilder();
  }

  /** @internal From the builder. */
  static of(chunks: string[], postings: Postings, documentCount: number): MarkedWords {
    return Object.assign(new MarkedWords(), { chunks, postings, documentCount });
  }

  static revive(saved: unknown): MarkedWords {
    return revive(MarkedWords, saved);
  }

  /**
   * Which documents hold every word as typed (each NFC, lower case, marked: see `isMarked`), as a test of a
   * document's position. Words of no mark would need the texts: they are not accepted here.
   */
  holdingAll(words: readonly string[]): (doc: number) => boolean {
    if (words.length === 0) return () => true;
    if (!words.every(isMarked)) throw new RangeError("only words with marks can be found as typed here");
    // A search of more words finds nothing (search-index.ts), and the counts below hold 255 at most.
    if (words.length > 255) return () => false;
    // counts[d] = how many of the words so far document d holds, counted only while it holds all before.
    const counts = new Uint8Array(this.documentCount);
    for (const [i, word] of words.entries()) {
      for (let c = 0; c < this.chunks.length; c++) {
        if (!(this.chunks[c] as string).includes(word)) continue;
        const { count, docs } = readPostings(this.postings, c);
        for (let p = 0; p < count; p++) {
          const d = docs[p] as number;
          if (counts[d] === i) counts[d] = i + 1;
        }
      }
    }
    const all = words.length;
    return (doc) => counts[doc] === all;
  }
}

/** What `\s` matches in a regular expression: the chunks are what `text.split(/\s+/)` gives. */
function isSpace(code: number): boolean {
  return code <= 32
    ? code === 32 || (code >= 9 && code <= 13)
    : code >= 0xa0 &&
        (code === 0xa0 ||
          code === 0x1680 ||
          (code >= 0x2000 && code <= 0x200a) ||
          code === 0x2028 ||
          code === 0x2029 ||
          code === 0x202f ||
          code === 0x205f ||
          code === 0x3000 ||
          code === 0xfeff);
}

/** ASCII characters `fold` changes: capitals and the punctuation it turns into spaces. */
const FOLDED_ASCII = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.,'\"()") FOLDED_ASCII[ch.charCodeAt(0)] = 1;

/** Documents given in order, then `finish`. */
export class MarkedWordsBuilder {
  /** Every distinct chunk met: its id, or −1 when it carries nothing folding would change (checked once). */
  private readonly chunkIds = new Map<string, number>();
  private readonly chunks: string[] = [];
  private readonly lists = new IntList();
  private readonly docs = new IntList();
  /** Per chunk, the last document it was listed for. */
  private lastDoc = new Int32Array(1024).fill(-1);
  private documentCount = 0;

  /** The next document's text (see `markedText`). */
  add(text: string): void {
    const d = this.documentCount++;
    const n = text.length;
    let at = 0;
    while (at < n) {
      while (at < n && isSpace(text.charCodeAt(at))) at++;
      const start = at;
      // Only a chunk with a character folding could change can be marked: the others are never cut out.
      let maybe = false;
      for (let code = text.charCodeAt(at); at < n && !isSpace(code); code = text.charCodeAt(++at)) {
        if (code > 127 || FOLDED_ASCII[code] === 1) maybe = true;
      }
      if (!maybe) continue;
      const chunk = text.slice(start, at);
      let c = this.chunkIds.get(chunk);
      if (c === undefined) {
        c = isMarked(chunk) ? this.chunks.length : -1;
        this.chunkIds.set(chunk, c);
        if (c >= 0) this.chunks.push(chunk);
      }
      if (c < 0 || this.lastDoc[c] === d) continue;
      if (c >= this.lastDoc.length) this.lastDoc = grown(this.lastDoc, -1);
      this.lastDoc[c] = d;
      this.lists.push(c);
      this.docs.push(d);
    }
  }

  *finish(): Generator<void, MarkedWords> {
    const { lists, docs } = this;
    const postings = yield* encodePostings(this.chunks.length, lists.length, lists.array, docs.array);
    return MarkedWords.of(this.chunks, postings, this.documentCount);
  }
}

/** The source of this index, for the fingerprint of the code a snapshot's indexes were built by. */
export function markedWordsCode(): string {
  return [MarkedWords, MarkedWordsBuilder, markedText, isMarked, isSpace, JSON.stringify([...FOLDED_ASCII])]
    .map(String)
    .join("\n");
}
