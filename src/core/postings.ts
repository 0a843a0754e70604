// Posting lists (ascending document ids, each with a term frequency) packed into one byte stream, for the search
// and question indexes. At a large corpus their postings were most of the memory a restored corpus kept: an
// Int32 document id and a Uint16 frequency each, six bytes. Here a posting is one LEB128 varint holding the gap
// to the previous document and a flag "frequency above 1", then the frequency as a second varint only when
// flagged: about 1.3 bytes a posting on news text (most gaps are small; most frequencies are 1), and no per-list
// counts or second offset array (the frequencies are inline, and a list ends where the next starts).

/** Lists in one stream: list s is `bytes[starts[s] … starts[s + 1]]` (empty when they are equal). Plain data. */
export interface Postings {
  starts: Int32Array;
  bytes: Uint8Array;
}

/** A decoded list: its first `count` documents and their frequencies. */
export interface PostingRun {
  count: number;
  docs: Int32Array;
  freqs: Int32Array;
}

/** Gap × 2 + flag must fit a varint of 31 bits that `|` reads back as a positive number. */
export const MAX_DOC = 2 ** 30 - 1;
const MAX_FREQ = 2 ** 31 - 1;

/** Builds postings list by list: lists in ascending order (skipped ones stay empty), each list's docs ascending. */
export class PostingsWriter {
  private readonly starts: Int32Array;
  private bytes = new Uint8Array(1024);
  private length = 0;
  private slot = 0;
  private last = -1;

  constructor(readonly slots: number) {
    this.starts = new Int32Array(slots + 1);
  }

  add(slot: number, doc: number, freq = 1): void {
    if (!(slot >= this.slot && slot < this.slots)) throw new RangeError(`posting list ${slot} out of order`);
    if (slot > this.slot) {
      this.starts.fill(this.length, this.slot + 1, slot + 1);
      this.slot = slot;
      this.last = -1;
    }
    if (!(Number.isInteger(doc) && doc > this.last && doc <= MAX_DOC)) {
      throw new RangeError(`posting list ${slot}: document ${doc} not after ${this.last} (or above ${MAX_DOC})`);
    }
    if (!(Number.isInteger(freq) && freq >= 1 && freq <= MAX_FREQ)) {
      throw new RangeError(`posting list ${slot}: frequency ${freq} out of range`);
    }
    const gap = doc - this.last - 1;
    this.last = doc;
    this.varint(gap * 2 + (freq > 1 ? 1 : 0));
    if (freq > 1) this.varint(freq);
  }

  finish(): Postings {
    this.starts.fill(this.length, this.slot + 1);
    return { starts: this.starts, bytes: this.bytes.slice(0, this.length) };
  }

  private varint(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    let v = value;
    while (v >= 128) {
      this.bytes[this.length++] = (v & 127) | 128;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }
}

/**
 * Postings from entries given in document order (list, document, frequency; `freqs` absent: all 1), the bytes
 * `PostingsWriter` writes: one pass sizes each list, a second writes every posting at its list's next byte, both
 * reading the entries in order (a counting sort that gathered them list by list read them at random, and was
 * most of the cost at ×1000, 12 million postings). Yields every 65,536 entries (see steps.ts).
 */
export function* encodePostings(
  slots: number,
  length: number,
  lists: Int32Array,
  docs: Int32Array,
  freqs?: Int32Array,
): Generator<void, Postings> {
  const starts = new Int32Array(slots + 1);
  const last = new Int32Array(slots).fill(-1);
  for (let i = 0; i < length; i++) {
    if (i % 65536 === 65535) yield;
    const slot = lists[i] as number;
    const doc = docs[i] as number;
    const freq = freqs ? (freqs[i] as number) : 1;
    const previous = last[slot] as number;
    if (!(slot >= 0 && slot < slots)) throw new RangeError(`posting list ${slot} out of range`);
    if (!(Number.isInteger(doc) && doc > previous && doc <= MAX_DOC)) {
      throw new RangeError(`posting list ${slot}: document ${doc} not after ${previous} (or above ${MAX_DOC})`);
    }
    if (!(Number.isInteger(freq) && freq >= 1 && freq <= MAX_FREQ)) {
      throw new RangeError(`posting list ${slot}: frequency ${freq} out of range`);
    }
    last[slot] = doc;
    const size = varintSize((doc - previous - 1) * 2 + (freq > 1 ? 1 : 0)) + (freq > 1 ? varintSize(freq) : 0);
    starts[slot + 1] = (starts[slot + 1] as number) + size;
  }
  for (let s = 1; s <= slots; s++) starts[s] = (starts[s] as number) + (starts[s - 1] as number);
  const bytes = new Uint8Array(starts[slots] as number);
  // Each list's next free byte, and its last document again.
  const at = starts.slice(0, slots);
  last.fill(-1);
  for (let i = 0; i < length; i++) {
    if (i % 65536 === 65535) yield;
    const slot = lists[i] as number;
    const doc = docs[i] as number;
    const freq = freqs ? (freqs[i] as number) : 1;
    let p = at[slot] as number;
    let v = (doc - (last[slot] as number) - 1) * 2 + (freq > 1 ? 1 : 0);
    last[slot] = doc;
    while (v >= 128) {
      bytes[p++] = (v & 127) | 128;
      v >>>= 7;
    }
    bytes[p++] = v;
    if (freq > 1) {
      v = freq;
      while (v >= 128) {
        bytes[p++] = (v & 127) | 128;
        v >>>= 7;
      }
      bytes[p++] = v;
    }
    at[slot] = p;
  }
  return { starts, bytes };
}

/** Bytes of a LEB128 varint. */
function varintSize(value: number): number {
  return value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : value < 268435456 ? 4 : 5;
}

/** Shared by every index: a read runs to its end before the next (one thread; each worker has its own module). */
const run: PostingRun = { count: 0, docs: new Int32Array(1024), freqs: new Int32Array(1024) };

/** List `slot` decoded into shared scratch space: valid until the next read. */
export function readPostings(postings: Postings, slot: number): Readonly<PostingRun> {
  const { starts, bytes } = postings;
  let at = starts[slot] as number;
  const end = starts[slot + 1] as number;
  // A posting takes a byte at least, so a list has at most as many as its bytes.
  if (run.docs.length < end - at) {
    const size = Math.max(end - at, run.docs.length * 2);
    run.docs = new Int32Array(size);
    run.freqs = new Int32Array(size);
  }
  const { docs, freqs } = run;
  let count = 0;
  let doc = -1;
  while (at < end) {
    let byte = bytes[at++] as number;
    let value = byte;
    if (byte >= 128) {
      value &= 127;
      for (let shift = 7; byte >= 128; shift += 7) {
        byte = bytes[at++] as number;
        value |= (byte & 127) << shift;
      }
    }
    doc += (value >>> 1) + 1;
    let freq = 1;
    if (value & 1) {
      byte = bytes[at++] as number;
      freq = byte;
      if (byte >= 128) {
        freq &= 127;
        for (let shift = 7; byte >= 128; shift += 7) {
          byte = bytes[at++] as number;
          freq |= (byte & 127) << shift;
        }
      }
    }
    docs[count] = doc;
    freqs[count++] = freq;
  }
  run.count = count;
  return run;
}

/** The source of the codec, for the fingerprint of the code a snapshot's indexes were built by. */
export function postingsCode(): string {
  return [PostingsWriter, encodePostings, varintSize, readPostings, JSON.stringify({ MAX_DOC, MAX_FREQ })]
    .map(String)
    .join("\n");
}
