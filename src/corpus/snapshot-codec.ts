// A snapshot's bytes: a value packed (snapshot-pack.ts), written as several v8 serializations in one checksummed
// file (snapshot-file.ts): the op codes, shapes and numbers first, then the strings and the typed arrays in parts
// of a few thousand, and last a second value as v8 writes it, which may come later (a corpus's compressed texts,
// made on another thread while this one packs). Read back as steps, each part one step, so a reload restores the
// next version between the bot's answers; a first start reads them all at once.
import { DefaultDeserializer, serialize } from "node:v8";
import { runSteps } from "../core/steps";
import { frame, unframe, unframeSteps } from "./snapshot-file";
import { type Packed, pack, unpackSteps } from "./snapshot-pack";

/**
 * How a snapshot's texts are compressed (raw DEFLATE): level 1, since node's zlib is several times quicker than a
 * JavaScript deflate, and level 1 shrinks news text nearly as much as the default.
 */
export const TEXT_DEFLATE = { level: 1 } as const;

const STRINGS_PER_PART = 1 << 14;
const VIEW_BYTES_PER_PART = 4 << 20;

interface Head {
  key: string;
  ops: Int32Array;
  shapes: string[][];
  numbers: Float64Array;
  stringParts: number;
  viewParts: number;
  /** The bytes of every typed array, the texts' too, each at an 8-byte boundary: read back into one block. */
  viewBytes: number;
}

/** What a snapshot file holds: the packed value, and the one written after it. */
export interface Decoded {
  value: unknown;
  late: unknown;
}

/**
 * The file bytes of `value` and `late`, saved under `key` (a snapshot read under another key is not used). `value`
 * is packed while `late` may still be on its way.
 */
export async function encodeSnapshot(key: string, value: unknown, late: Promise<unknown>): Promise<Buffer> {
  const { ops, shapes, numbers, strings, views } = pack(value);
  const stringParts: Buffer[] = [];
  for (let i = 0; i < strings.length; i += STRINGS_PER_PART) {
    stringParts.push(serialize(strings.slice(i, i + STRINGS_PER_PART)));
  }
  const viewParts: Buffer[] = [];
  for (let i = 0; i < views.length; ) {
    const part: ArrayBufferView[] = [];
    let bytes = 0;
    while (i < views.length && (part.length === 0 || bytes < VIEW_BYTES_PER_PART)) {
      const view = views[i++] as ArrayBufferView;
      part.push(view);
      bytes += view.byteLength;
    }
    viewParts.push(serialize(part));
  }
  const last = await late;
  const lateViews = typeof last === "object" && last !== null ? Object.values(last).filter(ArrayBuffer.isView) : [];
  const viewBytes = [...views, ...lateViews].reduce((sum, view) => sum + aligned(view.byteLength), 0);
  const head: Head = {
    key,
    ops,
    shapes,
    numbers,
    stringParts: stringParts.length,
    viewParts: viewParts.length,
    viewBytes,
  };
  return frame([serialize(head), ...stringParts, ...viewParts, serialize(last)]);
}

/** The key a snapshot file was saved under, or nothing when the file is damaged. */
export function snapshotKeyOf(file: Buffer): string | undefined {
  const parts = unframe(file);
  return parts?.[0] ? (deserializeOwned(parts[0]) as Head).key : undefined;
}

/** The value saved under `key` in a snapshot file, or nothing when the file is damaged or saved under another key. */
export function decodeSnapshot(file: Buffer, key: string): Decoded | undefined {
  return runSteps(decodeSnapshotSteps(file, key));
}

/** `decodeSnapshot` as steps of a few milliseconds. Throws when a part cannot be read. */
export function* decodeSnapshotSteps(file: Buffer, key: string): Generator<void, Decoded | undefined> {
  const parts = yield* unframeSteps(file);
  if (!parts || parts.length === 0) return undefined;
  const head = deserializeOwned(parts[0] as Buffer) as Head;
  if (head.key !== key || parts.length !== 2 + head.stringParts + head.viewParts) return undefined;
  const slabs = new Slabs(head.viewBytes);
  const strings: string[] = [];
  const views: ArrayBufferView[] = [];
  let at = 1;
  for (let i = 0; i < head.stringParts; i++) {
    yield;
    for (const s of deserializeOwned(parts[at++] as Buffer, slabs) as string[]) strings.push(s);
  }
  for (let i = 0; i < head.viewParts; i++) {
    yield;
    for (const v of deserializeOwned(parts[at++] as Buffer, slabs) as ArrayBufferView[]) views.push(v);
  }
  yield;
  const late = deserializeOwned(parts[at] as Buffer, slabs);
  const packed: Packed = { ops: head.ops, shapes: head.shapes, numbers: head.numbers, strings, views };
  return { value: yield* unpackSteps(packed), late };
}

const aligned = (bytes: number) => Math.ceil(bytes / 8) * 8;

/**
 * Where typed arrays are copied. Given the bytes of a whole snapshot's arrays, all of them, into one block: a
 * reload's arrays in hundreds of separate allocations left the allocator holding about 70 MB at ×1000 once the
 * old version was gone (glibc serves allocations under its moving threshold from heaps it rarely gives back),
 * while one block of that size is its own mapping, given back whole. Otherwise small arrays (tens of thousands: a
 * fact list per province, place and year) share slabs, as Buffer's pool does, since an ArrayBuffer each would
 * cost more than its bytes, and a large one gets a buffer of its own.
 */
class Slabs {
  slab: ArrayBuffer;
  used = 0;
  /** Whether every array goes into `slab` (it was made for them all). */
  readonly whole: boolean;

  constructor(total = 0) {
    this.slab = new ArrayBuffer(total);
    this.whole = total > 0;
  }
}

const SLAB_BYTES = 1 << 20;

type ViewType = new (buffer: ArrayBufferLike, offset?: number, length?: number) => ArrayBufferView;

/**
 * `v8.deserialize`, with every typed array copied out of the file's bytes: by default each one is a view of the
 * buffer read, which keeps the whole file (hundreds of MB at a large corpus) in memory as long as an index lives.
 */
class OwnArraysDeserializer extends DefaultDeserializer {
  constructor(
    bytes: Buffer,
    private readonly slabs: Slabs,
  ) {
    super(bytes);
  }

  // Node documents `_readHostObject` as the hook to override (its types leave it out).
  _readHostObject(): ArrayBufferView {
    const base = DefaultDeserializer.prototype as unknown as { _readHostObject(): ArrayBufferView };
    const view = base._readHostObject.call(this);
    const type = view.constructor as ViewType;
    const size = view.byteLength;
    const { slabs } = this;
    let at = aligned(slabs.used);
    const fits = at + size <= slabs.slab.byteLength;
    if (!(slabs.whole && fits) && size >= SLAB_BYTES / 8) {
      return new type(view.buffer.slice(view.byteOffset, view.byteOffset + size));
    }
    if (!fits) {
      slabs.slab = new ArrayBuffer(SLAB_BYTES);
      at = 0;
    }
    new Uint8Array(slabs.slab, at, size).set(new Uint8Array(view.buffer, view.byteOffset, size));
    slabs.used = at + size;
    const unit = (type as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
    return new type(slabs.slab, at, view instanceof DataView ? size : size / unit);
  }
}

/** One v8 serialization read back, its typed arrays with memory of their own (see OwnArraysDeserializer). */
export function deserializeOwned(bytes: Buffer, slabs = new Slabs()): unknown {
  const reader = new OwnArraysDeserializer(bytes, slabs);
  reader.readHeader();
  return reader.readValue();
}
