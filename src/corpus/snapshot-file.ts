// A snapshot file's frame: four bytes that say what it is, then the CRC-32 of the rest. A file damaged on disk (a
// flipped bit, a half-written copy) is refused before anything is read from it, and the load parses the YAML
// instead: without this, a flipped bit in a packed snapshot could shift an index and restore other data silently,
// or fail later, when a compressed text is read.
import { crc32 } from "node:zlib";

const MAGIC = Buffer.from("HNs1", "latin1");
const HEADER_BYTES = 8;

/** The bytes of a snapshot file holding `body`. */
export function frame(body: Uint8Array): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header);
  header.writeUInt32LE(crc32(body), MAGIC.length);
  return Buffer.concat([header, body]);
}

/** The body of a snapshot file, or nothing when the file is not one or its bytes are not those written. */
export function unframe(file: Buffer): Buffer | undefined {
  if (file.length < HEADER_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const body = file.subarray(HEADER_BYTES);
  return file.readUInt32LE(MAGIC.length) === crc32(body) ? body : undefined;
}
