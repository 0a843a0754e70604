// Reads data/ from disk: YAML files parsed, validated by schema, cross-checked, quotes verified.
// Either a whole new Corpus or a list of errors with file and path: never a half-loaded corpus.
//
// A load is kept as a snapshot under the cache directory, named by the hash of every data file's bytes: the built
// corpus, records and indexes in one v8 serialization. A restart with unchanged data restores it and skips
// parsing, validation and indexing.
import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DefaultDeserializer, serialize } from "node:v8";
import { threadId } from "node:worker_threads";
import { load as parseYaml } from "js-yaml";
import { z } from "zod";
import { Corpus, type CorpusSnapshot, indexingCode } from "../core/corpus";
import { type CorpusData, type CorpusFileName, corpusFiles } from "../core/model";
import { checkSummaryNumbers } from "../core/summary-numbers";
import { type CorpusError, checkQuotes, checkReferences } from "../core/validate";
import { BOT_VERSION } from "../version";

export type LoadResult =
  | { ok: true; corpus: Corpus /** From a snapshot, not built. */; restored?: boolean }
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
  /** The code part of the snapshot key, when another thread's code will restore it (see `codeFingerprint`). */
  codeFingerprint?: string;
}

/**
 * Bump when what a snapshot holds, or a check that is not in the schema, changes. The indexes are saved as built,
 * so a change to how an index is built (see CorpusIndex, SearchIndex) bumps it too.
 * 2: the built corpus (records, texts and indexes), no longer the validated records alone.
 */
const SNAPSHOT_FORMAT = 2;

const KIND_OF: Record<CorpusFileName, keyof CorpusData> = {
  "sources.yaml": "sources",
  "provinces.yaml": "provinces",
  "places.yaml": "places",
  "people.yaml": "people",
  "events.yaml": "events",
  "agreements.yaml": "agreements",
  "figures.yaml": "figures",
  "anniversaries.yaml": "anniversaries",
};

function formatPath(path: readonly PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "") || "(root)"
  );
}

/**
 * Nodes a value would have with every alias written out: an alias bomb (aliases of aliases) is small as text and
 * as parsed (aliases share one object), but billions of nodes to whatever walks it, such as validation.
 */
function expandedSize(value: unknown, memo: Map<object, number>, limit: number): number {
  if (value === null || typeof value !== "object") return 1;
  const known = memo.get(value);
  if (known !== undefined) return known;
  let size = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    size += expandedSize(child, memo, limit);
    if (size > limit) break;
  }
  memo.set(value, size);
  return size;
}

/** Parses and validates one data file's text. Aliases are fine as long as writing them out stays small. */
export function parseDataFile(file: CorpusFileName, text: string): { records?: unknown[]; errors: CorpusError[] } {
  let parsed: unknown;
  try {
    parsed = parseYaml(text, { filename: file, maxAliases: 10_000 });
  } catch (error) {
    const e = error as { reason?: string; message: string; mark?: { line: number; column: number } };
    return {
      errors: [
        {
          file,
          path: e.mark ? `line ${e.mark.line + 1}, column ${e.mark.column + 1}` : "(document)",
          message: e.reason ?? e.message.split("\n")[0] ?? e.message,
        },
      ],
    };
  }
  const memo = new Map<object, number>();
  const limit = 10_000 + 4 * text.length;
  if (expandedSize(parsed, memo, limit) > limit) {
    return {
      errors: [
        {
          file,
          path: "(document)",
          message: `YAML aliases (*name) expand to more than ${limit} values: refused as an alias bomb; write the values out`,
        },
      ],
    };
  }
  const result = corpusFiles[file].safeParse(parsed ?? []);
  if (!result.success) {
    return { errors: result.error.issues.map((i) => ({ file, path: formatPath(i.path), message: i.message })) };
  }
  return { records: result.data, errors: [] };
}

/** UTF-8 text, or an error naming the line of the first byte that is not UTF-8 (never served as U+FFFD). */
export function decodeUtf8(file: string, bytes: Buffer): { text: string } | { error: CorpusError } {
  if (isUtf8(bytes)) return { text: bytes.toString("utf8") };
  const text = bytes.toString("utf8");
  const at = text.indexOf("\uFFFD");
  const line = at < 0 ? 1 : text.slice(0, at).split("\n").length;
  return { error: { file, path: `line ${line}`, message: "not valid UTF-8: save the file as UTF-8" } };
}

interface RawFiles {
  yaml: Map<CorpusFileName, Buffer>;
  sources: Map<string, Buffer>;
  errors: CorpusError[];
}

async function readRaw(dataDir: string): Promise<RawFiles> {
  const yaml = new Map<CorpusFileName, Buffer>();
  const sources = new Map<string, Buffer>();
  const errors: CorpusError[] = [];
  await Promise.all(
    (Object.keys(corpusFiles) as CorpusFileName[]).map(async (file) => {
      try {
        yaml.set(file, await readFile(join(dataDir, file)));
      } catch (error) {
        errors.push({ file, path: "(file)", message: `cannot read: ${(error as Error).message}` });
      }
    }),
  );
  const dir = join(dataDir, "sources");
  let names: string[] = [];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    errors.push({ file: "sources/", path: "(directory)", message: `cannot read: ${(error as Error).message}` });
  }
  // A bounded number of reads at once: thousands of sources must not exhaust file handles.
  for (let i = 0; i < names.length; i += 64) {
    await Promise.all(
      names.slice(i, i + 64).map(async (name) => {
        const path = join(dir, name);
        if (!(await stat(path)).isFile()) return;
        sources.set(name, await readFile(path));
      }),
    );
  }
  return { yaml, sources, errors };
}

