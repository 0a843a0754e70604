// A snapshot's bytes: a value packed (snapshot-pack.ts), and a second value packed after it, which may come later (a
// corpus's compressed texts, made on another thread while this one packs), in one checksummed file
// (snapshot-file.ts). The parts: a head (the op codes, shapes and numbers, as v8 writes them), the strings in
// parts of a few thousand, then the bytes of every typed array as they are, each at an 8-byte boundary, in parts of
// a few MB. Read back as steps, each part one step, so a reload restores the next version between the bot's
// answers; a first start reads them all at once.
//
// The typed arrays are read back into one block of exactly their size, the file's bytes copied once: through v8's
// deserializer, every array not aligned in the file was first copied on its own (54 MB at ×1000, in 15,000
// allocations), and arrays in hundreds of separate buffers left the allocator holding tens of MB once an old
// version was gone (glibc serves allocations under its moving threshold from heaps it rarely gives back), while one
// block of that size is its own mapping, given back whole.
import { deserialize, serialize } from "node:v8";
import { runSteps } from "../core/steps";
import { frame, unframe, unframeSteps } from "./snapshot-file";
import { PackError, type Packed, pack, unpack, unpackSteps } from "./snapshot-pack";

/**
 * How a snapshot's texts are compressed (raw DEFLATE): level 1, since node's zlib is several times quicker than a
 * JavaScript deflate, and level 1 shrinks news text nearly as much as the default.
 */
export const TEXT_DEFLATE = { level: 1 } as const;

const STRINGS_PER_PART = 1 << 14;
const VIEW_BYTES_PER_PART = 4 << 20;

/** The kinds of typed array a snapshot holds, by the name it writes for each (a Buffer is a Uint8Array). */
const VIEW_TYPES = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
  DataView,
} as const;
type ViewTypeName = keyof typeof VIEW_TYPES;
/** What every one of them is made with (a DataView takes a length in bytes, and has no element size). */
type ViewConstructor = {
  new (buffer: ArrayBuffer, offset: number, length: number): ArrayBufferView;
  BYTES_PER_ELEMENT?: number;
};

/** A packed value without its typed arrays, which are written apart. */
type PackedHead = Omit<Packed, "views" | "strings">;

interface Head {
  key: string;
  value: PackedHead;
  /** The second value; its strings are few (file names), kept here. */
  late: Omit<Packed, "views">;
  stringParts: number;
  viewParts: number;
  /** Each typed array's kind and byte length: the first value's, then the second's. */
  viewTypes: ViewTypeName[];
  viewLengths: number[];
  /** How many of them are the first value's. */
  valueViews: number;
}

/** What a snapshot file holds: the packed value, and the one written after it. */
export interface Decoded {
  value: unknown;
  late: unknown;
}

const aligned = (bytes: number) => Math.ceil(bytes / 8) * 8;

function typeName(view: ArrayBufferView): ViewTypeName {
  // A typed array's tag is its kind's name, a Buffer's "Uint8Array"; a DataView's "DataView".
  const name = Object.prototype.toString.call(view).slice(8, -1);
  if (!Object.hasOwn(VIEW_TYPES, name)) throw new PackError(`a snapshot cannot hold a ${name}`);
  return name as ViewTypeName;
}

/** The typed arrays' bytes, each at an 8-byte boundary, in parts of a few MB (a larger array is a part alone). */
function viewParts(views: readonly ArrayBufferView[]): Buffer[] {
  const parts: Buffer[] = [];
  for (let i = 0; i < views.length; ) {
    let size = 0;
    let end = i;
    while (
      end < views.length &&
      (end === i || size + aligned((views[end] as ArrayBufferView).byteLength) <= VIEW_BYTES_PER_PART)
    ) {
      size += aligned((views[end] as ArrayBufferView).byteLength);
      end++;
    }
    const part = Buffer.alloc(size);
    let at = 0;
    for (; i < end; i++) {
      const view = views[i] as ArrayBufferView;
      part.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), at);
      at += aligned(view.byteLength);
    }
    parts.push(part);
  }
  return parts;
}

/**
 * The file bytes of `value` and `late`, saved under `key` (a snapshot read under another key is not used). `value`
 * is packed while `late` may still be on its way.
 */
export async function encodeSnapshot(key: string, value: unknown, late: Promise<unknown>): Promise<Buffer> {
  const { strings, views, ...packed } = pack(value);
  const stringParts: Buffer[] = [];
  for (let i = 0; i < strings.length; i += STRINGS_PER_PART) {
    stringParts.push(serialize(strings.slice(i, i + STRINGS_PER_PART)));
  }
  const { views: lateViews, ...lateHead } = pack(await late);
  const all = [...views, ...lateViews];
  const bytes = viewParts(all);
  const head: Head = {
    key,
    value: packed,
    late: lateHead,
    stringParts: stringParts.length,
    viewParts: bytes.length,
    viewTypes: all.map(typeName),
    viewLengths: all.map((view) => view.byteLength),
    valueViews: views.length,
  };
  return frame([serialize(head), ...stringParts, ...bytes]);
}

/** The key a snapshot file was saved under, or nothing when the file is damaged. */
export function snapshotKeyOf(file: Buffer): string | undefined {
  const parts = unframe(file);
  return parts?.[0] ? (deserialize(parts[0]) as Head).key : undefined;
}

/** The value saved under `key` in a snapshot file, or nothing when the file is damaged or saved under another key. */
export function decodeSnapshot(file: Buffer, key: string): Decoded | undefined {
  return runSteps(decodeSnapshotSteps(file, key));
}

/** `decodeSnapshot` as steps of a few milliseconds. Throws when a part cannot be read. */
export function* decodeSnapshotSteps(file: Buffer, key: string): Generator<void, Decoded | undefined> {
  const parts = yield* unframeSteps(file);
  if (!parts || parts.length === 0) return undefined;
  // Its arrays (the op codes) stay views of the file's bytes: read once while unpacking, they go with the file.
  const head = deserialize(parts[0] as Buffer) as Head;
  if (head.key !== key || parts.length !== 1 + head.stringParts + head.viewParts) return undefined;
  const strings: string[] = [];
  let at = 1;
  for (let i = 0; i < head.stringParts; i++) {
    yield;
    for (const s of deserialize(parts[at++] as Buffer) as string[]) strings.push(s);
  }
  const block = new Uint8Array(head.viewLengths.reduce((sum, length) => sum + aligned(length), 0));
  let filled = 0;
  for (let i = 0; i < head.viewParts; i++) {
    yield;
    const part = parts[at++] as Buffer;
    block.set(part, filled);
    filled += part.length;
  }
  if (filled !== block.length) throw new PackError("a snapshot's typed arrays do not fill their block");
  const views: ArrayBufferView[] = [];
  let offset = 0;
  head.viewTypes.forEach((name, i) => {
    const type = VIEW_TYPES[name] as unknown as ViewConstructor;
    const length = head.viewLengths[i] as number;
    views.push(new type(block.buffer, offset, length / (type.BYTES_PER_ELEMENT ?? 1)));
    offset += aligned(length);
  });
  yield;
  const late = unpack({ ...head.late, views: views.slice(head.valueViews) });
  const value = yield* unpackSteps({ ...head.value, strings, views: views.slice(0, head.valueViews) });
  return { value, late };
}
