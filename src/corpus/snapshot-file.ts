// A snapshot file's frame: four bytes that say what it is, the CRC-32 of the rest, then the parts it holds (a count,
// each one's length, the parts back to back). A file damaged on disk (a flipped bit, a half-written copy) is refused
// before anything is read from it, and the load parses the YAML instead: without this, a flipped bit in a packed
// snapshot could shift an index and restore other data silently, or fail later, when a compressed text is read.
// Several parts, so a reload can read them one at a time between the bot's answers (snapshot-codec.ts).
import { crc32 } from "node:zlib";
import { runSteps } from "../core/steps";

const MAGIC = Buffer.from("HNs2", "latin1");
const HEADER_BYTES = 8;
/** Bytes checked between two steps of `unframeSteps`: a few milliseconds. */
const CHECK_BYTES = 4 << 20;

/** The bytes of a snapshot file holding `parts`. */
export function frame(parts: readonly Uint8Array[]): Buffer {
  const table = Buffer.alloc(4 * (parts.length + 1));
  table.writeUInt32LE(parts.length, 0);
  parts.forEach((part, i) => {
    table.writeUInt32LE(part.length, 4 * (i + 1));
  });
  const body = [table, ...parts];
  let crc = 0;
  for (const bytes of body) crc = crc32(bytes, crc);
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header);
  header.writeUInt32LE(crc, MAGIC.length);
  return Buffer.concat([header, ...body]);
}

/** The parts of a snapshot file, or nothing when the file is not one or its bytes are not those written. */
export function unframe(file: Buffer): Buffer[] | undefined {
  return runSteps(unframeSteps(file));
}

/** `unframe` as steps: it yields every few MB checked. */
export function* unframeSteps(file: Buffer): Generator<void, Buffer[] | undefined> {
  if (file.length < HEADER_BYTES + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  let crc = 0;
  for (let at = HEADER_BYTES; at < file.length; at += CHECK_BYTES) {
    if (at > HEADER_BYTES) yield;
    crc = crc32(file.subarray(at, Math.min(at + CHECK_BYTES, file.length)), crc);
  }
  if (file.readUInt32LE(MAGIC.length) !== crc) return undefined;
  const count = file.readUInt32LE(HEADER_BYTES);
  let at = HEADER_BYTES + 4 * (count + 1);
  if (at > file.length) return undefined;
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const length = file.readUInt32LE(HEADER_BYTES + 4 * (i + 1));
    if (at + length > file.length) return undefined;
    parts.push(file.subarray(at, at + length));
    at += length;
  }
  return at === file.length ? parts : undefined;
}