/** Content hash of every data file (names and bytes), the schema and the snapshot format: the corpus version. */
function contentHash(raw: RawFiles): string {
  const hash = createHash("sha256");
  hash.update(`format ${SNAPSHOT_FORMAT}\0${schemaFingerprint()}\0`);
  for (const file of [...raw.yaml.keys()].sort()) {
    hash.update(`${file}\0${raw.yaml.get(file)?.length}\0`);
    hash.update(raw.yaml.get(file) as Buffer);
  }
  for (const [name, bytes] of [...raw.sources].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(`sources/${name}\0${bytes.length}\0`);
    hash.update(bytes);
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
 */
class OwnArraysDeserializer extends DefaultDeserializer {
  // Node documents `_readHostObject` as the hook to override (its types leave it out).
  _readHostObject(): ArrayBufferView {
    const base = DefaultDeserializer.prototype as unknown as { _readHostObject(): ArrayBufferView };
    const view = base._readHostObject.call(this);
    const own = view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength);
    return new (view.constructor as new (buffer: ArrayBufferLike) => ArrayBufferView)(own);
  }
}

function deserializeOwned(bytes: Buffer): unknown {
  const reader = new OwnArraysDeserializer(bytes);
  reader.readHeader();
  return reader.readValue();
}

/** The corpus saved for these files, indexes and all, or nothing (none saved, or unreadable: parse instead). */
async function readSnapshot(cacheDir: string, key: string): Promise<Corpus | undefined> {
  try {
    const saved = deserializeOwned(await readFile(snapshotPath(cacheDir, key))) as {
      key: string;
      corpus: CorpusSnapshot;
    };
    if (saved.key !== key) return undefined;
    return Corpus.restore(saved.corpus);
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
  await writeFile(temp, serialize({ key, corpus: corpus.snapshot() }));
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
  | { ok: true; hash: string; corpus: Corpus }
  | { ok: true; hash: string; data: CorpusData; texts: Map<string, string> };

/** The saved corpus for data/'s current files, or its records read, parsed and validated. */
async function find(dataDir: string, options: LoadOptions): Promise<Found> {
  const raw = await readRaw(dataDir);
  if (raw.errors.length > 0 && raw.yaml.size === 0) return { ok: false, errors: raw.errors };
  const hash = contentHash(raw);
  if (options.cacheDir && raw.errors.length === 0) {
    const corpus = await readSnapshot(options.cacheDir, snapshotKey(hash, options));
    if (corpus) return { ok: true, hash, corpus };
  }
  const errors: CorpusError[] = [...raw.errors];
  const data: Partial<Record<keyof CorpusData, unknown[]>> = {};
  for (const file of Object.keys(corpusFiles) as CorpusFileName[]) {
    const bytes = raw.yaml.get(file);
    if (!bytes) continue;
    const decoded = decodeUtf8(file, bytes);
    if ("error" in decoded) {
      errors.push(decoded.error);
      continue;
    }
    const parsed = parseDataFile(file, decoded.text);
    errors.push(...parsed.errors);
    if (parsed.records) data[KIND_OF[file]] = parsed.records;
  }
  const texts = new Map<string, string>();
  for (const [name, bytes] of [...raw.sources].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const decoded = decodeUtf8(`sources/${name}`, bytes);
    if ("error" in decoded) errors.push(decoded.error);
    else texts.set(name, decoded.text);
  }
  if (errors.length > 0) return { ok: false, errors };
  const full = data as unknown as CorpusData;
  errors.push(...checkReferences(full), ...checkQuotes(full, texts), ...checkSummaryNumbers(full));
  for (const s of full.sources) {
    if (!texts.has(s.file))
      errors.push({ file: "sources.yaml", path: s.file, message: "no such file in data/sources/" });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, hash, data: full, texts };
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
  if ("corpus" in found) {
    const { data, texts } = found.corpus;
    return { ok: true, data: data as CorpusData, texts: [...texts], version, cached: true, hash: found.hash };
  }
  if (options.cacheDir && options.saveSnapshot !== false) {
    const corpus = new Corpus(found.data, found.texts, version);
    await saveSnapshot(options.cacheDir, found.hash, corpus, options).catch(() => undefined);
  }
  return { ok: true, data: found.data, texts: [...found.texts], version, cached: false, hash: found.hash };
}

export async function loadCorpus(dataDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const found = await find(dataDir, options);
  if (!found.ok) return found;
  if ("corpus" in found) return { ok: true, corpus: found.corpus, restored: true };
  const corpus = new Corpus(found.data, found.texts, versionOf(found.hash));
  if (options.cacheDir) await saveSnapshot(options.cacheDir, found.hash, corpus, options).catch(() => undefined);
  return { ok: true, corpus, restored: false };
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
