// The source articles' texts, kept as one block of UTF-8 bytes with an offset per file instead of one JavaScript
// string each: Vietnamese text takes two bytes a character as a string and about 1.3 as UTF-8, the block lives
// outside the garbage-collected heap, and a snapshot saves and restores it as one copy. A text is decoded when
// asked for: building the search index from YAML, a `/source` page, a draft's duplicate check. A snapshot keeps
// each file compressed (`compressedWith`), and a restored corpus inflates a text when asked for it: tens of
// microseconds for a news article, a few times the plain decoding.

import { inflateSync } from "fflate";
import { runSteps } from "./steps";

const encoder = new TextEncoder();
// A byte-order mark at the start of a file is part of its text, as `Buffer.toString` keeps it.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** Files at a time between pauses when built in steps (see Corpus.build). */
const FILES_PER_STEP = 32;

export class SourceTexts implements ReadonlyMap<string, string> {
  private readonly at = new Map<string, number>();
  private names: string[] = [];
  private bytes = new Uint8Array(0);
  private starts = new Int32Array(1);
  /** Each file's bytes are raw DEFLATE (see `compressedWith`), inflated on `get`. */
  private compressed = false;

  private constructor() {}

  static of(texts: Iterable<readonly [string, string]>): SourceTexts {
    return runSteps(SourceTexts.steps(texts));
  }

  /** The same, yielding every few files. */
  static *steps(texts: Iterable<readonly [string, string]>): Generator<void, SourceTexts> {
    if (texts instanceof SourceTexts) return texts;
    const names: string[] = [];
    const encoded: Uint8Array[] = [];
    const at = new Map<string, number>();
    for (const [name, text] of texts) {
      if (encoded.length % FILES_PER_STEP === FILES_PER_STEP - 1) yield;
      const bytes = encoder.encode(text);
      const known = at.get(name);
      // A name given twice keeps its last text, as a Map would.
      if (known !== undefined) encoded[known] = bytes;
      else {
        at.set(name, names.length);
        names.push(name);
        encoded.push(bytes);
      }
    }
    return yield* SourceTexts.joined(names, encoded, false);
  }

  /**
   * The same from the files' bytes, in the order given, when they are known to be UTF-8 (a text read from them
   * and encoded again gives the same bytes): no text decoded and encoded again. Names are distinct.
   */
  static fromUtf8(files: Iterable<readonly [string, Uint8Array]>): SourceTexts {
    return SourceTexts.fromBytes(files, false);
  }

  /**
   * Texts already compressed file by file (raw DEFLATE of each file's UTF-8, as `compressedWith` makes them), in the
   * order given; names distinct. A reload's loader thread compresses them, so this thread never holds them whole.
   */
  static fromCompressed(files: Iterable<readonly [string, Uint8Array]>): SourceTexts {
    return SourceTexts.fromBytes(files, true);
  }

  private static fromBytes(files: Iterable<readonly [string, Uint8Array]>, compressed: boolean): SourceTexts {
    const list = [...files];
    return runSteps(
      SourceTexts.joined(
        list.map(([name]) => name),
        list.map(([, bytes]) => bytes),
        compressed,
      ),
    );
  }

  /**
   * The same texts, each file's bytes compressed on its own (raw DEFLATE) by `deflate`: a third of the memory for
   * a text read only now and then (a `/source` page, a draft's duplicate check). What a snapshot keeps: a built
   * corpus, which has just read every text, keeps them as they are.
   */
  compressedWith(deflate: (bytes: Uint8Array) => Uint8Array): SourceTexts {
    if (this.compressed) return this;
    const parts = this.names.map((_, i) =>
      deflate(this.bytes.subarray(this.starts[i] as number, this.starts[i + 1] as number)),
    );
    return runSteps(SourceTexts.joined(this.names, parts, true));
  }

  /** Distinct names and each one's bytes, in one block, yielding every few files. */
  private static *joined(
    names: string[],
    parts: readonly Uint8Array[],
    compressed: boolean,
  ): Generator<void, SourceTexts> {
    const out = new SourceTexts();
    let total = 0;
    for (const part of parts) total += part.length;
    out.names = names;
    out.bytes = new Uint8Array(total);
    out.starts = new Int32Array(parts.length + 1);
    out.compressed = compressed;
    for (const [i, part] of parts.entries()) {
      if (i % FILES_PER_STEP === FILES_PER_STEP - 1) yield;
      out.at.set(names[i] as string, i);
      const start = out.starts[i] as number;
      out.bytes.set(part, start);
      out.starts[i + 1] = start + part.length;
    }
    return out;
  }

  /** Texts saved whole in a snapshot. */
  static revive(saved: unknown): SourceTexts {
    return Object.assign(new SourceTexts(), saved);
  }

  get size(): number {
    return this.names.length;
  }

  get(name: string): string | undefined {
    const i = this.at.get(name);
    if (i === undefined) return undefined;
    const bytes = this.bytes.subarray(this.starts[i] as number, this.starts[i + 1] as number);
    return decoder.decode(this.compressed ? inflateSync(bytes) : bytes);
  }

  has(name: string): boolean {
    return this.at.has(name);
  }

  keys(): MapIterator<string> {
    return this.names[Symbol.iterator]();
  }

  *values(): MapIterator<string> {
    for (const name of this.names) yield this.get(name) as string;
  }

  *entries(): MapIterator<[string, string]> {
    for (const name of this.names) yield [name, this.get(name) as string];
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void): void {
    for (const [name, text] of this.entries()) callback(text, name, this);
  }
}
