// Reads data/ from disk: YAML files parsed, validated by schema, cross-checked, quotes verified.
// Either a whole new Corpus or a list of errors with file and path: never a half-loaded corpus.
//
// A load is kept as a snapshot under the cache directory, named by the hash of every data file's bytes: the built
// corpus, records, texts and indexes in one v8 serialization, each distinct string once (snapshot-pack.ts), the
// texts compressed, the file checksummed (snapshot-file.ts). A restart with unchanged data restores it and skips
// parsing, validation and indexing.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DefaultDeserializer, serialize } from "node:v8";
import { threadId } from "node:worker_threads";
import { deflateRawSync } from "node:zlib";
import { z } from "zod";
import { Corpus, type CorpusSnapshot, indexingCode } from "../core/corpus";
import { type CorpusData, type CorpusFileName, corpusFiles } from "../core/model";
import { SourceTexts } from "../core/source-texts";
import type { CorpusError } from "../core/validate";
import { BOT_VERSION } from "../version";
import { detachStrings } from "./detach-strings";
import { type RawFiles, sourcesInOrder, validate } from "./parse";
import { frame, unframe } from "./snapshot-file";
import { type Packed, pack, unpack } from "./snapshot-pack";
import { buildHere, buildSplit, SPLIT_FROM_BYTES, yamlBytes } from "./split-load";

export type LoadResult =
  | {
      ok: true;
      corpus: Corpus;
      /** From a snapshot, not built. */
      restored?: boolean;
      /** Validated and built on two threads (see `LoadOptions.split`). */
      split?: boolean;
    }
  | { ok: false; errors: CorpusError[] };

/** What a load produces before indexes are built: enough to build a Corpus anywhere (a worker sends this). */
export type LoadedData =
  | { ok: true; data: CorpusData; texts: [string, string][]; version: string; cached: boolean; hash: string }
  | { ok: false; errors: CorpusError[] };

export interface LoadOptions {
  /** Where snapshots of built corpora are kept; none means every load parses, validates and indexes. */
  cacheDir?: string;
  /** `loadCorpusData` only: false leaves saving a new snapshot to the caller (see `saveSnapshot`). */
  saveSnapshot?: boolean;
  /**
   * `loadCorpus` only: validate and build on two threads (split-load.ts). By default from a few tens of MB of
   * YAML, where the second thread saves more than it costs to start.
   */
  split?: boolean;
  /** The code part of the snapshot key, when another thread's code will restore it (see `codeFingerprint`). */
  codeFingerprint?: string;
}

/**
 * Bump when what a snapshot holds, or a check that is not in the schema, changes. The indexes are saved as built,
 * so a change to how an index is built (see CorpusIndex, SearchIndex) bumps it too.
 * 2: the built corpus (records, texts and indexes), no longer the validated records alone.
 * 3: packed with each distinct string once (snapshot-pack.ts).
 * 4: framed with a checksum (snapshot-file.ts).
 */
const SNAPSHOT_FORMAT = 4;

/**
 * Every data file's bytes, and the files that could not be read. Read one after another without yielding: a load
 * runs at start-up or in a worker, and thousands of small reads cost a third as much as through the thread pool.
 * The files are read into one block, each a view of it: thousands of small buffers, once freed, left the process
 * hundreds of MB it kept (the memory allocator holds on to freed small blocks; one large block is given back).
 */
