// Reads data/ from disk: YAML files parsed, validated by schema, cross-checked, quotes verified.
// Either a whole new Corpus or a list of errors with file and path: never a half-loaded corpus.
//
// A load is kept as a snapshot under the cache directory, named by the hash of every data file's bytes: the built
// corpus, records, texts and indexes in one v8 serialization, each distinct string once (snapshot-pack.ts), the
// texts compressed, the file checksummed (snapshot-file.ts). A restart with unchanged data restores it and skips
// parsing, validation and indexing.
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { access, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { deflateRawSync } from "node:zlib";
import { z } from "zod";
import { Corpus, type CorpusSnapshot, indexingCode } from "../core/corpus";
import { type CorpusFileName, corpusFiles } from "../core/model";
import { SourceTexts } from "../core/source-texts";
import { runStepsPausing } from "../core/steps";
import type { CorpusError } from "../core/validate";
import { BOT_VERSION } from "../version";
import { buildInChild } from "./child-load";
import { type RawFiles, sourcesInOrder } from "./parse";
import {
  type Decoded,
  decodeSnapshot,
  decodeSnapshotSteps,
  encodeSnapshot,
  snapshotKeyOf,
  TEXT_DEFLATE,
} from "./snapshot-codec";
import { buildHere, buildSplit, SPLIT_FROM_BYTES, yamlBytes } from "./split-load";

export type LoadResult =
  | {
      ok: true;
      corpus: Corpus;
      /** From a snapshot, not built. */
      restored?: boolean;
      /** Validated and built on two threads (see `LoadOptions.split`). */
      split?: boolean;
      /** Built (or found) by a child process and restored from the snapshot it saved (see `LoadOptions.isolate`). */
      isolated?: boolean;
    }
  | { ok: false; errors: CorpusError[] };

export interface LoadOptions {
  /** Where snapshots of built corpora are kept; none means every load parses, validates and indexes. */
  cacheDir?: string;
  /**
   * Validate and build on two threads (split-load.ts). By default from a few tens of MB of YAML, where the second
   * thread saves more than it costs to start.
   */
  split?: boolean;
  /**
   * `loadCorpus` only: build in a child process and restore the snapshot it saves (`loadCorpusInChild`). By
   * default from the same size as `split`: a corpus built in the bot's own process held half as much memory again
   * as one restored (heap built field by field, what the allocator keeps after the build's peak), and that
   * lasted until the next restart.
   */
  isolate?: boolean;
  /** The code part of the snapshot key, when another thread's code will restore it (see `codeFingerprint`). */
  codeFingerprint?: string;
}

/**
 * Bump when what a snapshot holds, or a check that is not in the schema, changes. The indexes are saved as built,
 * so a change to how an index is built (see CorpusIndex, SearchIndex) bumps it too.
 * 2: the built corpus (records, texts and indexes), no longer the validated records alone.
 * 3: packed with each distinct string once (snapshot-pack.ts).
 * 4: framed with a checksum (snapshot-file.ts).
 * 5: in parts, read one at a time (snapshot-codec.ts).
 * 6: the typed arrays' bytes as they are, read back into one block.
 */
const SNAPSHOT_FORMAT = 6;

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

/** The corpus saved for these files, indexes and all, or nothing (none saved, or unreadable: parse instead). */
function readSnapshot(cacheDir: string, key: string): CorpusSnapshot | undefined {
  try {
    return asCorpusSnapshot(decodeSnapshot(readFileSync(snapshotPath(cacheDir, key)), key));
  } catch {
    return undefined;
  }
}

/** A snapshot's two parts (see `saveSnapshot`) as one. */
function asCorpusSnapshot(decoded: Decoded | undefined): CorpusSnapshot | undefined {
  return decoded && ({ ...(decoded.value as object), texts: decoded.late } as CorpusSnapshot);
}

/**
 * The corpus in the snapshot file at `path`, saved under `key`, restored in steps with `pause` awaited between
 * them; undefined when the file is damaged or of another key. Throws when it cannot be read.
 */
export async function restoreSnapshotFile(
  path: string,
  key: string,
  pause: () => Promise<void>,
): Promise<Corpus | undefined> {
  const file = await readFile(path);
  const saved = asCorpusSnapshot(await runStepsPausing(decodeSnapshotSteps(file, key), pause));
  return saved && runStepsPausing(Corpus.restoreSteps(saved), pause);
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
  /** The texts compressed elsewhere meanwhile, in the corpus's order (see `buildSplit`); undefined if that failed. */
  compressed?: Promise<(readonly [string, Uint8Array])[] | undefined>,
): Promise<string> {
  await mkdir(cacheDir, { recursive: true });
  const key = snapshotKey(hash, options);
  const path = snapshotPath(cacheDir, key);
  const temp = `${path}.${process.pid}.${threadId}.tmp`;
  const { texts, ...rest } = corpus.snapshot();
  const compressing = (async () => {
    const given = await compressed;
    return given
      ? SourceTexts.fromCompressed(given)
      : texts.compressedWith((bytes) => deflateRawSync(bytes, TEXT_DEFLATE));
  })();
  await writeFile(temp, await encodeSnapshot(key, rest, compressing));
  await rename(temp, path);
  // Keep the newest few: a rollback to recent data is still fast, and the directory does not grow without end.
  const others = (await readdir(cacheDir)).filter(
    (f) => /^corpus-[0-9a-f]+\.v8$/.test(f) && join(cacheDir, f) !== path,
  );
  const dated = await Promise.all(others.map(async (f) => ({ f, at: (await stat(join(cacheDir, f))).mtimeMs })));
  for (const { f } of dated.sort((a, b) => b.at - a.at).slice(2)) await rm(join(cacheDir, f), { force: true });
  return path;
}

/** data/'s files as read, hashed from the bytes read: a snapshot saved after parsing is of exactly what was parsed. */
function readFiles(dataDir: string): { ok: false; errors: CorpusError[] } | { ok: true; hash: string; raw: RawFiles } {
  const raw = readRaw(dataDir);
  if (raw.errors.length > 0 && raw.yaml.size === 0) return { ok: false, errors: raw.errors };
  return { ok: true, hash: contentHash(raw), raw };
}

/** The bytes of data/'s YAML files as they are on disk (a file that cannot be read counts nothing). */
function yamlBytesOnDisk(dataDir: string): number {
  let total = 0;
  for (const file of Object.keys(corpusFiles)) {
    try {
      total += statSync(join(dataDir, file)).size;
    } catch {
      // The load reports it.
    }
  }
  return total;
}

const versionOf = (hash: string) => hash.slice(0, 12);

/** The corpus of data/'s snapshot, when one is saved for its current files and restores. */
function restoreSaved(dataDir: string, options: LoadOptions): Corpus | undefined {
  if (!options.cacheDir) return undefined;
  const onDisk = contentHashOnDisk(dataDir);
  const saved = onDisk === undefined ? undefined : readSnapshot(options.cacheDir, snapshotKey(onDisk, options));
  return saved && restore(saved);
}

export async function loadCorpus(dataDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const restored = restoreSaved(dataDir, options);
  if (restored) return { ok: true, corpus: restored, restored: true };
  if (options.isolate ?? yamlBytesOnDisk(dataDir) >= SPLIT_FROM_BYTES) return loadCorpusInChild(dataDir, options);
  const built = await buildFromFiles(dataDir, options, false);
  if (!built.ok) return built;
  if (options.cacheDir) await saveSnapshot(options.cacheDir, built.hash, built.corpus, options).catch(() => undefined);
  return { ok: true, corpus: built.corpus, restored: false, split: built.split === true };
}

/** data/ read, validated and built, here or on two threads (`LoadOptions.split`); `compress` as `buildSplit`'s. */
async function buildFromFiles(dataDir: string, options: LoadOptions, compress: boolean) {
  const found = readFiles(dataDir);
  if (!found.ok) return found;
  const split = options.split ?? yamlBytes(found.raw) >= SPLIT_FROM_BYTES;
  const version = versionOf(found.hash);
  const built = split ? await buildSplit(found.raw, version, compress) : buildHere(found.raw, version);
  return built.ok ? { ...built, hash: found.hash } : built;
}

/**
 * Builds data/'s corpus in a child process, which saves its snapshot (or finds one saved), and restores that here,
 * with `pause` awaited between steps of a few milliseconds. Without a cache directory the snapshot goes to a
 * temporary one, removed once read.
 */
export async function loadCorpusInChild(
  dataDir: string,
  options: LoadOptions = {},
  pause: () => Promise<void> = async () => undefined,
): Promise<LoadResult> {
  // A snapshot that cannot be saved in the cache directory (not writable) costs the next start its speed, not this
  // load: the child saves it in a temporary directory instead.
  const cacheDir = options.cacheDir && (await writableDir(options.cacheDir)) ? options.cacheDir : undefined;
  return loadInChildOnce(dataDir, { ...options, cacheDir }, pause);
}

/** Whether `dir` is a directory this process can write in, made if missing. */
async function writableDir(dir: string): Promise<boolean> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

async function loadInChildOnce(dataDir: string, options: LoadOptions, pause: () => Promise<void>): Promise<LoadResult> {
  const temp = options.cacheDir ? undefined : await mkdtemp(join(tmpdir(), "huunghi-corpus-"));
  const cacheDir = options.cacheDir ?? (temp as string);
  try {
    const reply = await buildInChild({
      dataDir,
      // Keyed by this process's code, which is what restores it.
      options: {
        ...options,
        cacheDir,
        fresh: temp !== undefined,
        codeFingerprint: options.codeFingerprint ?? codeFingerprint(),
      },
    });
    if (!reply.ok) return reply;
    const corpus = await restoreSnapshotFile(reply.path, reply.key, pause);
    if (!corpus) throw new Error("the corpus loader saved a snapshot that cannot be read back");
    return { ok: true, corpus, restored: reply.cached, isolated: true };
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}

/** Whether the snapshot file at `path` is whole and saved under `key`. */
function snapshotIntact(path: string, key: string): boolean {
  try {
    return snapshotKeyOf(readFileSync(path)) === key;
  } catch {
    return false;
  }
}

/**
 * What the child process of `loadCorpusInChild` does: data/'s snapshot in `cacheDir`, found or built and saved, or
 * the errors that refuse the data.
 */
export async function buildSnapshotFile(
  dataDir: string,
  options: LoadOptions & { cacheDir: string; fresh?: boolean },
): Promise<{ ok: true; path: string; key: string; cached: boolean } | { ok: false; errors: CorpusError[] }> {
  // A fresh cache directory (a temporary one) holds nothing to look for.
  const onDisk = options.fresh ? undefined : contentHashOnDisk(dataDir);
  if (onDisk !== undefined) {
    const key = snapshotKey(onDisk, options);
    const path = snapshotPath(options.cacheDir, key);
    if (snapshotIntact(path, key)) return { ok: true, path, key, cached: true };
  }
  const built = await buildFromFiles(dataDir, options, true);
  if (!built.ok) return built;
  const path = await saveSnapshot(options.cacheDir, built.hash, built.corpus, options, built.compressed);
  return { ok: true, path, key: snapshotKey(built.hash, options), cached: false };
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