function readRaw(dataDir: string): RawFiles {
  const wanted: { kind: "yaml" | "source"; name: string; path: string; size: number; error?: unknown }[] = [];
  for (const file of Object.keys(corpusFiles) as CorpusFileName[]) {
    const path = join(dataDir, file);
    try {
      wanted.push({ kind: "yaml", name: file, path, size: statSync(path).size });
    } catch (error) {
      wanted.push({ kind: "yaml", name: file, path, size: 0, error });
    }
  }
  const dir = join(dataDir, "sources");
  let names: string[] = [];
  let dirError: CorpusError | undefined;
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    dirError = { file: "sources/", path: "(directory)", message: `cannot read: ${(error as Error).message}` };
  }
  for (const name of names) {
    const path = join(dir, name);
    const stats = statSync(path);
    if (stats.isFile()) wanted.push({ kind: "source", name, path, size: stats.size });
  }
  const block = Buffer.allocUnsafeSlow(wanted.reduce((sum, f) => sum + f.size, 0));
  const yaml = new Map<CorpusFileName, Buffer>();
  const sources = new Map<string, Buffer>();
  const errors: CorpusError[] = [];
  let at = 0;
  for (const f of wanted) {
    let bytes: Buffer;
    try {
      if (f.error) throw f.error;
      bytes = readInto(f.path, block.subarray(at, at + f.size)) ?? readFileSync(f.path);
    } catch (error) {
      // A source that cannot be read stops the load, as it always has; a data file is reported by name.
      if (f.kind === "source") throw error;
      errors.push({ file: f.name, path: "(file)", message: `cannot read: ${(error as Error).message}` });
      continue;
    } finally {
      at += f.size;
    }
    if (f.kind === "yaml") yaml.set(f.name as CorpusFileName, bytes);
    else sources.set(f.name, bytes);
  }
  if (dirError) errors.push(dirError);
  return { yaml, sources, errors };
}

/** The file's bytes read into `into`, or undefined when it no longer has that size (changed since listed). */
function readInto(path: string, into: Buffer): Buffer | undefined {
  const fd = openSync(path, "r");
  try {
    if (fstatSync(fd).size !== into.length) return undefined;
    let read = 0;
    while (read < into.length) {
      const n = readSync(fd, into, read, into.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    return into;
  } finally {
    closeSync(fd);
  }
}

/** Content hash of every data file (names and bytes), the schema and the snapshot format: the corpus version. */
function contentHash(raw: RawFiles): string {
  const hash = createHash("sha256");
  hash.update(`format ${SNAPSHOT_FORMAT}\0${schemaFingerprint()}\0`);
  for (const file of [...raw.yaml.keys()].sort()) {
    hash.update(`${file}\0${raw.yaml.get(file)?.length}\0`);
    hash.update(raw.yaml.get(file) as Buffer);
  }
  for (const [name, bytes] of sourcesInOrder(raw)) {
    hash.update(`sources/${name}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest("hex");
}

/**
 * The content hash `contentHash` gives data/'s files, read through one small buffer instead of kept: a restore
 * never holds the files (87 MB of sources at ×1000, in thousands of small buffers whose freed space the process
 * kept: 120 MB of its RSS). Undefined when a file cannot be read or changes while read: the load that follows
 * reads the files and reports it.
 */
function contentHashOnDisk(dataDir: string): string | undefined {
  const hash = createHash("sha256");
  hash.update(`format ${SNAPSHOT_FORMAT}\0${schemaFingerprint()}\0`);
  const chunk = Buffer.allocUnsafeSlow(1 << 20);
  const add = (label: string, path: string): boolean => {
    const fd = openSync(path, "r");
    try {
      const size = fstatSync(fd).size;
      hash.update(`${label}\0${size}\0`);
      let read = 0;
      for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
        hash.update(chunk.subarray(0, n));
        read += n;
      }
      return read === size;
    } finally {
      closeSync(fd);
    }
  };
  try {
    for (const file of (Object.keys(corpusFiles) as CorpusFileName[]).sort()) {
      if (!add(file, join(dataDir, file))) return undefined;
    }
    const dir = join(dataDir, "sources");
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isFile() && !add(`sources/${name}`, path)) return undefined;
    }
  } catch {
    return undefined;
  }
  return hash.digest("hex");
}

let fingerprint: string | undefined;
/** The schema as JSON Schema: a change to it (a new default, say) makes old snapshots unusable. */
function schemaFingerprint(): string {
  fingerprint ??= createHash("sha256")
    .update(
      JSON.stringify(
        Object.entries(corpusFiles).map(([file, schema]) => [file, z.toJSONSchema(schema, { unrepresentable: "any" })]),
      ),
    )
    .digest("hex");
  return fingerprint;
}

let ownCode: string | undefined;
/**
 * What the snapshot's key takes from the code: the bot's version and the source of the code that builds the
 * indexes (saved as built, they must come from the same code). A reload worker is given its main thread's, since
 * the same source may be transpiled differently there.
 */
export function codeFingerprint(): string {
  ownCode ??= createHash("sha256").update(`${BOT_VERSION}\0${indexingCode()}`).digest("hex");
  return ownCode;
}

function snapshotKey(hash: string, options: LoadOptions): string {
  return createHash("sha256")
    .update(`${hash}\0${options.codeFingerprint ?? codeFingerprint()}`)
    .digest("hex");
}

function snapshotPath(cacheDir: string, key: string): string {
  return join(cacheDir, `corpus-${key.slice(0, 32)}.v8`);
}

/**
 * `v8.deserialize`, with every typed array copied out of the file's bytes: by default each one is a view of the
 * buffer read, which keeps the whole file (hundreds of MB at a large corpus) in memory as long as an index lives.
 * Small arrays (tens of thousands: a fact list per province, place and year) share slabs of their own, as Buffer's
 * pool does: an ArrayBuffer each would cost more than its bytes.
 */
class OwnArraysDeserializer extends DefaultDeserializer {
  private slab = new ArrayBuffer(0);
  private used = 0;

  // Node documents `_readHostObject` as the hook to override (its types leave it out).
  _readHostObject(): ArrayBufferView {
    const base = DefaultDeserializer.prototype as unknown as { _readHostObject(): ArrayBufferView };
    const view = base._readHostObject.call(this);
    const type = view.constructor as new (buffer: ArrayBufferLike, offset?: number, length?: number) => ArrayBufferView;
    const size = view.byteLength;
    if (size >= SLAB_BYTES / 8) return new type(view.buffer.slice(view.byteOffset, view.byteOffset + size));
    const at = Math.ceil(this.used / 8) * 8;
    if (at + size > this.slab.byteLength) {
      this.slab = new ArrayBuffer(SLAB_BYTES);
      this.used = 0;
      return this.copyInto(view, type, 0);
    }
    return this.copyInto(view, type, at);
  }

  private copyInto(
    view: ArrayBufferView,
    type: new (buffer: ArrayBufferLike, offset?: number, length?: number) => ArrayBufferView,
    at: number,
  ): ArrayBufferView {
    const size = view.byteLength;
    new Uint8Array(this.slab, at, size).set(new Uint8Array(view.buffer, view.byteOffset, size));
    this.used = at + size;
    const unit = (type as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
    return new type(this.slab, at, view instanceof DataView ? size : size / unit);
  }
}

const SLAB_BYTES = 1 << 20;

export function deserializeOwned(bytes: Buffer): unknown {
  const reader = new OwnArraysDeserializer(bytes);
  reader.readHeader();
  return reader.readValue();
}

/** The corpus saved for these files, indexes and all, or nothing (none saved, or unreadable: parse instead). */
function readSnapshot(cacheDir: string, key: string): CorpusSnapshot | undefined {
  try {
    const body = unframe(readFileSync(snapshotPath(cacheDir, key)));
    if (!body) return undefined;
    const saved = deserializeOwned(body) as { key: string; corpus: Packed };
    return saved.key === key ? (unpack(saved.corpus) as CorpusSnapshot) : undefined;
  } catch {
    return undefined;
  }
}

/** The corpus a snapshot holds, or nothing when it cannot be restored (parse instead). */
function restore(saved: CorpusSnapshot): Corpus | undefined {
  try {
    return Corpus.restore(saved);
  } catch {
    return undefined;
  }
}

/**
 * Keeps a built corpus for the next load of the same files. A snapshot that cannot be written costs the next start
 * its speed, not its data: callers ignore a failure.
 */
export async function saveSnapshot(
  cacheDir: string,
  hash: string,
  corpus: Corpus,
  options: LoadOptions = {},
): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const key = snapshotKey(hash, options);
  const path = snapshotPath(cacheDir, key);
  const temp = `${path}.${process.pid}.${threadId}.tmp`;
  const snapshot = corpus.snapshot();
  // Compressed here, at level 1: node's zlib is several times quicker than a JavaScript deflate, and level 1
  // shrinks news text nearly as much as the default.
  snapshot.texts = snapshot.texts.compressedWith((bytes) => deflateRawSync(bytes, { level: 1 }));
  await writeFile(temp, frame(serialize({ key, corpus: pack(snapshot) })));
  await rename(temp, path);
  // Keep the newest few: a rollback to recent data is still fast, and the directory does not grow without end.
  const others = (await readdir(cacheDir)).filter(
    (f) => /^corpus-[0-9a-f]+\.v8$/.test(f) && join(cacheDir, f) !== path,
  );
  const dated = await Promise.all(others.map(async (f) => ({ f, at: (await stat(join(cacheDir, f))).mtimeMs })));
  for (const { f } of dated.sort((a, b) => b.at - a.at).slice(2)) await rm(join(cacheDir, f), { force: true });
}

type Found =
  | { ok: false; errors: CorpusError[] }
  | { ok: true; hash: string; saved: CorpusSnapshot }
  | { ok: true; hash: string; raw: RawFiles };

/** The saved corpus for data/'s current files, or the files as read. */
async function find(dataDir: string, options: LoadOptions): Promise<Found> {
  if (options.cacheDir) {
    const onDisk = contentHashOnDisk(dataDir);
    const saved = onDisk === undefined ? undefined : readSnapshot(options.cacheDir, snapshotKey(onDisk, options));
    if (onDisk !== undefined && saved) return { ok: true, hash: onDisk, saved };
  }
  return readFiles(dataDir);
}

/** data/'s files as read, hashed from the bytes read: a snapshot saved after parsing is of exactly what was parsed. */
function readFiles(dataDir: string): Exclude<Found, { saved: CorpusSnapshot }> {
  const raw = readRaw(dataDir);
  if (raw.errors.length > 0 && raw.yaml.size === 0) return { ok: false, errors: raw.errors };
  return { ok: true, hash: contentHash(raw), raw };
}

const versionOf = (hash: string) => hash.slice(0, 12);

/**
 * Reads, parses and validates data/ (or takes the records of its snapshot), without building indexes here.
 * With a cache directory and no snapshot yet, one is built and saved, unless `saveSnapshot` is false (the
 * reload worker saves once it has handed the records over).
 */
export async function loadCorpusData(dataDir: string, options: LoadOptions = {}): Promise<LoadedData> {
  const found = await find(dataDir, options);
  if (!found.ok) return found;
  const version = versionOf(found.hash);
  // Only the records and texts are wanted here (the indexes are built where the records go): nothing restored.
  if ("saved" in found) {
    const { data, texts } = found.saved;
    const kept = [...SourceTexts.revive(texts)];
    return { ok: true, data: data as CorpusData, texts: kept, version, cached: true, hash: found.hash };
  }
  const valid = validate(found.raw);
  if (!valid.ok) return valid;
  // Strings copied out of the YAML text: each one byte a character where it can be (a slice of Vietnamese text is
  // two), which a message and a snapshot keep as they find it (detach-strings.ts).
  const data = detachStrings(valid.data);
  if (options.cacheDir && options.saveSnapshot !== false) {
    const corpus = new Corpus(data, valid.texts, version);
    await saveSnapshot(options.cacheDir, found.hash, corpus, options).catch(() => undefined);
  }
  return { ok: true, data, texts: [...valid.texts], version, cached: false, hash: found.hash };
}

export async function loadCorpus(dataDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  let found = await find(dataDir, options);
  if (!found.ok) return found;
  if ("saved" in found) {
    const restored = restore(found.saved);
    if (restored) return { ok: true, corpus: restored, restored: true };
    found = readFiles(dataDir);
    if (!found.ok) return found;
  }
  const version = versionOf(found.hash);
  const split = options.split ?? yamlBytes(found.raw) >= SPLIT_FROM_BYTES;
  const built = split ? await buildSplit(found.raw, version) : buildHere(found.raw, version);
  if (!built.ok) return built;
  if (options.cacheDir) await saveSnapshot(options.cacheDir, found.hash, built.corpus, options).catch(() => undefined);
  return { ok: true, corpus: built.corpus, restored: false, split: built.split === true };
}

export async function readSourceTexts(dataDir: string): Promise<Map<string, string>> {
  const dir = join(dataDir, "sources");
  const texts = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) {
    texts.set(name, await readFile(join(dir, name), "utf8"));
  }
  return texts;
}

export function formatErrors(errors: readonly CorpusError[]): string {
  return errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join("\n");
}
